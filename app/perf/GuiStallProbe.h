#pragma once

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <array>
#include <atomic>
#include <thread>

namespace onewindow::perf {

// A histogram of durations with 0.1 ms buckets up to 250 ms; the maximum is kept exactly.
class DurationHistogram
{
public:
    void add(double ms);
    void reset() { *this = DurationHistogram{}; }
    int count() const { return m_count; }
    double max() const { return m_max; }
    double percentile(double p) const; // upper edge of the bucket holding the p-th percentile

private:
    static constexpr double kBucketMs = 0.1;
    std::array<int, 2500> m_buckets{};
    int m_overflow = 0;
    int m_count = 0;
    double m_max = 0;
};

// How long the GUI thread cannot serve an event, measured from outside while a window is
// watched (`stalls reset` … `stalls`): a pinger thread posts one event at a time to the GUI
// thread, 1 ms after the previous one was served, and records how long each waited. The longest
// wait is the longest GUI-thread stall (to within the 1 ms ping period). Why not the event
// dispatcher's awake/aboutToBlock pair: with the glib dispatcher (Qt's default on Linux) they
// do not bracket the work of an iteration, the measured busy times came out near zero.
// While watching, the window is also asked for a new frame after every frame, as a spinner
// would, and the gaps between presented frames are recorded.
class GuiStallProbe : public QObject
{
    Q_OBJECT
public:
    explicit GuiStallProbe(QQuickWindow* window, QObject* parent = nullptr);
    ~GuiStallProbe() override;

    void reset(bool watch);
    void setWatching(bool on);
    // "stalls max_ms=… p99_ms=… n=… frame_max_ms=… frame_p99_ms=… frames=…"
    QString report() const;

private:
    void pingLoop();
    void onPing(double postedAt); // GUI thread
    void onFrameSwapped();        // any thread

    QPointer<QQuickWindow> m_window;
    mutable QMutex m_mutex; // the histograms: frameSwapped may come from the render thread
    DurationHistogram m_latency;
    DurationHistogram m_frameGaps;
    double m_lastFrameAt = -1;
    bool m_watching = false;
    std::atomic<bool> m_pingPending{false};
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_pinging{false};
    std::thread m_pinger;
};

} // namespace onewindow::perf
