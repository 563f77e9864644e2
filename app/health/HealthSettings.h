#pragma once

#include <QtGlobal>

namespace onewindow {
class KioskConfig;
}

namespace onewindow::health {

// The [health] section (docs/admin-guide.md "Health and the watchdog"). Times in ms so tests
// can run the whole policy quickly.
struct HealthSettings
{
    qint64 intervalMs = 10000;    // health/interval_seconds: one probe round
    qint64 probeTimeoutMs = 5000; // a probe not answered by then fails its check
    qint64 diskFailMb = 50;       // health/disk_fail_mb: below → fail
    qint64 diskWarnMb = 500;      // health/disk_warn_mb: below → warn
    qint64 syncStaleMinutes = 30; // health/sync_stale_minutes: queue waiting this long → warn

    static HealthSettings fromKioskConfig(const KioskConfig& config);
};

} // namespace onewindow::health
