#include "app/catalog/FieldPattern.h"

#include <QList>

namespace onewindow::catalog {

namespace {

// What a group (or the whole pattern) contains, as far as backtracking is concerned.
struct GroupFacts
{
    bool variable = false;   // a quantifier whose count is not fixed (*, +, ?, {n,m}, {n,})
    bool alternates = false; // a '|'
};

struct Quantifier
{
    int length = 0;        // characters, 0 when there is none at the position
    bool repeats = false;  // may match more than once
    bool variable = false; // the count is not fixed
};

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// A quantifier at p[i] ({n}, {n,}, {n,m} as PCRE2 10.42 reads them; anything else is literal),
// with a lazy '?' or possessive '+' suffix.
Quantifier quantifierAt(const QString& p, qsizetype i)
{
    Quantifier q;
    if (i >= p.size())
        return q;
    const QChar c = p.at(i);
    if (c == u'*' || c == u'+') {
        q = {1, true, true};
    } else if (c == u'?') {
        q = {1, false, true};
    } else if (c == u'{') {
        qsizetype j = i + 1;
        qsizetype digits = 0;
        qint64 min = 0;
        while (j < p.size() && isDigit(p.at(j)) && digits < 9) {
            min = min * 10 + (p.at(j).unicode() - u'0');
            ++j, ++digits;
        }
        if (digits == 0)
            return q;
        qint64 max = min;
        bool unbounded = false;
        if (j < p.size() && p.at(j) == u',') {
            ++j;
            qsizetype maxDigits = 0;
            max = 0;
            while (j < p.size() && isDigit(p.at(j)) && maxDigits < 9) {
                max = max * 10 + (p.at(j).unicode() - u'0');
                ++j, ++maxDigits;
            }
            unbounded = maxDigits == 0;
        }
        if (j >= p.size() || p.at(j) != u'}')
            return q;
        q = {int(j - i + 1), unbounded || max > 1, unbounded || max != min};
    } else {
        return q;
    }
    if (i + q.length < p.size() && (p.at(i + q.length) == u'?' || p.at(i + q.length) == u'+'))
        ++q.length;
    return q;
}

// The end (one past) of the character class that starts at p[i] == '['.
qsizetype classEnd(const QString& p, qsizetype i)
{
    qsizetype j = i + 1;
    if (j < p.size() && p.at(j) == u'^')
        ++j;
    if (j < p.size() && p.at(j) == u']')
        ++j; // a leading ']' is a literal
    while (j < p.size()) {
        const QChar c = p.at(j);
        if (c == u'\\') {
            if (j + 1 < p.size() && p.at(j + 1) == u'Q') {
                const qsizetype e = p.indexOf(QStringLiteral("\\E"), j + 2);
                j = e < 0 ? p.size() : e + 2;
            } else {
                j += 2;
            }
        } else if (c == u'[' && j + 1 < p.size() && p.at(j + 1) == u':') {
            const qsizetype e = p.indexOf(QStringLiteral(":]"), j + 2);
            j = e < 0 ? j + 1 : e + 2;
        } else if (c == u']') {
            return j + 1;
        } else {
            ++j;
        }
    }
    return p.size();
}

} // namespace

QString FieldPattern::unsafeConstruct(const QString& p)
{
    if (p.size() > kMaxPatternLength)
        return QStringLiteral("longer than %1 characters").arg(kMaxPatternLength);
    QList<GroupFacts> open{GroupFacts{}}; // the innermost open group last; [0] = the whole pattern
    qsizetype i = 0;
    while (i < p.size()) {
        const QChar c = p.at(i);
        std::optional<GroupFacts> closed; // set when this item is a group just closed
        if (c == u'\\') {
            const QChar d = i + 1 < p.size() ? p.at(i + 1) : QChar();
            if ((d >= u'1' && d <= u'9') || d == u'g' || d == u'k')
                return QStringLiteral("backreference");
            if (d == u'Q') {
                const qsizetype e = p.indexOf(QStringLiteral("\\E"), i + 2);
                i = e < 0 ? p.size() : e + 2;
                continue; // literal text: its last character could be quantified, harmlessly
            }
            if ((d == u'x' || d == u'p' || d == u'P' || d == u'N' || d == u'o') && i + 2 < p.size() &&
                p.at(i + 2) == u'{') {
                const qsizetype e = p.indexOf(u'}', i + 3);
                i = e < 0 ? p.size() : e + 1;
            } else {
                i += d == u'c' ? 3 : 2;
            }
        } else if (c == u'[') {
            i = classEnd(p, i);
        } else if (c == u'(') {
            const QChar d = i + 1 < p.size() ? p.at(i + 1) : QChar();
            if (d == u'*')
                return QStringLiteral("verb");
            if (d == u'?') {
                const QChar e = i + 2 < p.size() ? p.at(i + 2) : QChar();
                if (e == u'#') { // comment
                    const qsizetype end = p.indexOf(u')', i + 3);
                    i = end < 0 ? p.size() : end + 1;
                    continue;
                }
                if (e == u'R' || isDigit(e) || e == u'+' || e == u'&' || e == u'C' || e == u'(' ||
                    (e == u'-' && i + 3 < p.size() && isDigit(p.at(i + 3))) ||
                    (e == u'P' && i + 3 < p.size() && p.at(i + 3) != u'<'))
                    return QStringLiteral("recursion, conditional, callout or backreference");
                if (e.isLetter() || e == u'-' || e == u'^') {
                    // Inline options: "(?i)" changes flags without opening a group.
                    qsizetype j = i + 2;
                    while (j < p.size() && (p.at(j).isLetter() || p.at(j) == u'-' || p.at(j) == u'^'))
                        ++j;
                    if (j < p.size() && p.at(j) == u')') {
                        i = j + 1;
                        continue;
                    }
                }
            }
            open.append(GroupFacts{});
            ++i;
            continue; // the group's own quantifier is seen at its ')'
        } else if (c == u')') {
            if (open.size() == 1)
                return {}; // unbalanced: QRegularExpression reports it as invalid
            closed = open.takeLast();
            ++i;
        } else if (c == u'|') {
            open.last().alternates = true;
            ++i;
            continue;
        } else {
            ++i;
        }

        const Quantifier q = quantifierAt(p, i);
        if (q.length > 0) {
            if (q.repeats && closed && (closed->variable || closed->alternates))
                return QStringLiteral(
                    "nested quantifier: a repeated group that repeats or alternates inside");
            i += q.length;
            if (quantifierAt(p, i).length > 0)
                return QStringLiteral("nested quantifier");
            open.last().variable = open.last().variable || q.variable;
        }
        if (closed) {
            open.last().variable = open.last().variable || closed->variable;
            open.last().alternates = open.last().alternates || closed->alternates;
        }
    }
    return {};
}

Expected<FieldPattern, QString> FieldPattern::compile(const QString& pattern)
{
    using R = Expected<FieldPattern, QString>;
    if (!QRegularExpression(pattern).isValid())
        return R::failure(QStringLiteral("invalid pattern"));
    if (const QString why = unsafeConstruct(pattern); !why.isEmpty())
        return R::failure(QStringLiteral("unsafe pattern (%1)").arg(why));
    // Whole value: \A and \z, not ^ and $ ($ would also match before a final newline). The
    // start-of-pattern limit can only lower PCRE2's own (10 000 000); the hub's pattern
    // cannot raise it, as (*…) is refused above and only counts at the very start anyway.
    QRegularExpression re(
        QStringLiteral("(*LIMIT_MATCH=%1)\\A(?:%2)\\z").arg(QString::number(kMatchLimit), pattern));
    if (!re.isValid())
        return R::failure(QStringLiteral("invalid pattern")); // e.g. \Q swallowing the anchors
    re.optimize();                                            // JIT now, not at the first keystroke
    return FieldPattern(std::move(re));
}

bool FieldPattern::matches(const QString& value) const
{
    if (value.size() > kMaxValueLength)
        return false;
    // A match that runs out of its step budget reports no match: the value is refused.
    return m_re.match(value).hasMatch();
}

} // namespace onewindow::catalog
