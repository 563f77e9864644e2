#include "app/catalog/Catalog.h"

#include "base/files/BoundedRead.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow::catalog {

namespace {

Material::Alternative alternativeFrom(const QString& s)
{
    if (s == QLatin1String("tolerance"))
        return Material::Alternative::Tolerance;
    if (s == QLatin1String("promise"))
        return Material::Alternative::Promise;
    if (s == QLatin1String("card"))
        return Material::Alternative::Card;
    return Material::Alternative::Counter;
}

LocalizedText text(const QJsonObject& o, const char* key)
{
    return LocalizedText::fromJson(o.value(QLatin1String(key)));
}

} // namespace

Expected<Catalog, QString> Catalog::fromFile(const QString& path)
{
    const files::ReadResult file =
        files::readRegularFile(path, files::kCatalogMaxBytes, QStringLiteral("catalogue"));
    if (!file.ok())
        return Expected<Catalog, QString>::failure(file.error);
    return fromJson(file.bytes);
}

Expected<Catalog, QString> Catalog::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return Expected<Catalog, QString>::failure(
            QStringLiteral("catalogue JSON: %1").arg(error.errorString()));
    const QJsonObject root = doc.object();
    Catalog c;
    c.m_version = root.value(QStringLiteral("version")).toString();
    QMap<QString, LocalizedText> departments;
    for (const QJsonValue& v : root.value(QStringLiteral("departments")).toArray())
        departments.insert(v[QStringLiteral("key")].toString(),
                           LocalizedText::fromJson(v[QStringLiteral("name")]));
    for (const QJsonValue& v : root.value(QStringLiteral("license_types")).toArray())
        c.m_licenseTypes.insert(v[QStringLiteral("code")].toString(),
                                LocalizedText::fromJson(v[QStringLiteral("name")]));
    for (const QJsonValue& v : root.value(QStringLiteral("categories")).toArray())
        c.m_categories.append(
            {v[QStringLiteral("key")].toString(), LocalizedText::fromJson(v[QStringLiteral("name")])});

    for (const QJsonValue& v : root.value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = v.toObject();
        ServiceItem item;
        item.implementCode = o.value(QStringLiteral("implement_code")).toString();
        item.name = text(o, "name");
        if (item.implementCode.isEmpty() || item.name.isEmpty()) {
            c.m_warnings.append(QStringLiteral("item without implement_code or name skipped"));
            continue;
        }
        item.basicCode = o.value(QStringLiteral("basic_code")).toString();
        item.categoryKey = o.value(QStringLiteral("category")).toString(QStringLiteral("other"));
        // The hub's older shape names the department in clear; ours keys into "departments".
        const QString dept = o.value(QStringLiteral("department")).toString();
        item.departmentKey = dept;
        item.departmentName = departments.contains(dept) ? departments.value(dept) : LocalizedText(dept);
        item.type = o.value(QStringLiteral("type")).toString();
        item.conditions = text(o, "conditions");
        item.promisedDays = o.value(QStringLiteral("promised_days")).toInt();
        item.legalDays = o.value(QStringLiteral("legal_days")).toInt();
        item.fee = text(o, "fee");
        item.location = text(o, "location");
        item.hours = text(o, "hours");
        item.resultPickup = text(o, "result_pickup");
        item.selfService = o.value(QStringLiteral("self_service")).toBool(true);
        item.whereInstead = text(o, "where_instead");
        for (const QJsonValue& mv : o.value(QStringLiteral("materials")).toArray()) {
            const QJsonObject m = mv.toObject();
            Material material;
            material.code = m.value(QStringLiteral("code")).toString();
            material.name = text(m, "name");
            for (const QJsonValue& t : m.value(QStringLiteral("license_types")).toArray())
                material.licenseTypes.append(t.toString());
            material.required = m.value(QStringLiteral("required")).toBool(true);
            material.alternative = alternativeFrom(m.value(QStringLiteral("alternative")).toString());
            item.materials.append(material);
        }
        QStringList schemaErrors;
        item.form = FormSchema::fromJson(o.value(QStringLiteral("form")).toObject(), &schemaErrors);
        for (const QString& e : schemaErrors)
            c.m_warnings.append(item.implementCode + QStringLiteral(": ") + e);
        bool known = false;
        for (const Category& cat : c.m_categories)
            known = known || cat.key == item.categoryKey;
        if (!known)
            c.m_categories.append({item.categoryKey, LocalizedText(item.categoryKey)});
        c.m_items.append(item);
    }
    if (c.m_items.isEmpty())
        return Expected<Catalog, QString>::failure(QStringLiteral("the catalogue has no service items"));
    return c;
}

const ServiceItem* Catalog::item(const QString& implementCode) const
{
    for (const ServiceItem& i : m_items) {
        if (i.implementCode == implementCode)
            return &i;
    }
    return nullptr;
}

QList<const ServiceItem*> Catalog::itemsInCategory(const QString& categoryKey) const
{
    QList<const ServiceItem*> out;
    for (const ServiceItem& i : m_items) {
        if (i.categoryKey == categoryKey)
            out.append(&i);
    }
    return out;
}

QList<const ServiceItem*> Catalog::search(const QString& text) const
{
    QList<const ServiceItem*> out;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return out;
    for (const ServiceItem& i : m_items) {
        bool hit = i.name.contains(needle) || i.departmentName.contains(needle);
        for (const Material& m : i.materials)
            hit = hit || m.name.contains(needle);
        if (hit)
            out.append(&i);
    }
    return out;
}

LocalizedText Catalog::licenseTypeName(const QString& typeCode) const
{
    return m_licenseTypes.value(typeCode);
}

} // namespace onewindow::catalog
