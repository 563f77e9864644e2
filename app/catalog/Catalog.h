#pragma once

#include "app/catalog/ServiceItem.h"
#include "drivers/idcard/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace onewindow::catalog {

struct Category
{
    QString key;
    LocalizedText name;
};

// The service catalogue (GET /v1/catalog, cached as a blob in cache.db; the demo ships one in
// resources/demo/catalog.json). Immutable once loaded; read on the GUI thread.
class Catalog
{
public:
    // Fails only on unreadable JSON or a catalogue without items; single bad items are skipped
    // and listed in warnings().
    static Expected<Catalog, QString> fromJson(const QByteArray& json);
    static Expected<Catalog, QString> fromFile(const QString& path);

    QString version() const { return m_version; }
    const QList<Category>& categories() const { return m_categories; }
    const QList<ServiceItem>& items() const { return m_items; }
    const ServiceItem* item(const QString& implementCode) const;
    QList<const ServiceItem*> itemsInCategory(const QString& categoryKey) const;
    // Matches item names, department names and material names in any language.
    QList<const ServiceItem*> search(const QString& text) const;
    LocalizedText licenseTypeName(const QString& typeCode) const;
    QStringList warnings() const { return m_warnings; }

private:
    QString m_version;
    QList<Category> m_categories;
    QList<ServiceItem> m_items;
    QMap<QString, LocalizedText> m_licenseTypes;
    QStringList m_warnings;
};

} // namespace onewindow::catalog
