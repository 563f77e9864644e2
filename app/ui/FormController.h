#pragma once

#include "app/catalog/MaterialCheck.h"
#include "app/catalog/ServiceItem.h"
#include "app/core/ELicense.h"
#include "app/ui/PhoneFields.h"
#include "drivers/idcard/Identity.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>

namespace onewindow {

class LanguageController;

// One form being filled: the schema's fields with their bound values (card, licences,
// constants; read-only with their source), the resident's typed values, validation problems
// in the resident's language, the materials and the masked review. The screens render
// `fields` generically: no service item has QML of its own.
class FormController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QVariantList fields READ fields NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantList materials READ materials NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QVariantList reviewRows READ reviewRows NOTIFY errorsChanged)
    Q_PROPERTY(bool complete READ complete NOTIFY errorsChanged)
    // Phone fields: key → {display, region, valid}, updated with every digit (PhoneFields).
    Q_PROPERTY(QVariantMap phoneStates READ phoneStates NOTIFY errorsChanged)
    // "还有 2 项需要填写" while problems are shown; empty otherwise (issue 19.9).
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY errorsChanged)
public:
    explicit FormController(LanguageController* language, QObject* parent = nullptr);
    ~FormController() override;

    // Prefills from the card and the resident's licences (the caller looked them up after
    // consent). Copies what it needs; `today` decides which licences are usable.
    void start(const catalog::ServiceItem& item, const Identity& identity, const QList<ELicense>& licenses,
               QDate today);
    bool isActive() const { return m_item != nullptr; }

    QVariantList fields() const;
    QVariantList materials() const;
    QVariantMap errors() const { return m_shownErrors; }
    QVariantList reviewRows() const;
    bool complete() const;
    QString errorSummary() const;

    // Typed values; a bound field refuses. Problems show once the field was left or on review.
    Q_INVOKABLE bool setValue(const QString& key, const QString& value);
    Q_INVOKABLE QString value(const QString& key) const { return m_values.value(key); }
    // The country-code picker of a phone field; the digits typed so far are kept.
    Q_INVOKABLE bool setPhoneRegion(const QString& key, const QString& region);
    QVariantMap phoneStates() const { return m_phones.states(); }
    // The resident left a field (a text field lost focus): its problem shows from now on.
    Q_INVOKABLE void finishField(const QString& key);
    // Shows every problem; true when the form can go to review. Otherwise attentionNeeded()
    // names the first problem field (schema order) and what to say aloud.
    Q_INVOKABLE bool validateAll();

    // The submission payload (DESIGN.md §7, gov-standards.md §7.4 "form" and "materials").
    QJsonObject payload() const;
    QStringList licensesUsed() const;
    QString serviceItemCode() const;
    QString serviceItemName() const;
    int formVersion() const;

    // Overwrites every value and forgets the item (end of session).
    void wipe();
    bool holdsNoResidentData() const;

Q_SIGNALS:
    void fieldsChanged();
    void errorsChanged();
    void attentionNeeded(const QString& key, const QString& spoken);

private:
    struct Bound
    {
        QString value;
        QString source; // licence type name, or empty for the card
        QString licenseId;
        bool fromCard = false;
    };
    QString lang() const;
    QString problemFor(const catalog::FormField& f) const;
    QString masked(const catalog::FormField& f, const QString& value) const;

    QPointer<LanguageController> m_language;
    const catalog::ServiceItem* m_item = nullptr; // owned by the catalogue, which outlives us
    QMap<QString, Bound> m_bound;
    QMap<QString, QString> m_values;
    QList<catalog::MaterialStatus> m_materials;
    QVariantMap m_shownErrors;
    PhoneFields m_phones;
};

} // namespace onewindow
