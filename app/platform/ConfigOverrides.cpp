#include "app/platform/ConfigOverrides.h"

#include "app/platform/KioskConfig.h"
#include "base/files/BoundedRead.h"
#include "base/files/OutputDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace onewindow {

namespace {
const QStringList& editableKeys()
{
    static const QStringList keys{
        QStringLiteral("hub/url"),
        QStringLiteral("hub/connect_timeout_ms"),
        QStringLiteral("hub/total_timeout_ms"),
        QStringLiteral("ui/default_language"),
        QStringLiteral("ui/elderly_default"),
        QStringLiteral("printer/name"),
        QStringLiteral("session/idle_identified"),
        QStringLiteral("session/idle_form"),
        QStringLiteral("kiosk/out_of_service"),
    };
    return keys;
}
} // namespace

QString ConfigOverrides::pathFor(const QString& stateDir)
{
    return QDir(stateDir).filePath(QStringLiteral("admin-settings.conf"));
}

bool ConfigOverrides::isEditable(const QString& key)
{
    return editableKeys().contains(key);
}

QVariantMap ConfigOverrides::read(const QString& path)
{
    QVariantMap values;
    if (!QFile::exists(path))
        return values;
    // QSettings opens the file itself: vetted just before (regular file, size limit).
    if (const QString refused =
            files::checkRegularFile(path, files::kOverridesMaxBytes, QStringLiteral("admin override file"));
        !refused.isEmpty()) {
        qWarning("admin-settings.conf ignored: %s", qPrintable(refused));
        return values;
    }
    QSettings file(path, QSettings::IniFormat);
    for (const QString& key : file.allKeys())
        if (isEditable(key))
            values.insert(key, file.value(key));
    return values;
}

void ConfigOverrides::applyTo(KioskConfig& config, const QString& path)
{
    const QVariantMap values = read(path);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        config.setValue(it.key(), it.value());
}

bool ConfigOverrides::write(const QString& path, const QVariantMap& values, QString* error)
{
    // QSettings cannot write atomically; build the INI text ourselves (flat "group/key" only).
    QMap<QString, QStringList> groups;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!isEditable(it.key()))
            continue;
        const QString group = it.key().section(QLatin1Char('/'), 0, 0);
        const QString name = it.key().section(QLatin1Char('/'), 1);
        QString value = it.value().toString();
        value.remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
        groups[group].append(name + QLatin1Char('=') + value);
    }
    QByteArray text = "# Written by the kiosk's admin mode; applied over kiosk.conf at start-up.\n";
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        text += '[' + it.key().toUtf8() + "]\n" + it.value().join(QLatin1Char('\n')).toUtf8() + "\n";
    // Created 0600 from the first byte (QSaveFile's temporary file took the umask's mode), in
    // the state directory opened without following a symlink.
    const QFileInfo info(path);
    QString problem;
    const auto dir =
        files::OutputDirectory::open(info.absolutePath(), files::OutputDirectory::Policy::Private, &problem);
    if (dir)
        problem = dir->writeFile(info.fileName(), text, 0600);
    if (!problem.isEmpty() && error)
        *error = problem;
    return problem.isEmpty();
}

bool ConfigOverrides::update(const QString& path, const QVariantMap& changes, QString* error)
{
    QVariantMap values = read(path);
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        values.insert(it.key(), it.value());
    return write(path, values, error);
}

} // namespace onewindow
