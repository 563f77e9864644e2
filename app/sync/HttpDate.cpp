#include "app/sync/HttpDate.h"

#include <array>
#include <string_view>

namespace onewindow::sync {

namespace {

constexpr std::array<std::string_view, 7> kShortDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kLongDays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                       "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// The longest valid form is RFC 850 with "Wednesday": 37 characters. Anything longer is refused
// before any parsing.
constexpr qsizetype kMaxLength = 40;

// A cursor over the header value; every read checks bounds, so no input can run past the end.
class Cursor
{
public:
    explicit Cursor(std::string_view s) : m_s(s) {}

    bool literal(std::string_view lit)
    {
        if (m_s.substr(m_pos, lit.size()) != lit)
            return false;
        m_pos += lit.size();
        return true;
    }

    // Exactly `count` ASCII digits.
    std::optional<int> digits(size_t count)
    {
        if (m_pos + count > m_s.size())
            return std::nullopt;
        int v = 0;
        for (size_t i = 0; i < count; ++i) {
            const char c = m_s[m_pos + i];
            if (c < '0' || c > '9')
                return std::nullopt;
            v = v * 10 + (c - '0');
        }
        m_pos += count;
        return v;
    }

    template <size_t N> std::optional<int> oneOf(const std::array<std::string_view, N>& names)
    {
        for (size_t i = 0; i < N; ++i)
            if (literal(names[i]))
                return int(i);
        return std::nullopt;
    }

    bool atEnd() const { return m_pos == m_s.size(); }

private:
    std::string_view m_s;
    size_t m_pos = 0;
};

// time-of-day = hour ":" minute ":" second
std::optional<QTime> timeOfDay(Cursor& c)
{
    const auto h = c.digits(2);
    if (!h || !c.literal(":"))
        return std::nullopt;
    const auto m = c.digits(2);
    if (!m || !c.literal(":"))
        return std::nullopt;
    const auto s = c.digits(2);
    if (!s)
        return std::nullopt;
    // QTime refuses 24:00 and 60 seconds; a leap second in a Retry-After is not worth honouring.
    const QTime t(*h, *m, *s);
    return t.isValid() ? std::optional<QTime>(t) : std::nullopt;
}

std::optional<QDateTime> combine(int year, int month, int day, const std::optional<QTime>& time)
{
    const QDate d(year, month, day);
    if (!d.isValid() || !time)
        return std::nullopt;
    return QDateTime(d, *time, Qt::UTC);
}

std::optional<QDateTime> imfFixdate(std::string_view s)
{
    // day-name "," SP day SP month SP year SP time-of-day SP "GMT"
    Cursor c(s);
    if (!c.oneOf(kShortDays) || !c.literal(", "))
        return std::nullopt;
    const auto day = c.digits(2);
    if (!day || !c.literal(" "))
        return std::nullopt;
    const auto month = c.oneOf(kMonths);
    if (!month || !c.literal(" "))
        return std::nullopt;
    const auto year = c.digits(4);
    if (!year || !c.literal(" "))
        return std::nullopt;
    const auto time = timeOfDay(c);
    if (!c.literal(" GMT") || !c.atEnd())
        return std::nullopt;
    return combine(*year, *month + 1, *day, time);
}

std::optional<QDateTime> rfc850(std::string_view s, const QDateTime& now)
{
    // day-name-l "," SP day "-" month "-" 2DIGIT SP time-of-day SP "GMT"
    Cursor c(s);
    if (!c.oneOf(kLongDays) || !c.literal(", "))
        return std::nullopt;
    const auto day = c.digits(2);
    if (!day || !c.literal("-"))
        return std::nullopt;
    const auto month = c.oneOf(kMonths);
    if (!month || !c.literal("-"))
        return std::nullopt;
    const auto yy = c.digits(2);
    if (!yy || !c.literal(" "))
        return std::nullopt;
    const auto time = timeOfDay(c);
    if (!c.literal(" GMT") || !c.atEnd())
        return std::nullopt;
    const int thisYear = now.toUTC().date().year();
    int year = thisYear - thisYear % 100 + *yy;
    if (year > thisYear + 50)
        year -= 100;
    return combine(year, *month + 1, *day, time);
}

std::optional<QDateTime> asctime(std::string_view s)
{
    // day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP time-of-day SP year
    Cursor c(s);
    if (!c.oneOf(kShortDays) || !c.literal(" "))
        return std::nullopt;
    const auto month = c.oneOf(kMonths);
    if (!month || !c.literal(" "))
        return std::nullopt;
    std::optional<int> day = c.literal(" ") ? c.digits(1) : c.digits(2);
    if (!day || !c.literal(" "))
        return std::nullopt;
    const auto time = timeOfDay(c);
    if (!c.literal(" "))
        return std::nullopt;
    const auto year = c.digits(4);
    if (!year || !c.atEnd())
        return std::nullopt;
    return combine(*year, *month + 1, *day, time);
}

} // namespace

std::optional<QDateTime> parseHttpDate(QByteArrayView value, const QDateTime& now)
{
    if (value.isEmpty() || value.size() > kMaxLength)
        return std::nullopt;
    const std::string_view s(value.data(), size_t(value.size()));
    if (auto d = imfFixdate(s))
        return d;
    if (auto d = rfc850(s, now))
        return d;
    return asctime(s);
}

} // namespace onewindow::sync
