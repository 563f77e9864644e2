#pragma once

#include "app/core/Submission.h"
#include "app/platform/KeyStore.h"
#include "app/storage/OutboxTypes.h"
#include "app/storage/SqliteDb.h"

#include <functional>

namespace onewindow::storage {

// The durable queue of submissions and ratings in outbox.db (DESIGN.md §6). Works on one
// writer connection owned by the storage thread. Every state change is one transaction;
// the database's triggers refuse edges outside the state table, so invariants I2 and I4 hold
// even against a bug here.
class OutboxStore
{
public:
    using Clock = std::function<qint64()>; // wall clock in ms since the epoch

    OutboxStore(SqliteDb& db, KeyStore keys, Clock clock = {});

    void setRetentionMs(qint64 ms) { m_retentionMs = ms; }
    qint64 retentionMs() const { return m_retentionMs; }
    void setKeys(const KeyStore& keys) { m_keys = keys; }

    // Commits the item with synchronous=FULL and only then returns the receipt (I1). The
    // UUID and query code are made before the transaction; enqueueing the same UUID again
    // with the same payload returns the first receipt, with another payload a Conflict.
    Result<OutboxReceipt> enqueue(const Submission& submission);
    Result<OutboxReceipt> enqueue(const Rating& rating);

    // Start-up: every SENDING row becomes RETRY_WAIT (the hub may or may not have it; the
    // idempotency key makes the resend harmless). Returns how many rows moved.
    Result<int> recoverAfterRestart();
    // Admin "retry now": every RETRY_WAIT row becomes due at once (a paused queue stays paused;
    // REJECTED rows stay rejected). The number of rows made due.
    Result<int> retryWaitingNow();

    // Oldest ready rows (QUEUED, or RETRY_WAIT whose time has come) → SENDING, attempts+1.
    // Fails with Kind::Paused while the queue is PAUSED_AUTH.
    Result<QList<OutboxEntry>> takeReady(int limit);
    Status markAcked(const QString& itemId, const QString& hubReceiptId, const QString& promisedDate = {});
    Status markRetry(const QString& itemId, qint64 nextAttemptAtMs, const QString& error, int httpStatus = 0);
    Status markRejected(const QString& itemId, const QString& reason, int httpStatus = 0);
    // Runs `steps` (several mark* calls) as one transaction: one durable commit for a whole
    // batch of hub results. A failing step rolls back only itself. Losing the group to a crash
    // is harmless: the items stay SENDING, become RETRY_WAIT at start-up and are resent
    // idempotently.
    Status inOneTransaction(const std::function<void()>& steps);

    Status pauseAuth(const QString& reason);
    Status resumeAuth();

    // ACKED rows past their retention → PURGED: payload deleted (secure_delete), stub kept.
    Result<int> purgeExpired();

    Result<QByteArray> payload(const QString& itemId) const; // decrypted; Crypto error if tampered
    Result<OutboxEntry> entry(const QString& itemId) const;
    Result<OutboxEntry> entryByQueryCode(const QString& queryCode) const;
    Result<QList<OutboxEntry>> entriesForApplicant(QStringView idNumber) const;
    Result<QList<OutboxEntry>> entries(int limit = 1000) const;
    Result<QueueStats> stats() const;

    // Moves up to `batch` payloads sealed under an older key version to the current one.
    // Returns how many moved; run until 0 after a key rotation.
    Result<int> reencrypt(int batch);

    // A PASSIVE checkpoint after each enqueue, so a committed item also sits in the main file
    // and survives the loss of the -wal file (on by default; benchmarks measure both).
    void setCheckpointAfterEnqueue(bool on) { m_checkpointAfterEnqueue = on; }

    static RowBinding payloadBinding(const QString& itemId);

private:
    struct NewItem
    {
        QString itemId;
        QString kind;
        QString serviceItemCode;
        QString serviceItemName;
        int formVersion = 1;
        QByteArray applicantBidx;
        QString applicantMask;
        QByteArray payload;
    };
    Result<OutboxReceipt> insert(NewItem item);
    Status transition(const QString& itemId, OutboxState to, const QString& error, int http,
                      const QString& receiptId, const QString& promisedDate, qint64 nextAttemptAt);
    Result<QList<OutboxEntry>> select(const char* where, const std::function<void(Statement&)>& bind) const;
    qint64 now() const;

    SqliteDb& m_db;
    KeyStore m_keys;
    Clock m_clock;
    qint64 m_retentionMs = 72LL * 3600 * 1000;
    bool m_checkpointAfterEnqueue = true;
};

} // namespace onewindow::storage
