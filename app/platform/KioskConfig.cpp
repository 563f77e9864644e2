#include "app/platform/KioskConfig.h"

#include "base/files/BoundedRead.h"

#include <QFileInfo>
#include <QSettings>

namespace onewindow {

namespace {
constexpr auto kSystemConfig = "/etc/onewindow/kiosk.conf";

// Idle limits per screen, in seconds. Screens that show personal data have shorter limits
// (DESIGN.md §4); the warning with "继续办理" is part of the limit.
int defaultIdleSeconds(const QString& screen)
{
    if (screen == QLatin1String("identified"))
        return 60;
    if (screen == QLatin1String("form"))
        return 180;
    if (screen == QLatin1String("card_error"))
        return 30;
    return 90;
}
} // namespace

QString KioskConfig::locate(const QString& explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString env = qEnvironmentVariable("ONEWINDOW_CONFIG");
    if (!env.isEmpty())
        return env;
    if (QFileInfo::exists(QString::fromLatin1(kSystemConfig)))
        return QString::fromLatin1(kSystemConfig);
    return {};
}

KioskConfig KioskConfig::load(const QString& path)
{
    KioskConfig config;
    config.m_path = path;
    if (path.isEmpty())
        return config;
    const QFileInfo info(path);
    if (!info.exists()) {
        config.m_error = QStringLiteral("configuration file not found: %1").arg(path);
        return config;
    }
    if (!info.isReadable()) {
        config.m_error = QStringLiteral("configuration file not readable: %1").arg(path);
        return config;
    }
    // QSettings opens the file itself: vetted just before (a regular file within the limit), so
    // /dev/zero, a FIFO or a 300 MB file is refused at once instead of read.
    if (const QString refused =
            files::checkRegularFile(path, files::kConfigMaxBytes, QStringLiteral("configuration file"));
        !refused.isEmpty()) {
        config.m_error = refused;
        return config;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        config.m_error = QStringLiteral("configuration file has a syntax error: %1").arg(path);
        return config;
    }
    for (const QString& key : settings.allKeys())
        config.m_values.insert(key, settings.value(key));
    // A kiosk with a configuration file is a deployed kiosk: revealing identity data must be
    // switched on explicitly there.
    if (!config.m_values.contains(QStringLiteral("privacy/allow_reveal")))
        config.m_values.insert(QStringLiteral("privacy/allow_reveal"), false);
    return config;
}

QVariant KioskConfig::value(const QString& key, const QVariant& fallback) const
{
    return m_values.value(key, fallback);
}

void KioskConfig::setValue(const QString& key, const QVariant& value)
{
    m_values.insert(key, value);
}

QStringList KioskConfig::readerBackends() const
{
    QVariant v = value(QStringLiteral("readers/backends"), QStringLiteral("pcsc"));
    // QSettings returns a QStringList for "a, b" and a QString for a single value.
    QStringList list =
        v.typeId() == QMetaType::QStringList ? v.toStringList() : v.toString().split(QLatin1Char(','));
    for (QString& s : list)
        s = s.trimmed();
    list.removeAll(QString());
    return list;
}

bool KioskConfig::demoMode() const
{
    return value(QStringLiteral("kiosk/demo"), false).toBool();
}

QString KioskConfig::stateDir() const
{
    return value(QStringLiteral("kiosk/state_dir"), QStringLiteral("/var/lib/onewindow")).toString();
}

QString KioskConfig::defaultLanguage() const
{
    return value(QStringLiteral("ui/default_language"), QStringLiteral("zh_CN")).toString();
}

bool KioskConfig::elderlyModeDefault() const
{
    return value(QStringLiteral("ui/elderly_default"), false).toBool();
}

bool KioskConfig::allowReveal() const
{
    return value(QStringLiteral("privacy/allow_reveal"), true).toBool();
}

int KioskConfig::idleSeconds(const QString& screen) const
{
    const int v = value(QStringLiteral("session/idle_") + screen, defaultIdleSeconds(screen)).toInt();
    // The warning needs its 20 s inside the limit.
    return qMax(v, idleWarningSeconds() + 5);
}

int KioskConfig::idleWarningSeconds() const
{
    return qMax(20, value(QStringLiteral("session/idle_warning"), 20).toInt());
}

double KioskConfig::elderlyIdleFactor() const
{
    return qMax(1.0, value(QStringLiteral("session/elderly_idle_factor"), 1.5).toDouble());
}

int KioskConfig::cardAwaySeconds() const
{
    return qBound(1, value(QStringLiteral("session/card_away_s"), 30).toInt(), 600);
}

int KioskConfig::tapGuardMs() const
{
    return qBound(0, value(QStringLiteral("ui/tap_guard_ms"), 500).toInt(), 3000);
}

int KioskConfig::simReadDelayMs() const
{
    return qMax(0, value(QStringLiteral("sim/read_delay_ms"), 400).toInt());
}

QString KioskConfig::simIdentitiesPath() const
{
    return value(QStringLiteral("sim/identities")).toString();
}

} // namespace onewindow
