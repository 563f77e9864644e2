#include "app/platform/SystemdNotifier.h"

#ifdef ONEWINDOW_HAVE_LIBSYSTEMD
#include <algorithm>
#include <systemd/sd-daemon.h>
#endif

namespace onewindow {

SystemdNotifier::SystemdNotifier(QObject* parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SystemdNotifier::ping);
}

bool SystemdNotifier::available()
{
#ifdef ONEWINDOW_HAVE_LIBSYSTEMD
    return !qEnvironmentVariableIsEmpty("NOTIFY_SOCKET");
#else
    return false;
#endif
}

std::chrono::milliseconds SystemdNotifier::watchdogInterval()
{
#ifdef ONEWINDOW_HAVE_LIBSYSTEMD
    uint64_t usec = 0;
    // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID (if set) is this process.
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        return std::chrono::milliseconds{std::max<uint64_t>(1, usec / 2000)};
#endif
    return std::chrono::milliseconds{0};
}

void SystemdNotifier::notifyReady(const QString& status)
{
    if (!available())
        return;
    send("READY=1\nSTATUS=" + status.toUtf8());
    m_ready = true;
    m_status = status;
    startPings();
}

void SystemdNotifier::startPings()
{
    const std::chrono::milliseconds interval = watchdogInterval();
    if (interval.count() > 0) {
        ping();
        m_timer.start(interval);
    }
}

void SystemdNotifier::setHealthy(bool healthy, const QString& status)
{
    if (!available() || m_stopping)
        return;
    if (healthy && !m_ready) {
        notifyReady(status);
        return;
    }
    if (status != m_status) {
        send("STATUS=" + status.toUtf8());
        m_status = status;
    }
    if (!healthy)
        m_timer.stop(); // the silence systemd acts on
    else if (!m_timer.isActive())
        startPings(); // healthy again: the first ping right away
}

void SystemdNotifier::notifyStopping()
{
    m_stopping = true;
    m_timer.stop();
    if (available())
        send("STOPPING=1");
}

void SystemdNotifier::ping()
{
    send("WATCHDOG=1");
}

bool SystemdNotifier::send(const QByteArray& state)
{
#ifdef ONEWINDOW_HAVE_LIBSYSTEMD
    return sd_notify(0, state.constData()) > 0;
#else
    Q_UNUSED(state);
    return false;
#endif
}

} // namespace onewindow
