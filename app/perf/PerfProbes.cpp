#include "app/perf/PerfProbes.h"

#include "app/perf/GuiStallProbe.h"
#include "app/perf/MemoryProbe.h"
#include "app/perf/ProcessClock.h"
#include "app/perf/StartupProbe.h"

#include <QCoreApplication>
#include <cstdio>

namespace onewindow::perf {

std::unique_ptr<PerfProbes> PerfProbes::fromEnvironment()
{
    const QByteArray mode = qgetenv("ONEWINDOW_PERF");
    if (mode.isEmpty())
        return nullptr;
    return std::unique_ptr<PerfProbes>(new PerfProbes(mode.contains("exit-after-start")));
}

PerfProbes::PerfProbes(bool exitAfterStart) : m_exitAfterStart(exitAfterStart)
{
    msSinceLaunch(); // fixes the origin now, before anything slow
}

PerfProbes::~PerfProbes() = default;

void PerfProbes::attach(QQuickWindow* window)
{
    m_journey.setWindow(window);
    m_startup = std::make_unique<StartupProbe>(window);
    connect(m_startup.get(), &StartupProbe::interactive, this, &PerfProbes::onInteractive);
    m_stalls = std::make_unique<GuiStallProbe>(window);
}

void PerfProbes::onInteractive()
{
    std::fprintf(stdout, "perf startup first_frame_ms=%.2f interactive_ms=%.2f origin=%s %s\n",
                 m_startup->firstFrameMs(), m_startup->interactiveMs(), launchOrigin(),
                 qPrintable(readMemory().toLine()));
    std::fflush(stdout);
    if (m_exitAfterStart)
        QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit,
                                  Qt::QueuedConnection);
}

QStringList PerfProbes::commandNames()
{
    return {QStringLiteral("stalls"), QStringLiteral("mem"), QStringLiteral("timings")};
}

QString PerfProbes::command(const QString& name, const QString& arg)
{
    if (name == QLatin1String("mem"))
        return QStringLiteral("mem ") + readMemory().toLine();
    if (name == QLatin1String("timings"))
        return m_journey.report();
    if (name == QLatin1String("stalls") && m_stalls) {
        if (arg == QLatin1String("reset")) {
            m_stalls->reset(true);
            return QStringLiteral("ok stalls reset");
        }
        if (arg == QLatin1String("stop")) {
            m_stalls->setWatching(false);
            return QStringLiteral("ok stalls stop");
        }
        return m_stalls->report();
    }
    return QStringLiteral("error perf probes not attached");
}

} // namespace onewindow::perf
