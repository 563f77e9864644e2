#pragma once

#include "drivers/idcard/Expected.h"

#include <QRegularExpression>
#include <QString>

namespace onewindow::catalog {

// A catalogue field's validation.pattern, made safe to run on the GUI thread at every
// keystroke (docs/field-patterns.md). The pattern comes from the hub, so it is untrusted:
//  - refused when it can backtrack exponentially (a repeated group that itself repeats or
//    alternates, as in (a+)+ or (a|aa)+), uses backreferences, recursion, conditionals,
//    callouts or verbs, is longer than kMaxPatternLength, or is invalid once anchored;
//  - every match runs with a PCRE2 step budget, (*LIMIT_MATCH=…) in the pattern itself, since
//    QRegularExpression exposes no match limit: what exceeds it does not match (fails closed);
//  - values longer than kMaxValueLength are not matched at all.
// Compiled (and JIT-optimised) once, when the catalogue is parsed.
class FieldPattern
{
public:
    static constexpr int kMaxPatternLength = 200; // UTF-16 code units
    static constexpr int kMaxValueLength = 256;
    static constexpr int kMatchLimit = 100000; // PCRE2 match steps per value

    // The pattern matches the whole value (it is anchored here). The error says what is wrong
    // for the catalogue's warnings: "invalid pattern" or "unsafe pattern (…)".
    static Expected<FieldPattern, QString> compile(const QString& pattern);
    // Why a syntactically valid pattern is refused, or empty when it is acceptable.
    static QString unsafeConstruct(const QString& pattern);

    bool matches(const QString& value) const;

private:
    explicit FieldPattern(QRegularExpression re) : m_re(std::move(re)) {}
    QRegularExpression m_re;
};

} // namespace onewindow::catalog
