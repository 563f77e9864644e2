#include "app/ui/PhoneFields.h"

#include "app/phone/PhoneNumbers.h"
#include "app/phone/PhoneRegionDefault.h"
#include "drivers/idcard/Masking.h"
#include "drivers/idcard/SecureWipe.h"

#include <QCoreApplication>
#include <QLocale>

namespace onewindow {

void PhoneFields::start(const catalog::FormSchema& form, const QString& defaultRegionCode)
{
    wipe();
    m_defaultRegion = phone::isKnownRegion(defaultRegionCode) ? defaultRegionCode : QStringLiteral("CN");
    m_choices = phone::pickerRegions(m_defaultRegion);
    for (const catalog::FormField& f : form.fields) {
        if (f.type == catalog::FormField::Type::Phone && !f.binding.isReadOnly())
            m_fields.insert(f.key, {m_defaultRegion, {}});
    }
}

QString PhoneFields::setDigits(const QString& key, const QString& typed)
{
    auto it = m_fields.find(key);
    if (it == m_fields.end())
        return typed;
    secureWipe(it->digits);
    it->digits = typed;
    return it->digits.isEmpty() ? QString() : phone::checkTyped(it->region, it->digits).e164;
}

bool PhoneFields::setRegion(const QString& key, const QString& region)
{
    auto it = m_fields.find(key);
    if (it == m_fields.end() || !m_choices.contains(region))
        return false;
    it->region = region;
    return true;
}

void PhoneFields::decorate(const QString& key, QVariantMap* field) const
{
    const auto it = m_fields.constFind(key);
    if (it == m_fields.constEnd())
        return;
    QVariantList regions;
    for (const QString& code : m_choices)
        regions.append(
            QVariantMap{{QStringLiteral("code"), code}, {QStringLiteral("label"), regionLabel(code)}});
    field->insert(QStringLiteral("phoneRegion"), it->region);
    field->insert(QStringLiteral("phoneRegions"), regions);
    field->insert(QStringLiteral("value"), it->digits);
}

QVariantMap PhoneFields::states() const
{
    QVariantMap out;
    for (auto it = m_fields.constBegin(); it != m_fields.constEnd(); ++it) {
        const phone::PhoneCheck c = phone::checkTyped(it->region, it->digits);
        QString display = c.display;
        if (!c.valid && it->region == QLatin1String(phone::kOtherRegion) &&
            !display.startsWith(QLatin1Char('+')))
            display.prepend(QLatin1Char('+')); // "another country": the digits start with its code
        out.insert(it.key(), QVariantMap{{QStringLiteral("display"), display},
                                         {QStringLiteral("region"), it->region},
                                         {QStringLiteral("valid"), c.valid}});
    }
    return out;
}

void PhoneFields::wipe()
{
    // Shared wipe: the screen's field map (decorate) hands these very buffers to QML, whose
    // copies would otherwise outlive the session (tst_e2e_memory).
    for (Entry& e : m_fields)
        secureWipeShared(e.digits);
    m_fields.clear();
}

QString PhoneFields::regionLabel(const QString& region)
{
    QString name;
    if (region == QLatin1String("CN"))
        name = QCoreApplication::translate("PhoneFields", "Mainland China");
    else if (region == QLatin1String("HK"))
        name = QCoreApplication::translate("PhoneFields", "Hong Kong");
    else if (region == QLatin1String("MO"))
        name = QCoreApplication::translate("PhoneFields", "Macao");
    else if (region == QLatin1String("TW"))
        name = QCoreApplication::translate("PhoneFields", "Taiwan");
    else if (region == QLatin1String(phone::kOtherRegion))
        return QCoreApplication::translate("PhoneFields", "Other country or region (+ code)");
    else
        name = QLocale::territoryToString(QLocale::codeToTerritory(region));
    return QStringLiteral("+%1 %2").arg(phone::countryCodeFor(region)).arg(name);
}

QString PhoneFields::masked(const QString& stored)
{
    if (!stored.startsWith(QLatin1Char('+')))
        return maskPhone(stored);
    const int countryCode = phone::countryCodeFor(phone::checkStored(stored).region);
    const QString national = phone::nationalDigits(stored);
    if (countryCode <= 0 || national.isEmpty())
        return maskPhone(stored);
    return QStringLiteral("+%1 %2").arg(countryCode).arg(maskPhone(national));
}

} // namespace onewindow
