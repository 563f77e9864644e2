#pragma once

#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <atomic>

namespace onewindow::perf {

// Cold start, measured from the process launch (ProcessClock): the first frame the window
// presented (frameSwapped, which the threaded render loop emits on its own thread), then the
// first moment the GUI event loop went idle after it (QAbstractEventDispatcher::aboutToBlock):
// from then on a touch is handled at once, so the screen is interactive.
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    explicit StartupProbe(QQuickWindow* window, QObject* parent = nullptr);

    double firstFrameMs() const { return m_firstFrameMs.load(); }
    double interactiveMs() const { return m_interactiveMs; }
    bool done() const { return m_interactiveMs >= 0; }

Q_SIGNALS:
    void interactive(); // interactiveMs() is known

private:
    void onFrameSwapped(); // any thread
    void afterFirstFrame();

    QPointer<QQuickWindow> m_window;
    std::atomic<double> m_firstFrameMs{-1};
    std::atomic<bool> m_seenFrame{false};
    double m_interactiveMs = -1;
    QMetaObject::Connection m_frameConnection;
    QMetaObject::Connection m_idleConnection;
};

} // namespace onewindow::perf
