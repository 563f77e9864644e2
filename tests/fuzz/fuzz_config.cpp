// Fuzz target: /etc/onewindow/kiosk.conf (KioskConfig) and the admin overrides
// <state>/admin-settings.conf (ConfigOverrides), both INI files read through QSettings. The
// first byte picks the file. QSettings reads only from a file, so the input is written to a
// fresh file each time (a new name: QSettings caches parsed files by path). Every typed
// accessor the kiosk uses is then asked, as main.cpp does at start.
#include "app/platform/ConfigOverrides.h"
#include "app/platform/KioskConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>

using namespace onewindow;

namespace {
QString writeInput(const QByteArray& bytes)
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/onewindow-fuzz-config-XXXXXX"));
    static quint64 counter = 0;
    const QString path = dir.filePath(QStringLiteral("in-%1.conf").arg(++counter));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        __builtin_trap(); // the harness itself is broken
    return path;
}

void askEverything(const KioskConfig& c)
{
    (void)c.readerBackends();
    (void)c.demoMode();
    (void)c.stateDir();
    (void)c.defaultLanguage();
    (void)c.elderlyModeDefault();
    (void)c.allowReveal();
    for (const char* screen : {"attract", "catalog", "form", "review", "receipt", "unknown"})
        (void)c.idleSeconds(QLatin1String(screen));
    if (c.idleWarningSeconds() < 20)
        __builtin_trap(); // documented: never below 20
    (void)c.elderlyIdleFactor();
    (void)c.simReadDelayMs();
    (void)c.simIdentitiesPath();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const QString path = writeInput(bytes);
    if (data[0] & 1) {
        KioskConfig config = KioskConfig::load(path);
        askEverything(config);
    } else {
        KioskConfig config = KioskConfig::load(QString());
        const QVariantMap values = ConfigOverrides::read(path);
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (!ConfigOverrides::isEditable(it.key()))
                __builtin_trap(); // the file must not widen what admin mode may change
        }
        ConfigOverrides::applyTo(config, path);
        askEverything(config);
    }
    QFile::remove(path);
    return 0;
}
