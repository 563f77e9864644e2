#include "app/perf/StartupProbe.h"

#include "app/perf/ProcessClock.h"

#include <QAbstractEventDispatcher>
#include <QThread>

namespace onewindow::perf {

StartupProbe::StartupProbe(QQuickWindow* window, QObject* parent) : QObject(parent), m_window(window)
{
    // Direct: the threaded render loop swaps on the render thread; the time is taken there.
    m_frameConnection = connect(window, &QQuickWindow::frameSwapped, this, &StartupProbe::onFrameSwapped,
                                Qt::DirectConnection);
}

void StartupProbe::onFrameSwapped()
{
    if (m_seenFrame.exchange(true))
        return;
    m_firstFrameMs.store(msSinceLaunch());
    // Wakes the GUI thread (it may be asleep while the render thread swaps) so that its next
    // aboutToBlock is the first idle moment after the frame.
    QMetaObject::invokeMethod(this, &StartupProbe::afterFirstFrame, Qt::QueuedConnection);
}

void StartupProbe::afterFirstFrame()
{
    disconnect(m_frameConnection);
    QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance(thread());
    if (!dispatcher)
        return;
    m_idleConnection = connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, [this] {
        disconnect(m_idleConnection);
        m_interactiveMs = msSinceLaunch();
        Q_EMIT interactive();
    });
}

} // namespace onewindow::perf
