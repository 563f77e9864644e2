#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace onewindow {

// Watches pcscd on a thread of its own, with a context of its own: the blocking
// SCardGetStatusChange (INFINITE, with the "\\?PnP?\Notification" pseudo reader for hot-plug)
// must never stall the reader thread, which serves other backends too. Events are handed to
// callbacks on the monitor thread; the backend turns them into queued calls.
// When the service goes away (no service, stopped, invalid handle, reader unavailable) the
// context is released and re-created with backoff (200 ms doubling to 5 s by default).
class PcscMonitor
{
public:
    struct CardState
    {
        QString reader;
        bool present = false;
        quint32 eventCount = 0; // pcsc-lite's per-reader counter: a quick remove+insert changes it
        QByteArray atr;
    };
    struct Callbacks
    {
        std::function<void(const QStringList&)> readersListed; // after every change and every reconnect
        std::function<void(const CardState&)> cardChanged;
        std::function<void(long rc)> serviceLost; // once per outage
    };

    PcscMonitor(Callbacks callbacks, int backoffStartMs = 200, int backoffMaxMs = 5000);
    ~PcscMonitor();
    PcscMonitor(const PcscMonitor&) = delete;
    PcscMonitor& operator=(const PcscMonitor&) = delete;

    void start();
    // Cancels the wait (SCardCancel, repeated until the thread notices: a cancel that lands
    // just before the wait begins is otherwise lost) and joins the thread.
    void stop();

private:
    void run();
    bool sleepFor(int ms); // false when stopping
    void dropContext();

    Callbacks m_callbacks;
    const int m_backoffStartMs;
    const int m_backoffMaxMs;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_finished{false};
    std::mutex m_mutex; // guards m_context (read by stop()) and the sleep condition
    std::condition_variable m_wake;
    long m_context = 0; // SCARDCONTEXT; 0 = none
    bool m_hasContext = false;
};

} // namespace onewindow
