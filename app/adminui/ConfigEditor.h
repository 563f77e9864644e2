#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <optional>

namespace onewindow::adminui {

// The configuration page's model: the settings admin mode may change (ConfigOverrides), each
// validated as it is typed, saved together into the state directory's override file. Changes
// take effect at the next start (the page offers a restart).
class ConfigEditor : public QObject
{
    Q_OBJECT
    // [{key, label, kind: "text"|"int"|"bool"|"choice", value, options, error, changed}]
    Q_PROPERTY(QVariantList fields READ fields NOTIFY fieldsChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY fieldsChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY fieldsChanged)

public:
    // `current`: the effective value of every editable key; `overridePath`: where saves go.
    ConfigEditor(QVariantMap current, QString overridePath, QStringList printers, QObject* parent = nullptr);

    QVariantList fields() const;
    bool dirty() const { return m_edited != m_saved; }
    bool valid() const;

    Q_INVOKABLE void setValue(const QString& key, const QVariant& value);
    Q_INVOKABLE void revert();
    // The edited settings that differ from the saved ones, or nullopt with `error` set while a
    // field is invalid. Write them with ConfigOverrides::update, then call markSaved.
    std::optional<QVariantMap> pendingChanges(QString* error) const;
    void markSaved(const QVariantMap& changes);
    // pendingChanges + update + markSaved in one blocking call; the keys that changed.
    bool save(QStringList* changedKeys, QString* error);
    QString overridePath() const { return m_overridePath; }

    // The reason `value` is not acceptable for `key`, or empty.
    static QString validate(const QString& key, const QVariant& value);

signals:
    void fieldsChanged();

private:
    QVariantMap m_saved;
    QVariantMap m_edited;
    QString m_overridePath;
    QStringList m_printers;
};

} // namespace onewindow::adminui
