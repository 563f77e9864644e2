#pragma once

#include "app/perf/JourneyTimings.h"

#include <QObject>
#include <QQuickWindow>
#include <QStringList>
#include <memory>

namespace onewindow::perf {

class GuiStallProbe;
class StartupProbe;

// The kiosk's performance probes for tests/bench, built only when ONEWINDOW_PERF is set:
//   ONEWINDOW_PERF=1                 probes on; prints "perf startup …" once interactive
//   ONEWINDOW_PERF=exit-after-start  the same, then quits (cold-start runs)
// Console commands (DemoConsole::addCommand): stalls [reset|stop], mem, timings.
class PerfProbes : public QObject
{
    Q_OBJECT
public:
    static std::unique_ptr<PerfProbes> fromEnvironment();
    ~PerfProbes() override;

    JourneyTimings& journey() { return m_journey; }
    // Starts the startup and stall probes on the window; call before the event loop runs.
    void attach(QQuickWindow* window);

    static QStringList commandNames();
    QString command(const QString& name, const QString& arg);

private:
    explicit PerfProbes(bool exitAfterStart);
    void onInteractive();

    bool m_exitAfterStart;
    JourneyTimings m_journey;
    std::unique_ptr<StartupProbe> m_startup;
    std::unique_ptr<GuiStallProbe> m_stalls;
};

} // namespace onewindow::perf
