#include "drivers/idcard/ResidentId.h"

#include "drivers/idcard/SecureWipe.h"

namespace onewindow {

namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckChars[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

int digitsValue(QStringView s) // caller guarantees ASCII digits
{
    int v = 0;
    for (const QChar c : s)
        v = v * 10 + (c.unicode() - u'0');
    return v;
}

// YYYYMMDD (8 ASCII digits, checked by the caller); null when not a real calendar date.
QDate dateFromDigits(QStringView yyyymmdd)
{
    const int y = digitsValue(yyyymmdd.sliced(0, 4));
    const int m = digitsValue(yyyymmdd.sliced(4, 2));
    const int d = digitsValue(yyyymmdd.sliced(6, 2));
    return QDate::isValid(y, m, d) ? QDate(y, m, d) : QDate();
}

// GB/T 2260's provinces, a closed set (reference/idcard.md §3): 11–15, 21–23, 31–37, 41–46,
// 50–54, 61–65, 71 (Taiwan), 81–83 (HK, Macau, Taiwan residence permits). Codes below province
// level are not checked: a prefecture or county that no longer exists keeps its numbers.
bool isProvinceCode(QStringView twoDigits)
{
    const int p = digitsValue(twoDigits);
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
           (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || (p >= 81 && p <= 83);
}

} // namespace

ResidentId::~ResidentId()
{
    secureWipe(m_number); // only when this is the last owner (a normalised copy)
}

char ResidentId::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return '\0';
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const QChar c = first17[i];
        if (!isAsciiDigit(c))
            return '\0';
        sum += (c.unicode() - u'0') * kWeights[i];
    }
    return kCheckChars[sum % 11];
}

ResidentId ResidentId::parse(const QString& text, QDate today)
{
    ResidentId id;
    // Read through a const reference only: a non-const QString::operator[] detaches, which
    // copied the number twice per parse into freed, unwiped memory (issue 16).
    QString normalised = text.trimmed();
    const QString& s = normalised;

    // Format: ASCII digits, plus an 'X'/'x' check character (its position is checked below).
    for (const QChar c : std::as_const(s)) {
        if (!isAsciiDigit(c) && c != QLatin1Char('X') && c != QLatin1Char('x')) {
            id.m_error = Error::Format;
            return id;
        }
    }
    if (s.size() != 18 && s.size() != 15) {
        id.m_error = Error::Length;
        return id;
    }
    // 'X' only as the 18th character; 15-digit numbers have no check character at all.
    for (qsizetype i = 0; i < s.size(); ++i) {
        const bool isX = s[i] == QLatin1Char('X') || s[i] == QLatin1Char('x');
        if (isX && !(s.size() == 18 && i == 17)) {
            id.m_error = Error::Format;
            return id;
        }
    }
    if (s.size() == 18 && s[17] == QLatin1Char('x'))
        normalised[17] = QLatin1Char('X');
    // The province: digits 1–2, or 2–3 of a 2023 foreigner number (9…, issuing province).
    const bool foreign2023 = s.size() == 18 && s[0] == QLatin1Char('9');
    if (!isProvinceCode(QStringView(s).sliced(foreign2023 ? 1 : 0, 2))) {
        id.m_error = Error::Format;
        secureWipe(normalised); // wiped only if it is a copy of our own, not the caller's text
        return id;
    }

    id.m_number = s;
    char16_t dateDigits[8] = {}; // on the stack, wiped once read: no heap copy of the birth date
    int sexDigit = 0;
    if (s.size() == 15) {
        // GB 11643-1989: 6-digit address, YYMMDD in the 1900s, 3-digit sequence (odd = male).
        id.m_kind = Kind::Legacy15;
        id.m_region = s.left(6);
        dateDigits[0] = u'1';
        dateDigits[1] = u'9';
        for (int i = 0; i < 6; ++i)
            dateDigits[2 + i] = s[6 + i].unicode();
        sexDigit = s[14].unicode() - u'0';
    } else {
        const QStringView prefix = QStringView(s).left(6);
        if (prefix == u"810000" || prefix == u"820000" || prefix == u"830000") {
            id.m_kind = Kind::Hmt;
            id.m_region = prefix.toString();
        } else if (foreign2023) {
            // 2023 foreigner card: the next two digits are the issuing province (checked above),
            // so the region is that province's code at province level ("11" → "110000").
            // Digits 4–6 are a nationality code.
            id.m_kind = Kind::Foreign2023;
            id.m_region = s.mid(1, 2) + QStringLiteral("0000");
        } else {
            id.m_kind = Kind::Resident;
            id.m_region = prefix.toString();
        }
        for (int i = 0; i < 8; ++i)
            dateDigits[i] = s[6 + i].unicode();
        sexDigit = s[16].unicode() - u'0';
    }
    id.m_sex = (sexDigit % 2 == 1) ? Sex::Male : Sex::Female;

    const QDate birth = dateFromDigits(QStringView(dateDigits, 8));
    secureWipe(dateDigits, sizeof dateDigits);
    if (!birth.isValid() || birth.year() < 1800 || (today.isValid() && birth > today)) {
        id.m_error = Error::Date;
        return id;
    }
    id.m_birth = birth;

    if (s.size() == 18 && checkCharacter(QStringView(s).left(17)) != s[17].toLatin1()) {
        id.m_error = Error::Checksum;
        return id;
    }
    id.m_error = Error::None;
    return id;
}

const char* ResidentId::kindName(Kind k)
{
    switch (k) {
    case Kind::Resident:
        return "resident";
    case Kind::Hmt:
        return "hmt";
    case Kind::Foreign2023:
        return "foreign_2023";
    case Kind::Legacy15:
        return "legacy15";
    case Kind::Unknown:
        break;
    }
    return "unknown";
}

const char* ResidentId::errorName(Error e)
{
    switch (e) {
    case Error::None:
        return nullptr;
    case Error::Format:
        return "format";
    case Error::Length:
        return "length";
    case Error::Date:
        return "date";
    case Error::Checksum:
        return "checksum";
    }
    return "format";
}

} // namespace onewindow
