#include "app/health/HealthWatchdog.h"

#include "app/health/HealthMonitor.h"
#include "app/platform/SystemdNotifier.h"

namespace onewindow::health {

HealthWatchdog::HealthWatchdog(HealthMonitor* monitor, SystemdNotifier* notifier, QObject* parent)
    : QObject(parent), m_monitor(monitor), m_notifier(notifier)
{
    connect(monitor, &HealthMonitor::changed, this, &HealthWatchdog::apply);
    apply();
}

QString HealthWatchdog::statusLine(const HealthReport& report)
{
    if (!report.healthy())
        return QStringLiteral("unhealthy: ") + report.failedChecks().join(QStringLiteral(", "));
    const QStringList warnings = report.warningChecks();
    return warnings.isEmpty()
               ? QStringLiteral("kiosk running")
               : QStringLiteral("kiosk running; warnings: ") + warnings.join(QStringLiteral(", "));
}

void HealthWatchdog::apply()
{
    if (!m_monitor || !m_notifier)
        return;
    const HealthReport report = m_monitor->report();
    // Until every probe has answered once there is nothing to say: no READY yet.
    if (!report.complete)
        return;
    m_notifier->setHealthy(report.healthy(), statusLine(report));
}

} // namespace onewindow::health
