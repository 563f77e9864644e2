#include "app/platform/RecentLog.h"

#include <QMutexLocker>
#include <algorithm>

namespace onewindow {

RecentLog::RecentLog(int capacity) : m_capacity(std::max(1, capacity)) {}

RecentLog& RecentLog::instance()
{
    static auto* log = new RecentLog(1000);
    return *log;
}

void RecentLog::append(const QString& line)
{
    QMutexLocker locker(&m_mutex);
    if (m_ring.size() < m_capacity) {
        m_ring.append(line);
        return;
    }
    m_ring[m_next] = line;
    m_next = (m_next + 1) % m_capacity;
}

QStringList RecentLog::lines(int max) const
{
    QMutexLocker locker(&m_mutex);
    const int n = int(m_ring.size());
    const int count = max < 0 ? n : std::min(max, n);
    QStringList out;
    out.reserve(count);
    // Oldest entry sits at m_next once the ring is full, at 0 before.
    const int oldest = n < m_capacity ? 0 : m_next;
    for (int i = n - count; i < n; ++i)
        out.append(m_ring.at((oldest + i) % n));
    return out;
}

int RecentLog::size() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_ring.size());
}

void RecentLog::clear()
{
    QMutexLocker locker(&m_mutex);
    m_ring.clear();
    m_next = 0;
}

} // namespace onewindow
