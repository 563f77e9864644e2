#include "app/health/HealthSettings.h"

#include "app/platform/KioskConfig.h"

namespace onewindow::health {

namespace {

// A positive whole number from the configuration, else the default (a typo never turns a
// check off).
qint64 positive(const KioskConfig& config, const char* key, qint64 fallback)
{
    bool ok = false;
    const qint64 v = config.value(QString::fromLatin1(key)).toLongLong(&ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

HealthSettings HealthSettings::fromKioskConfig(const KioskConfig& config)
{
    HealthSettings s;
    s.intervalMs = positive(config, "health/interval_seconds", s.intervalMs / 1000) * 1000;
    s.diskFailMb = positive(config, "health/disk_fail_mb", s.diskFailMb);
    s.diskWarnMb = qMax(s.diskFailMb, positive(config, "health/disk_warn_mb", s.diskWarnMb));
    s.syncStaleMinutes = positive(config, "health/sync_stale_minutes", s.syncStaleMinutes);
    return s;
}

} // namespace onewindow::health
