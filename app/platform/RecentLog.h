#pragma once

#include <QMutex>
#include <QString>
#include <QStringList>

namespace onewindow {

// The last lines of the log, already redacted and formatted, for the admin logs page and the
// diagnostics bundle. A bounded ring: the oldest line goes when a new one arrives. Thread-safe
// (the message handler appends from every thread).
class RecentLog
{
public:
    explicit RecentLog(int capacity = 1000);

    // The process-wide buffer the message handler feeds. A global because the Qt message
    // handler itself is one; it is never destroyed (messages can arrive during exit).
    static RecentLog& instance();

    void append(const QString& line);
    // The newest `max` lines (all when max < 0), oldest first.
    QStringList lines(int max = -1) const;
    int capacity() const { return m_capacity; }
    int size() const;
    void clear();

private:
    const int m_capacity;
    mutable QMutex m_mutex;
    QStringList m_ring; // grows to m_capacity, then m_next overwrites
    int m_next = 0;
};

} // namespace onewindow
