#pragma once

#include "app/sync/HubConfig.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace onewindow::sync {

struct HubRequest
{
    QByteArray method = "GET"; // GET, PUT, POST
    QString path;              // "/v1/…" with its query string
    QByteArray body;           // JSON (UTF-8)
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 totalTimeoutMs = 0; // 0 = HubConfig::totalTimeoutMs
};

struct HubResponse
{
    int httpStatus = 0; // 0 = no HTTP response at all
    int curlCode = 0;   // CURLcode; 0 = the transfer completed
    QString error;      // curl's message (URLs hold item UUIDs only, never personal data)
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // names in lower case; last value wins
    qint64 elapsedMs = 0;
    bool requestSent = false; // bytes of the request reached the socket (for ambiguity)
    QByteArray header(const char* lowerName) const { return headers.value(QByteArray(lowerName)); }
};

// One response header line as libcurl hands it over ("Name: value\r\n"; a status line starts
// a new response and forgets the headers so far). Apart from the transfer for the fuzzer.
void addHeaderLine(QMap<QByteArray, QByteArray>& headers, QByteArrayView line);

// The hub's HTTP client (DESIGN.md §7): one worker thread owns a libcurl multi handle and
// runs curl_multi_poll(); submit() queues from any thread and curl_multi_wakeup() wakes the
// loop. Connections are kept alive and reused; HTTP/2 is used where the hub offers it.
// Every transfer has connect, total and low-speed limits, so no request can hang forever;
// restart() is the watchdog's last resort.
class HubClient
{
public:
    using Callback = std::function<void(HubResponse)>;

    explicit HubClient(HubConfig config);
    ~HubClient(); // aborts what is in flight (callbacks run with CURLE_ABORTED_BY_CALLBACK)
    HubClient(const HubClient&) = delete;
    HubClient& operator=(const HubClient&) = delete;

    const HubConfig& config() const { return m_config; }

    // Any thread. `done` runs on the client's thread: keep it short, never call perform().
    void submit(HubRequest request, Callback done);
    // Blocks the calling thread until the answer (the sync thread, the tool; never the GUI).
    HubResponse perform(HubRequest request);

    // Fails every queued and in-flight transfer at once (thread-safe).
    void abortAll(const QString& why);
    // abortAll() and a fresh multi handle: every connection is dropped (the watchdog's tool).
    void restart(const QString& why);

    int inFlight() const { return m_inFlight.load(); }
    quint64 completed() const { return m_completed.load(); }
    static QString curlVersion();

private:
    struct Transfer;
    void loop();
    void startTransfer(std::unique_ptr<Transfer> t);
    void finishTransfer(Transfer* t, int curlCode);
    void failAll(const QString& why, bool newMulti);
    void wake();

    HubConfig m_config;
    void* m_multi = nullptr; // CURLM*, used only on m_thread (and created/destroyed there)
    std::mutex m_mutex;
    QList<Transfer*> m_queued;  // guarded by m_mutex
    QList<Transfer*> m_running; // loop thread only
    QString m_abortReason;      // guarded by m_mutex
    bool m_abort = false;       // guarded
    bool m_restart = false;     // guarded
    bool m_stop = false;        // guarded
    std::atomic<int> m_inFlight{0};
    std::atomic<quint64> m_completed{0};
    std::thread m_thread;
};

} // namespace onewindow::sync
