#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace onewindow::storage {

// DESIGN.md §6 / offline-sync.md §7.3. PAUSED_AUTH is queue-wide (device_state), not per item.
enum class OutboxState
{
    Queued,
    Sending,
    Acked,
    Purged,
    RetryWait,
    Rejected
};

const char* outboxStateName(OutboxState s); // "QUEUED", …
bool outboxStateFromName(const QString& name, OutboxState* out);
// The edges of the state table (also enforced by a trigger in outbox.db).
bool outboxTransitionAllowed(OutboxState from, OutboxState to);

// What the resident's receipt shows; returned only after the commit.
struct OutboxReceipt
{
    QString itemId;    // the UUID idempotency key
    QString queryCode; // short code for 办件查询 and the QR code
    QDateTime createdAt;
    bool alreadyQueued = false; // the same item was enqueued before (idempotent retry)
};

// One row without its payload: what progress lookup, reprints and the queue page see.
struct OutboxEntry
{
    qint64 seq = 0;
    QString itemId;
    QString kind; // "submission" | "rating"
    QString queryCode;
    QString serviceItemCode;
    QString serviceItemName;
    QString applicantMask;
    OutboxState state = OutboxState::Queued;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QString hubReceiptId;
    QString promisedDate;
    QDateTime createdAt;
    QDateTime ackedAt;
    QDateTime purgeAfter;
    QDateTime purgedAt;
    bool hasPayload = false;
    int keyVersion = 0;
};

struct QueueStats
{
    QMap<QString, int> byState; // every state name, zero included
    int pending = 0;            // QUEUED + SENDING + RETRY_WAIT
    QDateTime oldestPendingAt;  // null when nothing is pending
    bool pausedAuth = false;
    QString pauseReason;
};

} // namespace onewindow::storage

Q_DECLARE_METATYPE(onewindow::storage::OutboxReceipt)
Q_DECLARE_METATYPE(onewindow::storage::QueueStats)
