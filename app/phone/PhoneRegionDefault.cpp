#include "app/phone/PhoneRegionDefault.h"

#include "app/phone/PhoneNumbers.h"

#include <QHash>
#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/uloc.h>

namespace onewindow::phone {

namespace {

// ISO 3166-1 alpha-3 → alpha-2 from ICU (already loaded by libphonenumber): built once.
const QHash<QString, QString>& alpha3Table()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        for (const char* const* c = uloc_getISOCountries(); *c; ++c) {
            const icu::Locale locale("", *c);
            const QString alpha3 = QString::fromLatin1(locale.getISO3Country());
            if (!alpha3.isEmpty())
                t.insert(alpha3, QString::fromLatin1(*c));
        }
        return t;
    }();
    return table;
}

} // namespace

QString alpha2ForNationality(const QString& nationality)
{
    const QString n = nationality.trimmed().toUpper();
    QString alpha2;
    if (n.size() == 3 && n.front().isDigit()) {
        // The 2023 card's numeric code (ISO 3166-1 numeric, as UN M.49): ICU's region data.
        bool ok = false;
        const int code = n.toInt(&ok);
        UErrorCode status = U_ZERO_ERROR;
        const icu::Region* region = ok ? icu::Region::getInstance(code, status) : nullptr;
        if (region && U_SUCCESS(status) && region->getType() == URGN_TERRITORY)
            alpha2 = QString::fromLatin1(region->getRegionCode());
    } else if (n.size() == 3) {
        alpha2 = alpha3Table().value(n);
    } else if (n.size() == 2) {
        alpha2 = n;
    }
    return countryCodeFor(alpha2) > 0 ? alpha2 : QString();
}

QString defaultRegionFor(const Identity& identity)
{
    switch (identity.documentType) {
    case DocumentType::Resident:
        return QStringLiteral("CN");
    case DocumentType::HmtPermit: {
        const QString permit = identity.permitNumber.trimmed().toUpper();
        if (permit.startsWith(QLatin1Char('H')))
            return QStringLiteral("HK");
        if (permit.startsWith(QLatin1Char('M')))
            return QStringLiteral("MO");
        // The residence permit's number starts 810000 / 820000 / 830000 (HK / Macao / Taiwan).
        if (identity.idNumber.startsWith(QLatin1String("81")))
            return QStringLiteral("HK");
        if (identity.idNumber.startsWith(QLatin1String("82")))
            return QStringLiteral("MO");
        return QStringLiteral("TW");
    }
    case DocumentType::Foreign2017:
    case DocumentType::Foreign2023: {
        const QString region = alpha2ForNationality(identity.nationality);
        return region.isEmpty() ? QString::fromLatin1(kOtherRegion) : region;
    }
    }
    return QStringLiteral("CN");
}

QStringList pickerRegions(const QString& preferred)
{
    QStringList out{QStringLiteral("CN"), QStringLiteral("HK"), QStringLiteral("MO"), QStringLiteral("TW")};
    if (!preferred.isEmpty() && preferred != QLatin1String(kOtherRegion) && !out.contains(preferred) &&
        countryCodeFor(preferred) > 0)
        out.append(preferred);
    out.append(QString::fromLatin1(kOtherRegion));
    return out;
}

} // namespace onewindow::phone
