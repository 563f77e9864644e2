#include "app/sync/SyncEngine.h"

#include "app/platform/PosixIo.h"
#include "app/storage/CacheReload.h"
#include "app/storage/StorageWorker.h"
#include "app/sync/SyncLog.h"
#include "drivers/idcard/SecureWipe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <chrono>
#include <curl/curl.h>

namespace onewindow::sync {

using storage::OutboxEntry;
using storage::StorageWorker;

struct SyncEngine::Item
{
    OutboxEntry entry;
    QJsonObject body;
    QString fingerprint;
};

namespace {

constexpr int kMaxRoundsPerCycle = 10000; // batches per outbox cycle (10k × 100 items)
constexpr int kMaxPagesPerCycle = 1000;   // delta pages per licence cycle
constexpr int kMaxReloadPages = 1000000;  // a full reload that never ends is a broken hub

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool isTimeout(const HubResponse& r)
{
    return r.curlCode == CURLE_OPERATION_TIMEDOUT;
}

} // namespace

const char* SyncEngine::streamName(Stream s)
{
    switch (s) {
    case Stream::Heartbeat:
        return "heartbeat";
    case Stream::Outbox:
        return "outbox";
    case Stream::Licenses:
        return "licenses";
    case Stream::Catalog:
        return "catalog";
    }
    return "?";
}

bool SyncEngine::CycleReport::allOk() const
{
    for (const StreamReport& r : streams) {
        if (r.ran && !r.ok)
            return false;
    }
    return true;
}

QJsonObject SyncEngine::CycleReport::toJson() const
{
    QJsonObject out;
    for (auto it = streams.begin(); it != streams.end(); ++it) {
        const StreamReport& r = it.value();
        QJsonObject o{{QStringLiteral("ran"), r.ran}, {QStringLiteral("ok"), r.ok}};
        if (!r.error.isEmpty())
            o.insert(QStringLiteral("error"), r.error);
        if (it.key() == QLatin1String("outbox")) {
            o.insert(QStringLiteral("sent"), r.sent);
            o.insert(QStringLiteral("acked"), r.acked);
            o.insert(QStringLiteral("rejected"), r.rejected);
            o.insert(QStringLiteral("retry"), r.retried);
            o.insert(QStringLiteral("reconciled"), r.reconciled);
        } else if (it.key() == QLatin1String("licenses")) {
            o.insert(QStringLiteral("applied"), r.applied);
            o.insert(QStringLiteral("pages"), r.pages);
            o.insert(QStringLiteral("full_reload"), r.fullReload);
        } else if (it.key() == QLatin1String("catalog")) {
            o.insert(QStringLiteral("not_modified"), r.notModified);
        } else if (it.key() == QLatin1String("heartbeat")) {
            o.insert(QStringLiteral("commands"), r.commands);
        }
        out.insert(it.key(), o);
    }
    return out;
}

qint64 SyncEngine::steadyNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

SyncEngine::SyncEngine(std::shared_ptr<HubClient> hub, StorageRunner storage, SyncSettings settings,
                       QObject* parent)
    : QObject(parent), m_hub(std::move(hub)), m_storage(std::move(storage)), m_settings(std::move(settings)),
      m_mono(&SyncEngine::steadyNowMs), m_rng(m_settings.seed ? m_settings.seed : std::random_device{}()),
      m_backoff(m_settings.backoffBaseMs, m_settings.backoffCapMs, m_settings.retryAfterMaxMs,
                [this] { return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng); })
{
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<protocol::HubCommand>();
    m_startedAt = now();
    m_lastProgress = now();
    m_status.configured = m_hub != nullptr;
}

SyncEngine::~SyncEngine() = default;

bool SyncEngine::storage(const std::function<void(StorageWorker&)>& fn)
{
    const bool ok = m_storage && m_storage(fn);
    progress();
    return ok;
}

void SyncEngine::mark(std::function<void(StorageWorker&)> step)
{
    if (m_grouping) {
        m_pendingMarks.append(std::move(step));
        return;
    }
    storage(step);
}

void SyncEngine::beginMarks()
{
    m_grouping = true;
}

void SyncEngine::flushMarks()
{
    m_grouping = false;
    if (m_pendingMarks.isEmpty())
        return;
    const auto steps = std::exchange(m_pendingMarks, {});
    // One transaction, one fsync, for the whole batch's results.
    storage([&steps](StorageWorker& w) {
        w.outbox().inOneTransaction([&] {
            for (const auto& step : steps)
                step(w);
        });
    });
}

void SyncEngine::progress()
{
    m_lastProgress = now();
}

HubResponse SyncEngine::exchange(const QByteArray& method, const QString& path, const QByteArray& body,
                                 QList<QPair<QByteArray, QByteArray>> headers)
{
    HubRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.headers = std::move(headers);
    HubResponse r = m_hub->perform(std::move(request));
    progress();
    const bool reached = r.curlCode == CURLE_OK && r.httpStatus != 0;
    if (reached != m_status.online)
        qCInfo(lcSync) << "hub" << (reached ? "reachable" : "unreachable");
    m_status.online = reached;
    if (reached)
        m_status.lastLatencyMs = r.elapsedMs; // the admin sync page's "hub latency"
    qCDebug(lcSync) << method << path << "→" << r.httpStatus << "curl" << r.curlCode << r.elapsedMs << "ms";
    return r;
}

QString SyncEngine::describe(const HubResponse& r) const
{
    if (r.curlCode != CURLE_OK)
        return QStringLiteral("curl %1: %2").arg(r.curlCode).arg(r.error);
    if (r.httpStatus == 0)
        return QStringLiteral("no HTTP answer");
    return QStringLiteral("HTTP %1").arg(r.httpStatus);
}

void SyncEngine::succeed(Stream s, qint64 intervalMs, StreamReport& report)
{
    StreamState& st = stream(s);
    st.attempts = 0;
    st.failing = false;
    st.nextDue = now() + intervalMs;
    st.lastSuccess = QDateTime::currentDateTimeUtc();
    st.lastError.clear();
    report.ok = true;
    m_status.lastSuccess.insert(QLatin1String(streamName(s)), st.lastSuccess);
}

void SyncEngine::fail(Stream s, const HubResponse& r, Outcome outcome, StreamReport& report,
                      const QString& what)
{
    StreamState& st = stream(s);
    ++st.attempts;
    st.failing = true;
    const auto retryAfter = parseRetryAfter(r.header("retry-after"), QDateTime::currentDateTimeUtc());
    st.nextDue = now() + m_backoff.delayMs(st.attempts, retryAfter);
    st.lastError = what.isEmpty() ? describe(r) : what;
    report.ok = false;
    report.error = st.lastError;
    m_status.lastError = QStringLiteral("%1: %2").arg(QLatin1String(streamName(s)), st.lastError);
    qCWarning(lcSync) << streamName(s) << outcomeName(outcome) << "failure:" << st.lastError << "→ next in"
                      << (st.nextDue - now()) << "ms";
    if (outcome == Outcome::Auth)
        pauseQueue(QStringLiteral("%1 (%2)").arg(st.lastError, QLatin1String(streamName(s))));
}

void SyncEngine::raiseAlarm(const QString& message)
{
    qCCritical(lcSync) << "alarm:" << message;
    emit alarm(message);
}

void SyncEngine::pauseQueue(const QString& reason)
{
    if (m_status.pausedAuth)
        return;
    storage([&](StorageWorker& w) { w.outbox().pauseAuth(reason.left(300)); });
    m_status.pausedAuth = true;
    m_status.pauseReason = reason;
    raiseAlarm(QStringLiteral("sync paused: certificate or authorisation failure: %1").arg(reason));
}

qint64 SyncEngine::msUntilNextDue() const
{
    qint64 earliest = m_streams[0].nextDue;
    for (const StreamState& s : m_streams)
        earliest = qMin(earliest, s.nextDue);
    return qMax<qint64>(0, earliest - m_mono());
}

// ------------------------------------------------------------------ scheduling

void SyncEngine::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &SyncEngine::onTimer);
    }
    m_running = true;
    m_timer->start(0);
}

void SyncEngine::stop()
{
    m_running = false;
    if (m_timer)
        m_timer->stop();
}

void SyncEngine::onTimer()
{
    if (!m_running)
        return;
    runCycle(false);
    scheduleNext();
}

void SyncEngine::scheduleNext()
{
    if (m_running && m_timer)
        m_timer->start(int(qMin<qint64>(msUntilNextDue(), 24LL * 3600 * 1000)));
}

void SyncEngine::syncNow()
{
    for (StreamState& s : m_streams)
        s.nextDue = now();
    scheduleNext();
}

void SyncEngine::outboxChanged()
{
    StreamState& s = stream(Stream::Outbox);
    if (!s.failing)
        s.nextDue = now(); // a failing stream keeps its backoff: enqueues must not defeat it
    scheduleNext();
}

void SyncEngine::setNetworkReachable(bool reachable)
{
    if (!reachable) {
        m_status.online = false;
        emit statusChanged(m_status);
        return;
    }
    // Connectivity is back: retry at once, but spread over random(0, jitter) so a hall full
    // of kiosks does not hit the hub in the same second (offline-sync.md §7.4).
    for (StreamState& s : m_streams) {
        if (s.failing || s.attempts > 0) {
            s.attempts = 0;
            s.nextDue = now() + m_backoff.jitterMs(m_settings.reconnectJitterMaxMs);
        }
    }
    scheduleNext();
}

// ------------------------------------------------------------------ the cycle

SyncEngine::CycleReport SyncEngine::runCycle(bool force)
{
    m_busy = true;
    progress();
    CycleReport report;
    auto due = [&](Stream s) {
        return force || now() >= stream(s).nextDue;
    };
    auto run = [&](Stream s, void (SyncEngine::*fn)(StreamReport&)) {
        if (!due(s))
            return;
        StreamReport& r = report.streams[QLatin1String(streamName(s))];
        r.ran = true;
        (this->*fn)(r);
    };
    run(Stream::Heartbeat, &SyncEngine::runHeartbeat);
    // While the hub is unreachable or refuses our certificate, only the heartbeat probes (with
    // its backoff): the other streams would fail the same way and multiply the load.
    const bool probing = m_status.pausedAuth || !m_status.online;
    if (probing && !force) {
        for (Stream s : {Stream::Outbox, Stream::Licenses, Stream::Catalog})
            stream(s).nextDue = qMax(stream(s).nextDue, stream(Stream::Heartbeat).nextDue);
    } else {
        run(Stream::Outbox, &SyncEngine::runOutbox);
        run(Stream::Licenses, &SyncEngine::runLicenses);
        run(Stream::Catalog, &SyncEngine::runCatalog);
    }
    refreshStatus();
    m_busy = false;
    emit statusChanged(m_status);
    emit cycleFinished();
    return report;
}

void SyncEngine::refreshStatus()
{
    storage([&](StorageWorker& w) {
        auto stats = w.outbox().stats();
        if (!stats)
            return;
        const storage::QueueStats& s = stats.value();
        m_status.queueDepth = s.pending;
        m_status.oldestPendingAt = s.oldestPendingAt;
        m_status.pausedAuth = s.pausedAuth;
        m_status.pauseReason = s.pauseReason;
        m_status.rejected = s.byState.value(QStringLiteral("REJECTED"));
    });
    m_status.watchdogRestarts = m_watchdogRestarts.load();
    m_status.updatedAt = QDateTime::currentDateTimeUtc();
}

// ------------------------------------------------------------------ heartbeat

void SyncEngine::runHeartbeat(StreamReport& report)
{
    refreshStatus();
    QJsonObject queue{{QStringLiteral("depth"), m_status.queueDepth},
                      {QStringLiteral("rejected"), m_status.rejected},
                      {QStringLiteral("paused_auth"), m_status.pausedAuth},
                      {QStringLiteral("oldest_age_s"),
                       m_status.oldestPendingAt.isValid()
                           ? double(m_status.oldestPendingAt.secsTo(QDateTime::currentDateTimeUtc()))
                           : 0.0}};
    QJsonObject disk;
    if (!m_settings.stateDir.isEmpty()) {
        const DiskSpace space = diskSpaceAt(m_settings.stateDir);
        disk.insert(QStringLiteral("free_bytes"), double(space.availableBytes));
        disk.insert(QStringLiteral("ok"), space.availableBytes >= 0);
    }
    // {"health", "readers"} from the health monitor (thread-safe; app/health).
    const QJsonObject healthView = m_settings.healthProvider ? m_settings.healthProvider() : QJsonObject();
    QJsonArray acks;
    const QList<QJsonObject> sending = m_pendingAcks;
    for (const QJsonObject& a : sending)
        acks.append(a);
    QJsonObject body{
        {QStringLiteral("kiosk_id"), m_hub->config().kioskId},
        {QStringLiteral("version"), m_settings.appVersion},
        {QStringLiteral("uptime_s"), double((now() - m_startedAt) / 1000)},
        {QStringLiteral("queue"), queue},
        {QStringLiteral("disk"), disk},
        {QStringLiteral("readers"), healthView.value(QStringLiteral("readers")).toArray()},
        {QStringLiteral("clock"), QJsonObject{{QStringLiteral("kiosk_time"),
                                               QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}}},
        {QStringLiteral("acks"), acks},
    };
    if (healthView.contains(QStringLiteral("health")))
        body.insert(QStringLiteral("health"), healthView.value(QStringLiteral("health")));
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    const HubResponse r = exchange("POST", QStringLiteral("/v1/heartbeat"), json(body));
    const auto answer = r.httpStatus == 200 ? protocol::parseHeartbeat(r.body) : std::nullopt;
    const Outcome outcome = classify(r, answer.has_value());
    if (outcome != Outcome::Ok || !answer) {
        fail(Stream::Heartbeat, r, outcome, report, {});
        m_wasOnline = m_wasOnline && r.curlCode == CURLE_OK && r.httpStatus != 0;
        return;
    }
    // Acks that reached the hub are done; the hub stops re-sending those commands.
    for (const QJsonObject& a : sending)
        m_pendingAcks.removeOne(a);
    if (answer->serverTime.isValid()) {
        const QDateTime mid = sentAt.addMSecs(r.elapsedMs / 2);
        m_status.clockOffsetMs = mid.msecsTo(answer->serverTime);
    }
    const qint64 interval = answer->intervalMs > 0 && m_settings.heartbeatIntervalMs >= 1000
                                ? qMin(answer->intervalMs, m_settings.heartbeatIntervalMs)
                                : m_settings.heartbeatIntervalMs;
    succeed(Stream::Heartbeat, interval, report);

    if (m_status.pausedAuth) {
        // The hub accepts our certificate again: resume the queue.
        storage([&](StorageWorker& w) { w.outbox().resumeAuth(); });
        m_status.pausedAuth = false;
        m_status.pauseReason.clear();
        qCInfo(lcSync) << "hub accepts the kiosk again: queue resumed";
        stream(Stream::Outbox).nextDue = now();
        stream(Stream::Outbox).attempts = 0;
        stream(Stream::Outbox).failing = false;
    }
    if (!m_wasOnline) {
        m_wasOnline = true;
        setNetworkReachable(true);
    }
    for (const protocol::HubCommand& cmd : answer->commands) {
        QString status = m_executed.value(cmd.id);
        if (status.isEmpty()) {
            status = executeCommand(cmd);
            m_executed.insert(cmd.id, status);
            ++report.commands;
        }
        const QJsonObject ack{{QStringLiteral("id"), cmd.id},
                              {QStringLiteral("type"), cmd.type},
                              {QStringLiteral("status"), status}};
        if (!m_pendingAcks.contains(ack))
            m_pendingAcks.append(ack); // acknowledged in the next heartbeat
    }
}

QString SyncEngine::executeCommand(const protocol::HubCommand& cmd)
{
    qCInfo(lcSync) << "hub command" << cmd.id << cmd.type;
    emit commandReceived(cmd);
    if (m_commandHandler) {
        const QString status = m_commandHandler(cmd);
        if (!status.isEmpty())
            return status;
    }
    if (cmd.type == QLatin1String("sync_now")) {
        for (StreamState& s : m_streams)
            s.nextDue = now();
        return QStringLiteral("done");
    }
    if (cmd.type == QLatin1String("purge_cache")) {
        bool ok = false;
        storage([&](StorageWorker& w) { ok = w.cache().clearCursor().ok(); });
        stream(Stream::Licenses).nextDue = now();
        return ok ? QStringLiteral("done") : QStringLiteral("failed");
    }
    if (cmd.type == QLatin1String("lock") || cmd.type == QLatin1String("unlock") ||
        cmd.type == QLatin1String("set_config"))
        return QStringLiteral("accepted"); // carried out by the kiosk's composition root (signal)
    return QStringLiteral("unsupported");
}

// ------------------------------------------------------------------ outbox

void SyncEngine::runOutbox(StreamReport& report)
{
    RetryBudget budget(m_settings.retryBudget);
    bool lastTimedOut = false;
    for (int round = 0; round < kMaxRoundsPerCycle; ++round) {
        QList<Item> submissions, ratings;
        bool paused = false;
        QString storageError;
        storage([&](StorageWorker& w) {
            auto taken = w.outbox().takeReady(m_settings.batchSize);
            if (!taken) {
                paused = taken.error().kind == storage::StorageError::Kind::Paused;
                storageError = taken.error().toString();
                return;
            }
            for (const OutboxEntry& e : taken.value()) {
                auto payload = w.outbox().payload(e.itemId);
                QString error;
                Item item{e, {}, {}};
                if (!payload) {
                    error = payload.error().toString();
                } else if (e.kind == QLatin1String("rating")) {
                    item.body = protocol::ratingBody(e, payload.value(), &error);
                } else {
                    auto out = protocol::submissionBody(e, payload.value(), &error);
                    item.body = out.body;
                    item.fingerprint = out.fingerprint;
                }
                if (payload)
                    secureWipe(payload.value());
                if (!error.isEmpty()) {
                    // Undecryptable or not JSON: it can never be sent; a technician must look.
                    w.outbox().markRejected(e.itemId, error.left(200));
                    ++report.rejected;
                    raiseAlarm(
                        QStringLiteral("outbox item %1 cannot be sent: %2").arg(e.itemId, error.left(200)));
                    continue;
                }
                (e.kind == QLatin1String("rating") ? ratings : submissions).append(item);
            }
        });
        if (paused) {
            m_status.pausedAuth = true;
            stream(Stream::Outbox).nextDue = now() + m_settings.outboxPollMs; // no local spin
            report.ok = false;
            report.error = QStringLiteral("queue paused (PAUSED_AUTH)");
            return;
        }
        if (!storageError.isEmpty()) {
            fail(Stream::Outbox, {}, Outcome::Transient, report,
                 QStringLiteral("storage: %1").arg(storageError));
            return;
        }
        if (submissions.isEmpty() && ratings.isEmpty())
            break;

        bool retries = false;
        for (const QList<Item>* list : {&submissions, &ratings}) {
            for (const Item& i : *list)
                retries = retries || i.entry.attempts > 1;
        }
        if (retries && !budget.tryAcquire(lastTimedOut)) {
            storage([&](StorageWorker& w) {
                for (const QList<Item>* list : {&submissions, &ratings}) {
                    for (const Item& i : *list)
                        w.outbox().markRetry(i.entry.itemId, QDateTime::currentMSecsSinceEpoch(),
                                             QStringLiteral("retry budget exhausted"));
                }
            });
            StreamState& st = stream(Stream::Outbox);
            st.failing = true;
            st.nextDue = now() + m_settings.backoffCapMs;
            report.ok = false;
            report.error = QStringLiteral("retry budget exhausted for this cycle");
            qCWarning(lcSync) << "outbox: retry budget exhausted; next cycle in" << m_settings.backoffCapMs
                              << "ms";
            return;
        }
        bool timedOut = false;
        if (!submissions.isEmpty()) {
            reconcile(submissions, report);
            if (!submissions.isEmpty() && !sendSubmissions(submissions, report, &timedOut)) {
                if (!ratings.isEmpty()) // not sent: back to the queue untouched
                    storage([&](StorageWorker& w) {
                        for (const Item& i : ratings)
                            w.outbox().markRetry(i.entry.itemId, QDateTime::currentMSecsSinceEpoch(),
                                                 QStringLiteral("not sent: hub failure"));
                    });
                return;
            }
        }
        if (!ratings.isEmpty() && !sendRatings(ratings, report, &timedOut))
            return;
        lastTimedOut = timedOut;
        budget.refund();
    }
    succeed(Stream::Outbox, m_settings.outboxPollMs, report);
}

void SyncEngine::reconcile(QList<Item>& items, StreamReport& report)
{
    int budget = m_settings.reconcileMax;
    for (qsizetype i = 0; i < items.size() && budget > 0;) {
        const Item& item = items.at(i);
        if (!m_uncertain.contains(item.entry.itemId)) {
            ++i;
            continue;
        }
        --budget;
        const HubResponse r = exchange("GET", QStringLiteral("/v1/submissions/%1").arg(item.entry.itemId));
        if (r.curlCode != CURLE_OK || (r.httpStatus != 200 && r.httpStatus != 404)) {
            ++i; // no verdict: the idempotent resend settles it
            continue;
        }
        m_uncertain.remove(item.entry.itemId);
        if (r.httpStatus == 404) {
            ++i; // the hub never got it: send normally
            continue;
        }
        auto result = protocol::parseObject(r.body);
        if (!result) {
            ++i;
            continue;
        }
        protocol::ItemResult ir;
        ir.id = item.entry.itemId;
        ir.status = QStringLiteral("duplicate");
        ir.code = 200;
        ir.caseNo = result->value(QLatin1String("case_no")).toString();
        ir.promisedDate = result->value(QLatin1String("promised_date")).toString();
        ir.fingerprint = result->value(QLatin1String("fingerprint")).toString();
        applyResult(item, ir, report);
        ++report.reconciled;
        items.removeAt(i);
    }
}

bool SyncEngine::sendSubmissions(QList<Item>& items, StreamReport& report, bool* timedOut)
{
    report.sent += int(items.size());
    if (items.size() == 1) {
        // A single item goes by PUT: idempotent by method and by key.
        const Item& item = items.first();
        const HubResponse r =
            exchange("PUT",
                     QStringLiteral("/v1/submissions/%1")
                         .arg(QString::fromLatin1(QUrl::toPercentEncoding(item.entry.itemId))),
                     json(item.body), {{"Idempotency-Key", '"' + item.entry.itemId.toUtf8() + '"'}});
        if (r.curlCode == CURLE_OK && (r.httpStatus == 200 || r.httpStatus == 201)) {
            if (auto o = protocol::parseObject(r.body)) {
                if (auto ir = protocol::parseItemResult(*o)) {
                    applyResult(item, *ir, report);
                    return true;
                }
            }
            return batchFailed(items, r, Outcome::Transient, false, report, timedOut);
        }
        if (r.curlCode == CURLE_OK && r.httpStatus != 0 && r.httpStatus != 401 && r.httpStatus != 403 &&
            (r.httpStatus == 409 || (r.httpStatus >= 400 && r.httpStatus < 500 && r.httpStatus != 408 &&
                                     r.httpStatus != 425 && r.httpStatus != 429))) {
            // An answer about this item: 409 in progress, 422 conflict, 400/404/413/415 invalid.
            protocol::ItemResult ir;
            ir.id = item.entry.itemId;
            ir.code = r.httpStatus;
            ir.status = r.httpStatus == 409   ? QStringLiteral("retry")
                        : r.httpStatus == 422 ? QStringLiteral("conflict")
                                              : QStringLiteral("rejected");
            if (auto o = protocol::parseObject(r.body))
                ir.error = o->value(QLatin1String("error")).toString();
            ir.retryAfterMs = parseRetryAfter(r.header("retry-after"), QDateTime::currentDateTimeUtc());
            applyResult(item, ir, report);
            return true;
        }
        return batchFailed(items, r, classify(r), true, report, timedOut);
    }
    return sendBatch(items, QStringLiteral("/v1/submissions:batch"), "submission_id", true, report, timedOut);
}

bool SyncEngine::sendRatings(QList<Item>& items, StreamReport& report, bool* timedOut)
{
    report.sent += int(items.size());
    return sendBatch(items, QStringLiteral("/v1/ratings:batch"), "rating_id", false, report, timedOut);
}

bool SyncEngine::sendBatch(QList<Item>& items, const QString& path, const char* idKey,
                           bool silenceIsUncertain, StreamReport& report, bool* timedOut)
{
    QJsonArray array;
    for (const Item& i : items)
        array.append(i.body);
    const HubResponse r = exchange("POST", path, json(QJsonObject{{QStringLiteral("items"), array}}));
    const auto results = r.curlCode == CURLE_OK && r.httpStatus == 200
                             ? protocol::parseBatchResults(r.body, idKey)
                             : std::nullopt;
    const Outcome outcome = classify(r, results.has_value());
    if (outcome != Outcome::Ok || !results)
        return batchFailed(items, r, outcome == Outcome::Ok ? Outcome::Transient : outcome,
                           results.has_value(), report, timedOut);
    QMap<QString, protocol::ItemResult> byId;
    for (const protocol::ItemResult& ir : *results)
        byId.insert(ir.id, ir);
    beginMarks();
    for (const Item& item : items) {
        protocol::ItemResult ir = byId.value(item.entry.itemId);
        if (ir.id.isEmpty()) {
            // The hub did not say: a submission may or may not be there (reconcile it later).
            if (silenceIsUncertain)
                m_uncertain.insert(item.entry.itemId);
            ir = {item.entry.itemId, QStringLiteral("retry"), 0, {}, {}, {}, QStringLiteral("no result"), {}};
        }
        applyResult(item, ir, report);
    }
    flushMarks();
    return true;
}

void SyncEngine::applyResult(const Item& item, const protocol::ItemResult& r, StreamReport& report)
{
    const QString& id = item.entry.itemId;
    const bool delivered = r.status == QLatin1String("accepted") || r.status == QLatin1String("duplicate");
    if (delivered && !r.fingerprint.isEmpty() && !item.fingerprint.isEmpty() &&
        r.fingerprint != item.fingerprint) {
        // The hub holds another payload under our ID: a bug somewhere; never re-key (§7.3).
        mark([id](StorageWorker& w) {
            w.outbox().markRejected(id, QStringLiteral("hub holds another payload"), 422);
        });
        ++report.rejected;
        raiseAlarm(QStringLiteral("submission %1: the hub holds a different payload (fingerprint mismatch)")
                       .arg(id));
        return;
    }
    if (delivered) {
        mark([id, caseNo = r.caseNo, promised = r.promisedDate](StorageWorker& w) {
            w.outbox().markAcked(id, caseNo, promised);
        });
        m_uncertain.remove(id);
        ++report.acked;
        return;
    }
    if (r.status == QLatin1String("conflict") || r.code == 422) {
        mark([id, why = QStringLiteral("fingerprint mismatch: %1").arg(r.error.left(100))](StorageWorker& w) {
            w.outbox().markRejected(id, why, 422);
        });
        ++report.rejected;
        raiseAlarm(
            QStringLiteral("item %1 was rejected by the hub: same ID, different payload (422)").arg(id));
        return;
    }
    if (r.status == QLatin1String("rejected")) {
        mark([id, why = QStringLiteral("rejected by the hub: %1").arg(r.error.left(100)),
              code = r.code ? r.code : 400](StorageWorker& w) { w.outbox().markRejected(id, why, code); });
        ++report.rejected;
        qCWarning(lcSync) << "item" << id << "rejected by the hub, code" << r.code;
        return;
    }
    // "retry", 409 and anything this build does not know: try again later.
    const qint64 delay = m_backoff.delayMs(item.entry.attempts, r.retryAfterMs);
    mark([id, at = QDateTime::currentMSecsSinceEpoch() + delay,
          why = QStringLiteral("hub: %1 %2").arg(r.status, r.error).left(200),
          code = r.code](StorageWorker& w) { w.outbox().markRetry(id, at, why, code); });
    ++report.retried;
}

bool SyncEngine::batchFailed(QList<Item>& items, const HubResponse& r, Outcome outcome, bool bodyUsable,
                             StreamReport& report, bool* timedOut)
{
    *timedOut = isTimeout(r);
    if (isAmbiguous(r, bodyUsable)) {
        for (const Item& i : items) {
            if (i.entry.kind != QLatin1String("rating"))
                m_uncertain.insert(i.entry.itemId);
        }
    }
    QString what = describe(r);
    if (outcome == Outcome::Permanent) {
        // The hub refused the whole request: a protocol mismatch, not the items' fault.
        raiseAlarm(QStringLiteral("hub refused an upload request: %1").arg(what));
    }
    if (r.curlCode == CURLE_OK && r.httpStatus >= 200 && r.httpStatus < 300 && !bodyUsable)
        what = QStringLiteral("HTTP %1 with a malformed body").arg(r.httpStatus);
    // The items go back to the queue, ready when the stream's backoff (monotonic) allows.
    storage([&](StorageWorker& w) {
        for (const Item& i : items)
            w.outbox().markRetry(i.entry.itemId, QDateTime::currentMSecsSinceEpoch(), what.left(200),
                                 r.httpStatus);
    });
    report.retried += int(items.size());
    fail(Stream::Outbox, r, outcome, report, what);
    return false;
}

// ------------------------------------------------------------------ licences

void SyncEngine::runLicenses(StreamReport& report)
{
    QString cursor;
    storage([&](StorageWorker& w) {
        auto c = w.cache().cursor();
        if (c)
            cursor = c.value();
    });
    if (cursor.isEmpty()) {
        if (fullReload(report))
            succeed(Stream::Licenses, m_settings.licensesIntervalMs, report);
        return;
    }
    for (int page = 0; page < kMaxPagesPerCycle; ++page) {
        const HubResponse r = exchange("GET", QStringLiteral("/v1/licenses/changes?cursor=%1&limit=%2")
                                                  .arg(QString::fromLatin1(QUrl::toPercentEncoding(cursor)))
                                                  .arg(m_settings.licensePageSize));
        if (r.curlCode == CURLE_OK && r.httpStatus == 410) {
            qCInfo(lcSync) << "licence cursor expired (410): full reload";
            storage([&](StorageWorker& w) { w.cache().clearCursor(); });
            if (fullReload(report))
                succeed(Stream::Licenses, m_settings.licensesIntervalMs, report);
            return;
        }
        QString parseError;
        const auto delta = r.curlCode == CURLE_OK && r.httpStatus == 200
                               ? protocol::parseDeltaPage(r.body, &parseError)
                               : std::nullopt;
        const Outcome outcome = classify(r, delta.has_value());
        if (outcome != Outcome::Ok || !delta) {
            fail(Stream::Licenses, r, outcome == Outcome::Ok ? Outcome::Transient : outcome, report,
                 parseError);
            return;
        }
        QString storeError;
        storage([&](StorageWorker& w) {
            auto applied = w.cache().applyPage(*delta);
            if (applied)
                report.applied += applied.value().applied;
            if (applied)
                recordRefusals(w, applied.value());
            else
                storeError = applied.error().toString();
        });
        if (!storeError.isEmpty()) {
            fail(Stream::Licenses, r, Outcome::Transient, report,
                 QStringLiteral("storage: %1").arg(storeError));
            return;
        }
        ++report.pages;
        if (!delta->hasMore)
            break;
        cursor = delta->nextCursor;
    }
    succeed(Stream::Licenses, m_settings.licensesIntervalMs, report);
}

void SyncEngine::recordRefusals(StorageWorker& w, const storage::ApplyOutcome& outcome)
{
    // A hub that sends what can never verify (unsigned, unknown key): refused at ingest, one
    // audit event per page, and the health check raises the alarm.
    if (outcome.refused > 0)
        w.recordLicenceRefusal(
            QStringLiteral("ingest"), QStringLiteral("-"), {},
            QStringLiteral("%1 (%2 in a page)").arg(outcome.refusedReason).arg(outcome.refused));
}

bool SyncEngine::fullReload(StreamReport& report)
{
    report.fullReload = true;
    KeyStore keys;
    trust::PublicKey root;
    QString newPath;
    std::optional<storage::CatalogBlob> catalog;
    storage([&](StorageWorker& w) {
        keys = w.keys();
        root = w.cache().trustRoot();
        newPath = w.config().cacheNewPath();
        auto c = w.cache().catalog();
        if (c)
            catalog = c.value();
    });
    // Built on this thread; the storage thread keeps answering lookups from the old file.
    auto builder = storage::CacheBuilder::start(newPath, keys, root);
    if (!builder) {
        fail(Stream::Licenses, {}, Outcome::Transient, report,
             QStringLiteral("cache.new.db: %1").arg(builder.error().toString()));
        return false;
    }
    if (catalog)
        builder.value()->storeCatalog(*catalog);
    QString cursor;
    for (int page = 0; page < kMaxReloadPages; ++page) {
        const HubResponse r = exchange("GET", QStringLiteral("/v1/licenses/changes?cursor=%1&limit=%2")
                                                  .arg(QString::fromLatin1(QUrl::toPercentEncoding(cursor)))
                                                  .arg(m_settings.licensePageSize));
        QString parseError;
        const auto delta = r.curlCode == CURLE_OK && r.httpStatus == 200
                               ? protocol::parseDeltaPage(r.body, &parseError)
                               : std::nullopt;
        const Outcome outcome = classify(r, delta.has_value());
        if (outcome != Outcome::Ok || !delta) {
            fail(Stream::Licenses, r, outcome == Outcome::Ok ? Outcome::Transient : outcome, report,
                 parseError);
            return false; // the builder's destructor deletes the unfinished file
        }
        auto applied = builder.value()->applyPage(*delta);
        progress();
        if (!applied) {
            fail(Stream::Licenses, r, Outcome::Transient, report,
                 QStringLiteral("cache.new.db: %1").arg(applied.error().toString()));
            return false;
        }
        report.applied += applied.value().applied;
        if (applied.value().refused > 0)
            storage([&](StorageWorker& w) { recordRefusals(w, applied.value()); });
        ++report.pages;
        if (!delta->hasMore)
            break;
        cursor = delta->nextCursor;
    }
    if (auto finished = builder.value()->finish(); !finished) {
        fail(Stream::Licenses, {}, Outcome::Transient, report,
             QStringLiteral("cache.new.db: %1").arg(finished.error().toString()));
        return false;
    }
    QString swapError;
    storage([&](StorageWorker& w) {
        if (auto s = w.swapInCache(); !s)
            swapError = s.error().toString();
    });
    if (!swapError.isEmpty()) {
        fail(Stream::Licenses, {}, Outcome::Transient, report, QStringLiteral("swap: %1").arg(swapError));
        return false;
    }
    qCInfo(lcSync) << "licence cache reloaded:" << report.applied << "licences in" << report.pages << "pages";
    return true;
}

// ------------------------------------------------------------------ catalogue

void SyncEngine::runCatalog(StreamReport& report)
{
    QString etag;
    storage([&](StorageWorker& w) {
        auto c = w.cache().catalog();
        if (c)
            etag = c.value().etag;
    });
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!etag.isEmpty())
        headers.append({"If-None-Match", etag.toUtf8()});
    const HubResponse r = exchange("GET", QStringLiteral("/v1/catalog"), {}, headers);
    if (r.curlCode == CURLE_OK && r.httpStatus == 304) {
        report.notModified = true;
        succeed(Stream::Catalog, m_settings.catalogIntervalMs, report);
        return;
    }
    const auto o =
        r.curlCode == CURLE_OK && r.httpStatus == 200 ? protocol::parseObject(r.body) : std::nullopt;
    const Outcome outcome = classify(r, o.has_value());
    if (outcome != Outcome::Ok || !o) {
        fail(Stream::Catalog, r, outcome == Outcome::Ok ? Outcome::Transient : outcome, report, {});
        return;
    }
    storage::CatalogBlob blob;
    blob.version = o->value(QLatin1String("version")).toString();
    blob.etag = protocol::etagFromHeader(r.header("etag"));
    blob.body = r.body;
    blob.fetchedAt = QDateTime::currentDateTimeUtc();
    QString storeError;
    storage([&](StorageWorker& w) {
        if (auto s = w.cache().storeCatalog(blob); !s) {
            storeError = s.error().toString();
            // Issuer keys that do not verify under the root: the catalogue is refused.
            if (s.error().kind == storage::StorageError::Kind::InvalidInput)
                w.recordLicenceRefusal(QStringLiteral("catalog"), QStringLiteral("issuer_keys"), {},
                                       s.error().message);
        }
    });
    if (!storeError.isEmpty()) {
        fail(Stream::Catalog, r, Outcome::Transient, report, QStringLiteral("storage: %1").arg(storeError));
        return;
    }
    succeed(Stream::Catalog, m_settings.catalogIntervalMs, report);
}

} // namespace onewindow::sync
