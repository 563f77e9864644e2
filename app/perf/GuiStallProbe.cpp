#include "app/perf/GuiStallProbe.h"

#include "app/perf/ProcessClock.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace onewindow::perf {

void DurationHistogram::add(double ms)
{
    ++m_count;
    m_max = std::max(m_max, ms);
    const auto bucket = std::size_t(std::max(0.0, ms) / kBucketMs);
    if (bucket < m_buckets.size())
        ++m_buckets[bucket];
    else
        ++m_overflow;
}

double DurationHistogram::percentile(double p) const
{
    if (m_count == 0)
        return 0;
    const int rank = std::max(1, int(std::ceil(p / 100.0 * m_count)));
    int seen = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (seen >= rank)
            return std::min(m_max, double(i + 1) * kBucketMs);
    }
    return m_max; // in the overflow
}

GuiStallProbe::GuiStallProbe(QQuickWindow* window, QObject* parent) : QObject(parent), m_window(window)
{
    connect(window, &QQuickWindow::frameSwapped, this, &GuiStallProbe::onFrameSwapped, Qt::DirectConnection);
    m_pinger = std::thread([this] { pingLoop(); });
}

GuiStallProbe::~GuiStallProbe()
{
    m_stop = true;
    m_pinger.join();
}

void GuiStallProbe::pingLoop()
{
    while (!m_stop) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (!m_pinging || m_pingPending.exchange(true))
            continue;
        const double postedAt = nowMs();
        QMetaObject::invokeMethod(
            this, [this, postedAt] { onPing(postedAt); }, Qt::QueuedConnection);
    }
}

void GuiStallProbe::onPing(double postedAt)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_watching)
            m_latency.add(nowMs() - postedAt);
    }
    m_pingPending = false;
}

void GuiStallProbe::onFrameSwapped()
{
    bool watching = false;
    {
        QMutexLocker lock(&m_mutex);
        const double now = nowMs();
        if (m_watching && m_lastFrameAt >= 0)
            m_frameGaps.add(now - m_lastFrameAt);
        m_lastFrameAt = now;
        watching = m_watching;
    }
    if (watching && m_window)
        QMetaObject::invokeMethod(m_window.data(), &QQuickWindow::update, Qt::QueuedConnection);
}

void GuiStallProbe::reset(bool watch)
{
    {
        QMutexLocker lock(&m_mutex);
        m_latency.reset();
        m_frameGaps.reset();
    }
    setWatching(watch);
}

void GuiStallProbe::setWatching(bool on)
{
    {
        QMutexLocker lock(&m_mutex);
        m_watching = on;
        m_lastFrameAt = -1;
    }
    m_pinging = on; // no thread wakes the GUI thread while nobody watches
    if (on && m_window)
        m_window->update();
}

QString GuiStallProbe::report() const
{
    QMutexLocker lock(&m_mutex);
    return QStringLiteral("stalls max_ms=%1 p99_ms=%2 n=%3 frame_max_ms=%4 frame_p99_ms=%5 frames=%6")
        .arg(m_latency.max(), 0, 'f', 2)
        .arg(m_latency.percentile(99), 0, 'f', 2)
        .arg(m_latency.count())
        .arg(m_frameGaps.max(), 0, 'f', 2)
        .arg(m_frameGaps.percentile(99), 0, 'f', 2)
        .arg(m_frameGaps.count());
}

} // namespace onewindow::perf
