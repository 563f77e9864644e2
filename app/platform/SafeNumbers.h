#pragma once

#include <QtGlobal>
#include <cmath>
#include <optional>

namespace onewindow {

// JSON numbers are doubles; converting one outside qint64's range to an integer is undefined
// behaviour (the fuzzers found 1e300 in a hub answer doing exactly that). These give the
// integer part when it fits, or say that it does not.
inline std::optional<qint64> toInt64(double d)
{
    // 2^63 is exactly representable; every double below it converts without overflow.
    constexpr double kLimit = 9223372036854775808.0;
    if (!std::isfinite(d) || d >= kLimit || d < -kLimit)
        return std::nullopt;
    return qint64(d);
}

// Seconds (possibly fractional) as milliseconds, for waits and intervals: std::nullopt when
// negative, not a number or beyond `maxMs`.
inline std::optional<qint64> secondsToMs(double seconds, qint64 maxMs)
{
    if (!std::isfinite(seconds) || seconds < 0 || seconds * 1000.0 > double(maxMs))
        return std::nullopt;
    return qint64(seconds * 1000.0);
}

} // namespace onewindow
