#pragma once

#include <QDate>
#include <QString>

namespace onewindow {

// GB 11643-1999 公民身份号码 and the numbers that share its form (reference/idcard.md §3):
// 6-digit address code + YYYYMMDD + 3-digit sequence (17th digit odd = male) + MOD 11-2 check.
class ResidentId
{
public:
    enum class Kind
    {
        Unknown,
        Resident,    // mainland resident
        Hmt,         // HK/Macau/Taiwan residence permit: address code 810000/820000/830000
        Foreign2023, // 2023 foreigner permanent residence card: starts with 9
        Legacy15,    // GB 11643-1989 15-digit number: 2-digit year, no check digit
    };
    enum class Error
    {
        None,
        Format,
        Length,
        Date,
        Checksum
    };
    enum class Sex
    {
        Unknown,
        Male,
        Female
    };

    // Never throws; invalid input gives isValid()==false and error() says why. Whitespace
    // around the number is ignored and a lowercase 'x' check character is normalised to 'X'.
    // Only the province is checked against a list (a closed set); the rest of the address code
    // never is: numbers are for life. Checks, in order: characters (Format: anything but ASCII
    // digits and X/x), length (15 or 18), 'X' position (Format), province (Format: digits 1–2,
    // or 2–3 of a 2023 foreigner number, outside 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71,
    // 81–83), birth date (Date: a real calendar date, year >= 1800, not after
    // `today`; a null `today` skips the last test), check character (Checksum). After a Date or
    // Checksum error number(), kind(), sex() and regionCode() are still filled for diagnostics.
    static ResidentId parse(const QString& text, QDate today = QDate::currentDate());
    ResidentId() = default;
    ResidentId(const ResidentId&) = default;
    ResidentId(ResidentId&&) = default;
    ResidentId& operator=(const ResidentId&) = default;
    ResidentId& operator=(ResidentId&&) = default;
    ~ResidentId(); // wipes the number it solely owns

    // ISO 7064 MOD 11-2 check character for 17 digits ('0'..'9' or 'X'); '\0' on bad input.
    static char checkCharacter(QStringView first17);

    bool isValid() const { return m_error == Error::None; }
    Error error() const { return m_error; }
    Kind kind() const { return m_kind; }
    QString number() const { return m_number; } // normalised; empty on format/length errors
    QDate birthDate() const { return m_birth; }
    Sex sex() const { return m_sex; }
    // The 6-digit address code (for Foreign2023: the acceptance province, e.g. "110000").
    QString regionCode() const { return m_region; }

    static const char* kindName(Kind k);   // "resident", "hmt", "foreign_2023", "legacy15", "unknown"
    static const char* errorName(Error e); // null for None, else "format", "length", "date", "checksum"

private:
    QString m_number;
    QString m_region;
    QDate m_birth;
    Kind m_kind = Kind::Unknown;
    Error m_error = Error::Format;
    Sex m_sex = Sex::Unknown;
};

} // namespace onewindow
