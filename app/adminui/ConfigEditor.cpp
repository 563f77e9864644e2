#include "app/adminui/ConfigEditor.h"

#include "app/platform/ConfigOverrides.h"

#include <QCoreApplication>
#include <QUrl>

namespace onewindow::adminui {

namespace {
struct FieldSpec
{
    const char* key;
    const char* label;
    const char* kind;
    int min = 0;
    int max = 0;
};

// The order of the page. Limits: a timeout below a second is a typo, above ten minutes a hang.
const FieldSpec kFields[] = {
    {"hub/url", QT_TRANSLATE_NOOP("ConfigEditor", "Hub URL"), "text"},
    {"hub/connect_timeout_ms", QT_TRANSLATE_NOOP("ConfigEditor", "Hub connect timeout (ms)"), "int", 1000,
     60000},
    {"hub/total_timeout_ms", QT_TRANSLATE_NOOP("ConfigEditor", "Hub request timeout (ms)"), "int", 5000,
     600000},
    {"ui/default_language", QT_TRANSLATE_NOOP("ConfigEditor", "Default language"), "choice"},
    {"ui/elderly_default", QT_TRANSLATE_NOOP("ConfigEditor", "Elderly mode by default"), "bool"},
    {"printer/name", QT_TRANSLATE_NOOP("ConfigEditor", "Receipt printer"), "choice"},
    {"session/idle_identified", QT_TRANSLATE_NOOP("ConfigEditor", "Idle limit on the identity screen (s)"),
     "int", 30, 600},
    {"session/idle_form", QT_TRANSLATE_NOOP("ConfigEditor", "Idle limit on forms (s)"), "int", 60, 1800},
};

const FieldSpec* specFor(const QString& key)
{
    for (const FieldSpec& f : kFields)
        if (key == QLatin1String(f.key))
            return &f;
    return nullptr;
}
} // namespace

ConfigEditor::ConfigEditor(QVariantMap current, QString overridePath, QStringList printers, QObject* parent)
    : QObject(parent), m_saved(std::move(current)), m_edited(m_saved),
      m_overridePath(std::move(overridePath)), m_printers(std::move(printers))
{}

QString ConfigEditor::validate(const QString& key, const QVariant& value)
{
    const FieldSpec* spec = specFor(key);
    if (!spec)
        return QCoreApplication::translate("ConfigEditor", "This setting cannot be changed in admin mode.");
    const QString text = value.toString().trimmed();
    const QString kind = QLatin1String(spec->kind);
    if (kind == QLatin1String("int")) {
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < spec->min || n > spec->max)
            return QCoreApplication::translate("ConfigEditor", "Enter a whole number from %1 to %2.")
                .arg(spec->min)
                .arg(spec->max);
    } else if (key == QLatin1String("hub/url")) {
        if (text.isEmpty())
            return {}; // no hub: the kiosk works offline only
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
            return QCoreApplication::translate("ConfigEditor",
                                               "The hub URL must start with https:// and name a host.");
    } else if (key == QLatin1String("ui/default_language")) {
        static const QStringList languages{QStringLiteral("zh_CN"), QStringLiteral("zh_TW"),
                                           QStringLiteral("en")};
        if (!languages.contains(text))
            return QCoreApplication::translate("ConfigEditor", "Choose zh_CN, zh_TW or en.");
    } else if (kind == QLatin1String("bool")) {
        static const QStringList bools{QStringLiteral("true"), QStringLiteral("false")};
        if (!bools.contains(text))
            return QCoreApplication::translate("ConfigEditor", "Choose on or off.");
    }
    return {};
}

QVariantList ConfigEditor::fields() const
{
    QVariantList list;
    for (const FieldSpec& f : kFields) {
        const QString key = QLatin1String(f.key);
        QStringList options;
        if (key == QLatin1String("ui/default_language"))
            options = {QStringLiteral("zh_CN"), QStringLiteral("zh_TW"), QStringLiteral("en")};
        else if (key == QLatin1String("printer/name"))
            options = QStringList{QString()} + m_printers; // "" = no printer
        list.append(QVariantMap{
            {QStringLiteral("key"), key},
            {QStringLiteral("label"), QCoreApplication::translate("ConfigEditor", f.label)},
            {QStringLiteral("kind"), QLatin1String(f.kind)},
            {QStringLiteral("value"), m_edited.value(key).toString()},
            {QStringLiteral("options"), options},
            {QStringLiteral("error"),
             key == QLatin1String("printer/name") ? QString() : validate(key, m_edited.value(key))},
            {QStringLiteral("changed"), m_edited.value(key).toString() != m_saved.value(key).toString()},
        });
    }
    return list;
}

bool ConfigEditor::valid() const
{
    for (const FieldSpec& f : kFields) {
        const QString key = QLatin1String(f.key);
        if (key != QLatin1String("printer/name") && !validate(key, m_edited.value(key)).isEmpty())
            return false;
    }
    return true;
}

void ConfigEditor::setValue(const QString& key, const QVariant& value)
{
    if (!specFor(key))
        return;
    m_edited.insert(key, value.toString().trimmed());
    emit fieldsChanged();
}

void ConfigEditor::revert()
{
    m_edited = m_saved;
    emit fieldsChanged();
}

std::optional<QVariantMap> ConfigEditor::pendingChanges(QString* error) const
{
    if (!valid()) {
        if (error)
            *error = QCoreApplication::translate("ConfigEditor", "Correct the marked settings first.");
        return std::nullopt;
    }
    QVariantMap changes;
    for (auto it = m_edited.cbegin(); it != m_edited.cend(); ++it)
        if (it.value().toString() != m_saved.value(it.key()).toString())
            changes.insert(it.key(), it.value());
    return changes;
}

void ConfigEditor::markSaved(const QVariantMap& changes)
{
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        m_saved.insert(it.key(), it.value());
    emit fieldsChanged();
}

bool ConfigEditor::save(QStringList* changedKeys, QString* error)
{
    const std::optional<QVariantMap> changes = pendingChanges(error);
    if (!changes || !ConfigOverrides::update(m_overridePath, *changes, error))
        return false;
    markSaved(*changes);
    if (changedKeys)
        *changedKeys = changes->keys();
    return true;
}

} // namespace onewindow::adminui
