#include "app/ui/CatalogController.h"

#include "app/ui/LanguageController.h"
#include "app/ui/ResidentMessages.h"

namespace onewindow {

using namespace catalog;

CatalogController::CatalogController(Catalog catalog, LanguageController* language, QObject* parent)
    : QObject(parent), m_catalog(std::move(catalog)), m_language(language)
{
    reset();
    if (language)
        connect(language, &LanguageController::languageChanged, this, &CatalogController::changed);
}

QString CatalogController::lang() const
{
    return m_language ? m_language->language() : QStringLiteral("zh_CN");
}

QVariantList CatalogController::categories() const
{
    QVariantList out;
    for (const Category& c : m_catalog.categories())
        out.append(QVariantMap{{QStringLiteral("key"), c.key}, {QStringLiteral("name"), c.name.in(lang())}});
    return out;
}

QVariantMap CatalogController::summary(const ServiceItem& i) const
{
    return {{QStringLiteral("code"), i.implementCode},
            {QStringLiteral("name"), i.name.in(lang())},
            {QStringLiteral("department"), i.departmentName.in(lang())},
            {QStringLiteral("selfService"), i.selfService}};
}

QVariantList CatalogController::items() const
{
    const QList<const ServiceItem*> list =
        m_search.trimmed().isEmpty() ? m_catalog.itemsInCategory(m_category) : m_catalog.search(m_search);
    QVariantList out;
    for (const ServiceItem* i : list)
        out.append(summary(*i));
    return out;
}

QVariantMap CatalogController::item() const
{
    const ServiceItem* i = currentItem();
    if (!i)
        return {};
    QVariantMap m = summary(*i);
    const QString l = lang();
    m.insert(QStringLiteral("conditions"), i->conditions.in(l));
    m.insert(QStringLiteral("promisedLimit"), ResidentMessages::workingDays(i->promisedDays));
    m.insert(QStringLiteral("legalLimit"), ResidentMessages::workingDays(i->legalDays));
    m.insert(QStringLiteral("fee"), i->fee.in(l));
    m.insert(QStringLiteral("location"), i->location.in(l));
    m.insert(QStringLiteral("hours"), i->hours.in(l));
    m.insert(QStringLiteral("resultPickup"), i->resultPickup.in(l));
    m.insert(QStringLiteral("whereInstead"), i->whereInstead.in(l));
    QVariantList materials;
    for (const Material& mat : i->materials) {
        materials.append(QVariantMap{{QStringLiteral("name"), mat.name.in(l)},
                                     {QStringLiteral("required"), mat.required},
                                     {QStringLiteral("acceptsLicense"), !mat.licenseTypes.isEmpty()}});
    }
    m.insert(QStringLiteral("materials"), materials);
    return m;
}

void CatalogController::chooseCategory(const QString& key)
{
    m_category = key;
    m_search.clear();
    Q_EMIT changed();
}

void CatalogController::search(const QString& text)
{
    m_search = text;
    Q_EMIT changed();
}

bool CatalogController::openItem(const QString& implementCode)
{
    if (!m_catalog.item(implementCode))
        return false;
    m_itemCode = implementCode;
    Q_EMIT changed();
    return true;
}

void CatalogController::closeItem()
{
    m_itemCode.clear();
    Q_EMIT changed();
}

void CatalogController::reset()
{
    m_category = m_catalog.categories().isEmpty() ? QString() : m_catalog.categories().first().key;
    m_search.clear();
    m_itemCode.clear();
    Q_EMIT changed();
}

} // namespace onewindow
