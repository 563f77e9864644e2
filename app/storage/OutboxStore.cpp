#include "app/storage/OutboxStore.h"

#include "app/platform/Crypto.h"
#include "drivers/idcard/Masking.h"
#include "drivers/idcard/SecureWipe.h"

#include <QUuid>

namespace onewindow::storage {

namespace {

struct StateName
{
    OutboxState state;
    const char* name;
};
constexpr StateName kStates[] = {
    {OutboxState::Queued, "QUEUED"},        {OutboxState::Sending, "SENDING"},
    {OutboxState::Acked, "ACKED"},          {OutboxState::Purged, "PURGED"},
    {OutboxState::RetryWait, "RETRY_WAIT"}, {OutboxState::Rejected, "REJECTED"},
};

constexpr const char* kEntryColumns =
    "seq, item_id, kind, query_code, service_item_code, service_item_name, applicant_mask, state, attempts, "
    "next_attempt_at, last_error, hub_receipt_id, promised_date, created_at, acked_at, purge_after, "
    "purged_at, "
    "payload_ct IS NOT NULL, key_ver";

QDateTime msToTime(const Statement& st, int column)
{
    return st.isNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(st.int64(column), Qt::UTC);
}

OutboxEntry readEntry(const Statement& st)
{
    OutboxEntry e;
    e.seq = st.int64(0);
    e.itemId = st.text(1);
    e.kind = st.text(2);
    e.queryCode = st.text(3);
    e.serviceItemCode = st.text(4);
    e.serviceItemName = st.text(5);
    e.applicantMask = st.text(6);
    outboxStateFromName(st.text(7), &e.state);
    e.attempts = int(st.int64(8));
    e.nextAttemptAt = msToTime(st, 9);
    e.lastError = st.text(10);
    e.hubReceiptId = st.text(11);
    e.promisedDate = st.text(12);
    e.createdAt = msToTime(st, 13);
    e.ackedAt = msToTime(st, 14);
    e.purgeAfter = msToTime(st, 15);
    e.purgedAt = msToTime(st, 16);
    e.hasPayload = st.int64(17) != 0;
    e.keyVersion = int(st.int64(18));
    return e;
}

// A short code a resident can type at another kiosk: Crockford base32 without I, L, O, U.
QString newQueryCode()
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const QByteArray random = crypto::randomBytes(10);
    QString code;
    for (char b : random)
        code += QLatin1Char(alphabet[uchar(b) % 32]);
    return code;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

const char* outboxStateName(OutboxState s)
{
    for (const StateName& e : kStates) {
        if (e.state == s)
            return e.name;
    }
    return "QUEUED";
}

bool outboxStateFromName(const QString& name, OutboxState* out)
{
    for (const StateName& e : kStates) {
        if (name == QLatin1String(e.name)) {
            *out = e.state;
            return true;
        }
    }
    return false;
}

bool outboxTransitionAllowed(OutboxState from, OutboxState to)
{
    using S = OutboxState;
    switch (from) {
    case S::Queued:
    case S::RetryWait:
        return to == S::Sending;
    case S::Sending:
        return to == S::Acked || to == S::RetryWait || to == S::Rejected;
    case S::Acked:
        return to == S::Purged;
    case S::Purged:
    case S::Rejected:
        return false;
    }
    return false;
}

OutboxStore::OutboxStore(SqliteDb& db, KeyStore keys, Clock clock)
    : m_db(db), m_keys(std::move(keys)), m_clock(std::move(clock))
{}

qint64 OutboxStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

RowBinding OutboxStore::payloadBinding(const QString& itemId)
{
    return {QStringLiteral("outbox_item"), itemId.toUtf8(), QStringLiteral("payload_ct")};
}

Result<OutboxReceipt> OutboxStore::enqueue(const Submission& s)
{
    if (s.serviceItemCode.isEmpty() || s.payload.isEmpty())
        return fail(StorageError::Kind::InvalidInput,
                    QStringLiteral("a submission needs a service item and a payload"));
    NewItem item;
    item.itemId = s.submissionId;
    item.kind = QStringLiteral("submission");
    item.serviceItemCode = s.serviceItemCode;
    item.serviceItemName = s.serviceItemName;
    item.formVersion = s.formVersion;
    if (!s.applicantIdNumber.isEmpty())
        item.applicantBidx = m_keys.blindIndex(s.applicantIdNumber);
    item.applicantMask = maskName(s.applicantName);
    item.payload = s.payload;
    return insert(std::move(item));
}

Result<OutboxReceipt> OutboxStore::enqueue(const Rating& r)
{
    if (r.serviceItemCode.isEmpty())
        return fail(StorageError::Kind::InvalidInput, QStringLiteral("a rating needs a service item"));
    NewItem item;
    item.itemId = r.ratingId;
    item.kind = QStringLiteral("rating");
    item.serviceItemCode = r.serviceItemCode;
    item.serviceItemName = r.serviceItemName;
    if (!r.raterIdNumber.isEmpty())
        item.applicantBidx = m_keys.blindIndex(r.raterIdNumber);
    item.payload = r.toPayload();
    return insert(std::move(item));
}

Result<OutboxReceipt> OutboxStore::insert(NewItem item)
{
    // The idempotency key exists before anything is written (offline-sync.md §7.3).
    if (item.itemId.isEmpty())
        item.itemId = newUuid();
    else if (QUuid::fromString(item.itemId).isNull())
        return fail(StorageError::Kind::InvalidInput, QStringLiteral("the item id is not a UUID"));
    const QByteArray digest = crypto::sha256(item.payload);
    auto sealed = m_keys.seal(item.payload, payloadBinding(item.itemId));
    secureWipe(item.payload);
    if (!sealed.ok())
        return fail(
            StorageError::Kind::Crypto,
            QStringLiteral("cannot encrypt: %1").arg(QLatin1String(crypto::errorName(sealed.error()))));
    const qint64 created = now();

    for (int attempt = 0; attempt < 4; ++attempt) {
        const QString queryCode = newQueryCode();
        Transaction tx(m_db);
        if (!tx.begun().ok())
            return fail(tx.begun().error());

        Statement existing(
            m_db, "SELECT payload_sha256, query_code, created_at FROM outbox_item WHERE item_id = ?");
        existing.bind(1, item.itemId);
        if (existing.next()) {
            if (existing.blob(0) != digest)
                return fail(
                    StorageError::Kind::Conflict,
                    QStringLiteral("item %1 was queued before with a different payload").arg(item.itemId));
            OutboxReceipt receipt{item.itemId, existing.text(1),
                                  QDateTime::fromMSecsSinceEpoch(existing.int64(2), Qt::UTC), true};
            return receipt;
        }
        if (existing.failed())
            return fail(existing.error());

        Statement ins(m_db, "INSERT INTO outbox_item (item_id, kind, query_code, service_item_code, "
                            "service_item_name, form_version, applicant_bidx, applicant_mask, payload_ct, "
                            "payload_sha256, key_ver, state, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)");
        ins.bind(1, item.itemId)
            .bind(2, item.kind)
            .bind(3, queryCode)
            .bind(4, item.serviceItemCode)
            .bind(5, item.serviceItemName.isNull() ? QString(QLatin1String("")) : item.serviceItemName)
            .bind(6, qint64(item.formVersion))
            .bind(7, item.applicantBidx)
            .bind(8, item.applicantMask.isEmpty() ? QString() : item.applicantMask)
            .bind(9, sealed->blob)
            .bind(10, digest)
            .bind(11, qint64(sealed->keyVersion))
            .bind(12, created)
            .bind(13, created);
        Status s = ins.run();
        if (!s.ok()) {
            // A query code collision (1 in 32^10): roll back and draw another code.
            if ((s.error().sqliteCode & 0xFF) == 19 /* SQLITE_CONSTRAINT */
                && s.error().message.contains(QLatin1String("query_code")))
                continue;
            return fail(s.error());
        }
        s = tx.commit();
        if (!s.ok())
            return fail(s.error());
        if (m_checkpointAfterEnqueue)
            m_db.exec("PRAGMA wal_checkpoint(PASSIVE)");
        return OutboxReceipt{item.itemId, queryCode, QDateTime::fromMSecsSinceEpoch(created, Qt::UTC), false};
    }
    return fail(StorageError::Kind::Sqlite, QStringLiteral("could not draw a unique query code"));
}

Result<int> OutboxStore::recoverAfterRestart()
{
    Statement st(m_db, "UPDATE outbox_item SET state = 'RETRY_WAIT', next_attempt_at = ?, updated_at = ?, "
                       "last_error = 'interrupted while sending' WHERE state = 'SENDING'");
    st.bind(1, now()).bind(2, now());
    Status s = st.run();
    if (!s.ok())
        return fail(s.error());
    return int(m_db.changes());
}

Result<int> OutboxStore::retryWaitingNow()
{
    Statement st(m_db, "UPDATE outbox_item SET next_attempt_at = ?1, updated_at = ?1 "
                       "WHERE state = 'RETRY_WAIT' AND next_attempt_at > ?1");
    st.bind(1, now());
    Status s = st.run();
    if (!s.ok())
        return fail(s.error());
    return int(m_db.changes());
}

Result<QList<OutboxEntry>> OutboxStore::takeReady(int limit)
{
    Transaction tx(m_db);
    if (!tx.begun().ok())
        return fail(tx.begun().error());
    auto paused = m_db.queryText("SELECT v FROM device_state WHERE k = 'paused_auth'");
    if (!paused.ok())
        return fail(paused.error());
    if (!paused.value().isNull())
        return fail(StorageError::Kind::Paused, QStringLiteral("queue paused: %1").arg(paused.value()));

    const qint64 t = now();
    Statement up(m_db, "UPDATE outbox_item SET state = 'SENDING', attempts = attempts + 1, updated_at = ?1 "
                       "WHERE seq IN (SELECT seq FROM outbox_item WHERE state IN ('QUEUED', 'RETRY_WAIT') "
                       "AND next_attempt_at <= ?1 ORDER BY seq LIMIT ?2) RETURNING item_id");
    up.bind(1, t).bind(2, qint64(limit));
    QStringList ids;
    while (up.next())
        ids.append(up.text(0));
    if (up.failed())
        return fail(up.error());
    Status s = tx.commit();
    if (!s.ok())
        return fail(s.error());
    QList<OutboxEntry> out;
    for (const QString& id : ids) {
        auto e = entry(id);
        if (!e.ok())
            return fail(e.error());
        out.append(e.value());
    }
    std::sort(out.begin(), out.end(),
              [](const OutboxEntry& a, const OutboxEntry& b) { return a.seq < b.seq; });
    return out;
}

Status OutboxStore::inOneTransaction(const std::function<void()>& steps)
{
    Transaction tx(m_db);
    if (!tx.begun().ok())
        return fail(tx.begun().error());
    steps();
    return tx.commit();
}

Status OutboxStore::transition(const QString& itemId, OutboxState to, const QString& error, int http,
                               const QString& receiptId, const QString& promisedDate, qint64 nextAttemptAt)
{
    Transaction tx(m_db);
    if (!tx.begun().ok())
        return fail(tx.begun().error());
    Statement cur(m_db, "SELECT state, attempts FROM outbox_item WHERE item_id = ?");
    cur.bind(1, itemId);
    if (!cur.next())
        return cur.failed()
                   ? fail(cur.error())
                   : fail(StorageError::Kind::NotFound, QStringLiteral("no outbox item %1").arg(itemId));
    OutboxState from = OutboxState::Queued;
    outboxStateFromName(cur.text(0), &from);
    const qint64 attempt = cur.int64(1);
    // A duplicate or late ack for an item already acknowledged changes nothing (idempotent).
    if (to == OutboxState::Acked && (from == OutboxState::Acked || from == OutboxState::Purged))
        return Ok{};
    if (!outboxTransitionAllowed(from, to))
        return fail(
            StorageError::Kind::InvalidTransition,
            QStringLiteral("outbox item %1: %2 → %3 is not allowed")
                .arg(itemId, QLatin1String(outboxStateName(from)), QLatin1String(outboxStateName(to))));
    const qint64 t = now();
    Statement up(m_db, "UPDATE outbox_item SET state = ?, updated_at = ?, last_error = ?, hub_receipt_id = "
                       "COALESCE(?, hub_receipt_id), promised_date = COALESCE(?, promised_date), "
                       "acked_at = ?, purge_after = ?, next_attempt_at = ? WHERE item_id = ?");
    const bool acked = to == OutboxState::Acked;
    up.bind(1, QString::fromLatin1(outboxStateName(to)))
        .bind(2, t)
        .bind(3, error)
        .bind(4, receiptId)
        .bind(5, promisedDate)
        .bind(9, itemId);
    if (acked) {
        up.bind(6, t).bind(7, t + m_retentionMs);
    } else {
        up.bindNull(6).bindNull(7);
    }
    up.bind(8, nextAttemptAt);
    Status s = up.run();
    if (!s.ok())
        return fail(s.error());
    Statement log(
        m_db, "INSERT INTO attempt_log (item_id, attempt, at, outcome, http, detail) VALUES (?,?,?,?,?,?)");
    log.bind(1, itemId).bind(2, attempt).bind(3, t).bind(4, QString::fromLatin1(outboxStateName(to)));
    if (http)
        log.bind(5, qint64(http));
    else
        log.bindNull(5);
    log.bind(6, error);
    s = log.run();
    if (!s.ok())
        return fail(s.error());
    return tx.commit();
}

Status OutboxStore::markAcked(const QString& itemId, const QString& hubReceiptId, const QString& promisedDate)
{
    return transition(itemId, OutboxState::Acked, {}, 0, hubReceiptId, promisedDate, 0);
}

Status OutboxStore::markRetry(const QString& itemId, qint64 nextAttemptAtMs, const QString& error,
                              int httpStatus)
{
    return transition(itemId, OutboxState::RetryWait, error, httpStatus, {}, {}, nextAttemptAtMs);
}

Status OutboxStore::markRejected(const QString& itemId, const QString& reason, int httpStatus)
{
    return transition(itemId, OutboxState::Rejected, reason, httpStatus, {}, {}, 0);
}

Status OutboxStore::pauseAuth(const QString& reason)
{
    Statement st(m_db, "INSERT INTO device_state (k, v) VALUES ('paused_auth', ?) "
                       "ON CONFLICT(k) DO UPDATE SET v = excluded.v");
    st.bind(1, reason.isEmpty() ? QStringLiteral("auth") : reason);
    return st.run();
}

Status OutboxStore::resumeAuth()
{
    return m_db.exec("DELETE FROM device_state WHERE k = 'paused_auth'");
}

Result<int> OutboxStore::purgeExpired()
{
    const qint64 t = now();
    Statement st(m_db, "UPDATE outbox_item SET state = 'PURGED', payload_ct = NULL, purged_at = ?1, "
                       "updated_at = ?1 WHERE state = 'ACKED' AND purge_after <= ?1");
    st.bind(1, t);
    Status s = st.run();
    if (!s.ok())
        return fail(s.error());
    return int(m_db.changes());
}

Result<QByteArray> OutboxStore::payload(const QString& itemId) const
{
    Statement st(m_db, "SELECT payload_ct, key_ver FROM outbox_item WHERE item_id = ?");
    st.bind(1, itemId);
    if (!st.next())
        return st.failed()
                   ? fail(st.error())
                   : fail(StorageError::Kind::NotFound, QStringLiteral("no outbox item %1").arg(itemId));
    if (st.isNull(0))
        return fail(StorageError::Kind::NotFound, QStringLiteral("outbox item %1 was purged").arg(itemId));
    auto plain = m_keys.open(int(st.int64(1)), st.blob(0), payloadBinding(itemId));
    if (!plain.ok())
        return fail(StorageError::Kind::Crypto,
                    QStringLiteral("payload of outbox item %1: %2")
                        .arg(itemId, QLatin1String(crypto::errorName(plain.error()))));
    return std::move(plain).value();
}

Result<QList<OutboxEntry>> OutboxStore::select(const char* where,
                                               const std::function<void(Statement&)>& bind) const
{
    const QByteArray sql = QByteArray("SELECT ") + kEntryColumns + " FROM outbox_item " + where;
    Statement st(m_db, sql.constData());
    if (!st.ok())
        return fail(st.error());
    if (bind)
        bind(st);
    QList<OutboxEntry> out;
    while (st.next())
        out.append(readEntry(st));
    if (st.failed())
        return fail(st.error());
    return out;
}

Result<OutboxEntry> OutboxStore::entry(const QString& itemId) const
{
    auto rows = select("WHERE item_id = ?", [&](Statement& st) { st.bind(1, itemId); });
    if (!rows.ok())
        return fail(rows.error());
    if (rows->isEmpty())
        return fail(StorageError::Kind::NotFound, QStringLiteral("no outbox item %1").arg(itemId));
    return rows->first();
}

Result<OutboxEntry> OutboxStore::entryByQueryCode(const QString& queryCode) const
{
    auto rows =
        select("WHERE query_code = ?", [&](Statement& st) { st.bind(1, queryCode.trimmed().toUpper()); });
    if (!rows.ok())
        return fail(rows.error());
    if (rows->isEmpty())
        return fail(StorageError::Kind::NotFound, QStringLiteral("no item with that query code"));
    return rows->first();
}

Result<QList<OutboxEntry>> OutboxStore::entriesForApplicant(QStringView idNumber) const
{
    const QByteArray bidx = m_keys.blindIndex(idNumber);
    return select("WHERE applicant_bidx = ? ORDER BY seq", [&](Statement& st) { st.bind(1, bidx); });
}

Result<QList<OutboxEntry>> OutboxStore::entries(int limit) const
{
    return select("ORDER BY seq LIMIT ?", [&](Statement& st) { st.bind(1, qint64(limit)); });
}

Result<QueueStats> OutboxStore::stats() const
{
    QueueStats stats;
    for (const StateName& e : kStates)
        stats.byState.insert(QLatin1String(e.name), 0);
    Statement st(m_db, "SELECT state, COUNT(*) FROM outbox_item GROUP BY state");
    while (st.next())
        stats.byState.insert(st.text(0), int(st.int64(1)));
    if (st.failed())
        return fail(st.error());
    stats.pending = stats.byState.value(QStringLiteral("QUEUED")) +
                    stats.byState.value(QStringLiteral("SENDING")) +
                    stats.byState.value(QStringLiteral("RETRY_WAIT"));
    Statement oldest(
        m_db, "SELECT MIN(created_at) FROM outbox_item WHERE state IN ('QUEUED','SENDING','RETRY_WAIT')");
    if (oldest.next() && !oldest.isNull(0))
        stats.oldestPendingAt = QDateTime::fromMSecsSinceEpoch(oldest.int64(0), Qt::UTC);
    Statement paused(m_db, "SELECT v FROM device_state WHERE k = 'paused_auth'");
    if (paused.next()) {
        stats.pausedAuth = true;
        stats.pauseReason = paused.text(0);
    }
    return stats;
}

Result<int> OutboxStore::reencrypt(int batch)
{
    const int current = m_keys.currentVersion();
    Transaction tx(m_db);
    if (!tx.begun().ok())
        return fail(tx.begun().error());
    Statement sel(m_db, "SELECT item_id, key_ver, payload_ct FROM outbox_item "
                        "WHERE payload_ct IS NOT NULL AND key_ver <> ? LIMIT ?");
    sel.bind(1, qint64(current)).bind(2, qint64(batch));
    Statement up(m_db,
                 "UPDATE outbox_item SET payload_ct = ?, key_ver = ? WHERE item_id = ? AND key_ver = ?");
    int moved = 0;
    while (sel.next()) {
        const QString id = sel.text(0);
        const int oldVersion = int(sel.int64(1));
        auto plain = m_keys.open(oldVersion, sel.blob(2), payloadBinding(id));
        if (!plain.ok())
            return fail(StorageError::Kind::Crypto,
                        QStringLiteral("re-encrypt: payload of outbox item %1: %2")
                            .arg(id, QLatin1String(crypto::errorName(plain.error()))));
        auto sealed = m_keys.seal(plain.value(), payloadBinding(id));
        secureWipe(plain.value());
        if (!sealed.ok())
            return fail(StorageError::Kind::Crypto, QStringLiteral("re-encrypt failed"));
        up.reset();
        up.bind(1, sealed->blob).bind(2, qint64(sealed->keyVersion)).bind(3, id).bind(4, qint64(oldVersion));
        Status s = up.run();
        if (!s.ok())
            return fail(s.error());
        ++moved;
    }
    if (sel.failed())
        return fail(sel.error());
    Status s = tx.commit();
    if (!s.ok())
        return fail(s.error());
    return moved;
}

} // namespace onewindow::storage
