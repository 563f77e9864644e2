#pragma once

#include "app/catalog/Catalog.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>

namespace onewindow {

class LanguageController;

// The catalogue as the screens show it: categories, the items of one category or a search,
// and one item's details, as plain maps in the current language. Holds no resident data.
class CatalogController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QVariantList categories READ categories NOTIFY changed)
    Q_PROPERTY(QString category READ category NOTIFY changed)
    Q_PROPERTY(QString searchText READ searchText NOTIFY changed)
    Q_PROPERTY(QVariantList items READ items NOTIFY changed)
    Q_PROPERTY(QVariantMap item READ item NOTIFY changed)
public:
    CatalogController(catalog::Catalog catalog, LanguageController* language, QObject* parent = nullptr);

    const catalog::Catalog& catalogue() const { return m_catalog; }
    QVariantList categories() const;
    QString category() const { return m_category; }
    QString searchText() const { return m_search; }
    QVariantList items() const;
    QVariantMap item() const;
    const catalog::ServiceItem* currentItem() const { return m_catalog.item(m_itemCode); }

    Q_INVOKABLE void chooseCategory(const QString& key);
    Q_INVOKABLE void search(const QString& text);
    Q_INVOKABLE bool openItem(const QString& implementCode);
    Q_INVOKABLE void closeItem();
    void reset(); // next resident: first category, no search, no item

Q_SIGNALS:
    void changed();

private:
    QString lang() const;
    QVariantMap summary(const catalog::ServiceItem& i) const;

    catalog::Catalog m_catalog;
    QPointer<LanguageController> m_language;
    QString m_category;
    QString m_search;
    QString m_itemCode;
};

} // namespace onewindow
