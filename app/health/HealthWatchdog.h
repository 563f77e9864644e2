#pragma once

#include "app/health/HealthReport.h"

#include <QObject>
#include <QPointer>

namespace onewindow {
class SystemdNotifier;
}

namespace onewindow::health {

class HealthMonitor;

// Gates systemd's READY=1 and watchdog pings on health (issue 7): READY once the first complete
// report is healthy, pings only while healthy, and STATUS=unhealthy: <failed checks> when not,
// so systemd restarts a kiosk that cannot serve (docs/admin-guide.md "Health and the
// watchdog"). Warnings never stop the pings. GUI thread.
class HealthWatchdog : public QObject
{
    Q_OBJECT
public:
    HealthWatchdog(HealthMonitor* monitor, SystemdNotifier* notifier, QObject* parent = nullptr);

    // "kiosk running", "kiosk running; warnings: sync" or "unhealthy: reader_thread, outbox_db".
    static QString statusLine(const HealthReport& report);

private:
    void apply();

    QPointer<HealthMonitor> m_monitor;
    SystemdNotifier* m_notifier;
};

} // namespace onewindow::health
