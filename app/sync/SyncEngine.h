#pragma once

#include "app/sync/HubClient.h"
#include "app/sync/HubConfig.h"
#include "app/sync/RetryPolicy.h"
#include "app/sync/SyncProtocol.h"
#include "app/sync/SyncStatus.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>
#include <random>

namespace onewindow::storage {
class StorageWorker;
struct ApplyOutcome;
} // namespace onewindow::storage

namespace onewindow::sync {

// Runs `fn` with the storage worker on the storage's own thread and returns when it is done
// (false: storage is gone). For the kiosk it wraps StorageService::post(); for the tool and
// tests a worker used only by the sync thread.
using StorageRunner = std::function<bool(const std::function<void(storage::StorageWorker&)>&)>;

// The sync engine (DESIGN.md §7): heartbeat with commands, outbox upload (batches, per-item
// results, reconciliation after ambiguous failures), licence deltas with full reload on 410,
// catalogue with ETag, each stream with its own full-jitter backoff on a monotonic clock.
// Lives on the sync thread; runCycle() may block that thread on the network and on storage,
// never the GUI thread. Every time comes from SyncSettings and the injectable clocks.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    enum class Stream
    {
        Heartbeat,
        Outbox,
        Licenses,
        Catalog
    };
    static const char* streamName(Stream s);

    struct StreamReport
    {
        bool ran = false;
        bool ok = false;
        QString error;
        int sent = 0, acked = 0, rejected = 0, retried = 0, reconciled = 0;
        int applied = 0, pages = 0, commands = 0;
        bool fullReload = false;
        bool notModified = false;
    };
    struct CycleReport
    {
        QMap<QString, StreamReport> streams;
        bool allOk() const;
        QJsonObject toJson() const;
    };

    using MonotonicClock = std::function<qint64()>;
    // Handles a hub command; returns the acknowledgement status ("done", "accepted",
    // "failed", "unsupported"). Unset: the built-in handling (see docs/sync-protocol.md §9).
    using CommandHandler = std::function<QString(const protocol::HubCommand&)>;

    SyncEngine(std::shared_ptr<HubClient> hub, StorageRunner storage, SyncSettings settings,
               QObject* parent = nullptr);
    ~SyncEngine() override;

    void setMonotonicClock(MonotonicClock clock) { m_mono = std::move(clock); }
    void setCommandHandler(CommandHandler handler) { m_commandHandler = std::move(handler); }

    // One pass over every due stream (all of them when `force`). Blocks the calling thread.
    CycleReport runCycle(bool force = false);

    SyncStatus status() const { return m_status; }
    // For the watchdog on another thread.
    bool busy() const { return m_busy.load(); }
    qint64 lastProgressMs() const { return m_lastProgress.load(); }
    void noteWatchdogRestart() { ++m_watchdogRestarts; }
    // Monotonic ms until the earliest stream is due (0 = now).
    qint64 msUntilNextDue() const;
    static qint64 steadyNowMs();

public slots:
    void start(); // continuous mode: a timer runs cycles when streams are due
    void stop();
    void syncNow();       // every stream due now (admin "sync now", the hub's sync_now)
    void outboxChanged(); // a new item was queued: upload soon (backoff still applies)
    void setNetworkReachable(bool reachable);

signals:
    void statusChanged(const onewindow::sync::SyncStatus& status);
    void commandReceived(const onewindow::sync::protocol::HubCommand& command);
    void alarm(const QString& message);
    void cycleFinished();

private:
    struct StreamState
    {
        qint64 nextDue = 0; // monotonic ms
        int attempts = 0;
        bool failing = false;
        QDateTime lastSuccess;
        QString lastError;
    };
    struct Item;

    void onTimer();
    void scheduleNext();
    qint64 now() const { return m_mono(); }
    StreamState& stream(Stream s) { return m_streams[int(s)]; }
    bool storage(const std::function<void(storage::StorageWorker&)>& fn);
    // Outbox marks: applied at once, or grouped between beginMarks() and flushMarks() into
    // one storage transaction (a batch's results).
    void mark(std::function<void(storage::StorageWorker&)> step);
    void beginMarks();
    void flushMarks();
    void progress();

    HubResponse exchange(const QByteArray& method, const QString& path, const QByteArray& body = {},
                         QList<QPair<QByteArray, QByteArray>> headers = {});
    void succeed(Stream s, qint64 intervalMs, StreamReport& report);
    void fail(Stream s, const HubResponse& r, Outcome outcome, StreamReport& report, const QString& what);
    QString describe(const HubResponse& r) const;
    void pauseQueue(const QString& reason);
    void raiseAlarm(const QString& message);

    void runHeartbeat(StreamReport& report);
    void runOutbox(StreamReport& report);
    void runLicenses(StreamReport& report);
    void runCatalog(StreamReport& report);
    bool fullReload(StreamReport& report);
    static void recordRefusals(storage::StorageWorker& w, const storage::ApplyOutcome& outcome);
    bool sendSubmissions(QList<Item>& items, StreamReport& report, bool* timedOut);
    bool sendRatings(QList<Item>& items, StreamReport& report, bool* timedOut);
    // POST …:batch and apply each item's result in one outbox transaction.
    bool sendBatch(QList<Item>& items, const QString& path, const char* idKey, bool silenceIsUncertain,
                   StreamReport& report, bool* timedOut);
    void reconcile(QList<Item>& items, StreamReport& report);
    void applyResult(const Item& item, const protocol::ItemResult& result, StreamReport& report);
    bool batchFailed(QList<Item>& items, const HubResponse& r, Outcome outcome, bool bodyUsable,
                     StreamReport& report, bool* timedOut);
    QString executeCommand(const protocol::HubCommand& command);
    void refreshStatus();

    std::shared_ptr<HubClient> m_hub;
    StorageRunner m_storage;
    SyncSettings m_settings;
    MonotonicClock m_mono;
    CommandHandler m_commandHandler;
    std::mt19937_64 m_rng;
    Backoff m_backoff;
    StreamState m_streams[4];
    QSet<QString> m_uncertain;         // items whose last attempt may have reached the hub
    QMap<QString, QString> m_executed; // command id → ack status (re-acked if re-sent)
    QList<QJsonObject> m_pendingAcks;
    SyncStatus m_status;
    qint64 m_startedAt = 0;
    bool m_wasOnline = true;
    bool m_running = false;
    QTimer* m_timer = nullptr;
    std::atomic<bool> m_busy{false};
    std::atomic<qint64> m_lastProgress{0};
    std::atomic<int> m_watchdogRestarts{0};
    bool m_grouping = false;
    QList<std::function<void(storage::StorageWorker&)>> m_pendingMarks;
};

} // namespace onewindow::sync
