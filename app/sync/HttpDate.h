#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <optional>

namespace onewindow::sync {

// Parses an HTTP-date in any of the three forms RFC 9110 §5.6.7 requires a recipient to accept:
// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the obsolete RFC 850 form
// ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994"). The grammar is
// case-sensitive and strict; anything else is refused. `now` resolves RFC 850's two-digit year: a
// year more than 50 years ahead is the most recent past year with the same last two digits.
std::optional<QDateTime> parseHttpDate(QByteArrayView value, const QDateTime& now);

} // namespace onewindow::sync
