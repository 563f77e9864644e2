#include "app/phone/PhoneNumbers.h"

#include <mutex>
#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

namespace onewindow::phone {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& util()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // The library's logger would print what it fails to parse: a resident's number.
        PhoneNumberUtil::GetInstance()->SetLogger(new i18n::phonenumbers::NullLogger());
    });
    return *PhoneNumberUtil::GetInstance();
}

QString digitsOf(const QString& typed, qsizetype max = 20)
{
    QString out;
    for (QChar c : typed) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9') && out.size() < max)
            out.append(c);
    }
    return out;
}

PhoneCheck fromParsed(const PhoneNumber& n, const QString& expectedRegion, const QString& digits)
{
    const PhoneNumberUtil& u = util();
    PhoneCheck c;
    const bool anyRegion = expectedRegion == QLatin1String(kOtherRegion) || expectedRegion.isEmpty();
    c.valid = anyRegion ? u.IsValidNumber(n) : u.IsValidNumberForRegion(n, expectedRegion.toStdString());
    if (anyRegion) {
        // An invalid number has no region of its own: name the one its country code belongs to.
        std::string region;
        if (c.valid)
            u.GetRegionCodeForNumber(n, &region);
        else
            u.GetRegionCodeForCountryCode(n.country_code(), &region);
        c.region = QString::fromStdString(region);
    } else {
        c.region = expectedRegion;
    }
    std::string e164;
    u.Format(n, PhoneNumberUtil::E164, &e164);
    c.e164 = QString::fromStdString(e164);
    if (c.valid) {
        std::string shown;
        u.Format(n, PhoneNumberUtil::INTERNATIONAL, &shown);
        c.display = QString::fromStdString(shown);
    } else {
        c.display = digits;
    }
    return c;
}

} // namespace

void warmUp()
{
    // Metadata and the regexes of a first check (the first call compiles them).
    checkTyped(QStringLiteral("CN"), QStringLiteral("13800138000"));
    checkTyped(QStringLiteral("HK"), QStringLiteral("91234567"));
}

int countryCodeFor(const QString& region)
{
    if (region == QLatin1String(kOtherRegion))
        return 0;
    return util().GetCountryCodeForRegion(region.toStdString());
}

bool isKnownRegion(const QString& region)
{
    return region == QLatin1String(kOtherRegion) || countryCodeFor(region) > 0;
}

PhoneCheck checkTyped(const QString& region, const QString& typed)
{
    const QString digits = digitsOf(typed);
    PhoneCheck c;
    c.region = region;
    c.display = digits;
    if (digits.isEmpty() || !isKnownRegion(region))
        return c;
    const bool other = region == QLatin1String(kOtherRegion);
    PhoneNumber n;
    const std::string text = (other ? QStringLiteral("+") + digits : digits).toStdString();
    if (util().Parse(text, other ? "ZZ" : region.toStdString(), &n) != PhoneNumberUtil::NO_PARSING_ERROR) {
        c.e164 = other ? QStringLiteral("+") + digits
                       : QStringLiteral("+%1%2").arg(countryCodeFor(region)).arg(digits);
        return c;
    }
    PhoneCheck parsed = fromParsed(n, region, other ? QStringLiteral("+") + digits : digits);
    if (other && !parsed.valid)
        parsed.region = QString::fromLatin1(kOtherRegion); // the message asks for a country code
    return parsed;
}

PhoneCheck checkStored(const QString& value)
{
    if (!value.startsWith(QLatin1Char('+')))
        return checkTyped(QStringLiteral("CN"), value);
    const QString digits = QStringLiteral("+") + digitsOf(value);
    PhoneNumber n;
    if (digits.size() < 2 ||
        util().Parse(digits.toStdString(), "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR) {
        PhoneCheck c;
        c.e164 = digits;
        c.display = digits;
        c.region = QString::fromLatin1(kOtherRegion);
        return c;
    }
    return fromParsed(n, {}, digits);
}

QString nationalDigits(const QString& e164)
{
    PhoneNumber n;
    if (util().Parse(e164.toStdString(), "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR)
        return digitsOf(e164);
    std::string national;
    util().GetNationalSignificantNumber(n, &national);
    return QString::fromStdString(national);
}

} // namespace onewindow::phone
