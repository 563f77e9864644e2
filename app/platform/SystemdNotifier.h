#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>

namespace onewindow {

// Tells systemd that the kiosk is up (READY=1) and keeps its watchdog fed (WATCHDOG=1) from
// the GUI thread's event loop (architecture-anchors.md §4.5, KWin's pattern): a hung event
// loop stops the pings and systemd restarts the kiosk. Without NOTIFY_SOCKET (not started by
// systemd) or without libsystemd at build time, every call is a harmless no-op.
class SystemdNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject* parent = nullptr);

    // Whether systemd asked for notifications (NOTIFY_SOCKET set and libsystemd built in).
    static bool available();
    // Half of WATCHDOG_USEC when the watchdog is on for this process, else zero.
    static std::chrono::milliseconds watchdogInterval();

    // READY=1 (with a STATUS line) and, when the watchdog is on, the first ping and the timer
    // that sends the next ones.
    void notifyReady(const QString& status);
    // STOPPING=1 before a clean exit, so the stop is not taken for a crash.
    void notifyStopping();

    // Health gating (app/health's HealthWatchdog): the first healthy call sends READY=1 (as
    // notifyReady); afterwards pings flow only while healthy. An unhealthy call stops the pings
    // and sends STATUS=<status>, so systemd restarts the kiosk after WatchdogSec (or, never
    // ready, after TimeoutStartSec). A changed status is sent once, not on every call. Callers
    // that never use this keep notifyReady()'s ungated behaviour.
    void setHealthy(bool healthy, const QString& status);
    bool isReady() const { return m_ready; }

    bool watchdogRunning() const { return m_timer.isActive(); }

private:
    static bool send(const QByteArray& state);
    void ping();

    void startPings();

    QTimer m_timer;
    bool m_ready = false;
    bool m_stopping = false; // after STOPPING=1 health changes send nothing
    QString m_status;        // the last STATUS sent
};

} // namespace onewindow
