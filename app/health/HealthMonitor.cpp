#include "app/health/HealthMonitor.h"

#include "app/storage/StorageService.h"
#include "drivers/reader/ReaderManager.h"

#include <QFutureWatcher>
#include <QLoggingCategory>

namespace onewindow::health {

Q_LOGGING_CATEGORY(lcHealth, "onewindow.health")

namespace {

// The database labels of StorageWorker::probeWritable() and the check names of the report,
// in report order.
const std::pair<const char*, const char*> kDatabases[] = {
    {"outbox", "outbox_db"},
    {"cache", "cache_db"},
    {"audit", "audit_db"},
};

} // namespace

HealthMonitor::HealthMonitor(HealthSettings settings, QObject* parent) : QObject(parent), m_settings(settings)
{
    qRegisterMetaType<sync::SyncStatus>();
    qRegisterMetaType<HealthReport>();
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::probeNow);
    m_report.complete = false;
}

HealthMonitor::~HealthMonitor() = default;

void HealthMonitor::setReaderManager(ReaderManager* readers)
{
    if (m_readers)
        m_readers->disconnect(this);
    m_readers = readers;
    {
        QMutexLocker lock(&m_mutex);
        m_readersKnown = readers == nullptr; // with no reader manager, the empty list is the truth
    }
    if (readers)
        connect(readers, &ReaderManager::readersChanged, this, &HealthMonitor::updateReaders);
    updateReaders();
}

void HealthMonitor::setStorage(storage::StorageService* storage)
{
    m_storage = storage;
}

void HealthMonitor::setSyncConfigured(bool configured)
{
    m_syncConfigured = configured;
    rebuild();
}

void HealthMonitor::start()
{
    m_timer.start(int(m_settings.intervalMs));
    probeNow();
}

void HealthMonitor::stop()
{
    m_timer.stop();
}

void HealthMonitor::probeNow()
{
    probeReaderThread();
    probeStorage();
    rebuild();
}

void HealthMonitor::probeReaderThread()
{
    if (!m_readers)
        return;
    if (!m_readers->isRunning()) {
        m_readerOutstanding = 0;
        m_readerState = ReaderThreadState::NotRunning;
        return;
    }
    // One probe at a time: a stuck thread must not pile up one queued call per round. The
    // outstanding one answers as soon as the thread is free again (the check recovers then).
    if (m_readerOutstanding != 0)
        return;
    const quint64 probe = m_nextProbe++;
    m_readerOutstanding = probe;
    m_readers->probeWorker(this, [this, probe] {
        if (m_readerOutstanding != probe)
            return;
        m_readerOutstanding = 0;
        m_readerState = ReaderThreadState::Answering;
        // The answer is queued behind the backends' start, so the reader list is known now.
        {
            QMutexLocker lock(&m_mutex);
            m_readersKnown = true;
        }
        rebuild();
    });
    QTimer::singleShot(int(m_settings.probeTimeoutMs), this, [this, probe] {
        if (m_readerOutstanding != probe)
            return;
        if (m_readerState != ReaderThreadState::NotAnswering)
            qCWarning(lcHealth) << "reader thread did not answer within" << m_settings.probeTimeoutMs << "ms";
        m_readerState = ReaderThreadState::NotAnswering;
        rebuild();
    });
}

void HealthMonitor::probeStorage()
{
    if (!m_storage || m_storageOutstanding != 0)
        return;
    const quint64 probe = m_nextProbe++;
    m_storageOutstanding = probe;
    // The write and the free-space figure run on the storage thread: both touch the disk.
    auto* watcher = new QFutureWatcher<storage::WriteProbe>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, probe] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            onStorageAnswer(probe, watcher->future().result());
    });
    watcher->setFuture(m_storage->post([](storage::StorageWorker& w) { return w.probeWritable(); }));
    QTimer::singleShot(int(m_settings.probeTimeoutMs), this, [this, probe] {
        if (m_storageOutstanding != probe)
            return;
        if (!m_storageTimedOut)
            qCWarning(lcHealth) << "storage thread did not answer within" << m_settings.probeTimeoutMs
                                << "ms";
        m_storageTimedOut = true;
        rebuild();
    });
}

void HealthMonitor::onStorageAnswer(quint64 probe, const storage::WriteProbe& result)
{
    if (m_storageOutstanding != probe)
        return;
    m_storageOutstanding = 0;
    m_storageTimedOut = false;
    for (const auto& [label, error] : result.databases) {
        // Once per new error, not every round while it lasts.
        const bool known = m_databases && m_databases->contains(qMakePair(label, error));
        if (!error.isEmpty() && !known)
            qCWarning(lcHealth, "write probe failed on %s: %s", qPrintable(label), qPrintable(error));
    }
    m_databases = result.databases;
    m_freeBytes = result.freeBytes;
    m_licenceTrust =
        LicenceTrust{result.licenceTrustProblem, result.licencesRefused, result.lastLicenceRefusal};
    rebuild();
}

void HealthMonitor::onSyncStatus(const sync::SyncStatus& status)
{
    m_sync = status;
    rebuild();
}

void HealthMonitor::updateReaders()
{
    QJsonArray list;
    if (m_readers) {
        for (const ReaderInfo& r : m_readers->readers())
            list.append(QJsonObject{
                {QStringLiteral("name"), r.name},
                {QStringLiteral("backend"), r.backend},
                {QStringLiteral("status"), QString::fromLatin1(ReaderInfo::statusKey(r.status))}});
    }
    QMutexLocker lock(&m_mutex);
    m_readersJson = list;
}

void HealthMonitor::rebuild()
{
    QList<HealthCheck> checks;
    bool complete = true;
    auto pending = [&complete](const QString& name) {
        complete = false;
        HealthCheck c;
        c.name = name;
        c.status = HealthStatus::Warn;
        c.detail = QStringLiteral("not probed yet");
        return c;
    };
    if (m_readers)
        checks << (m_readerState ? readerThreadCheck(*m_readerState, m_settings.probeTimeoutMs)
                                 : pending(QStringLiteral("reader_thread")));
    if (m_storage) {
        for (const auto& [label, name] : kDatabases) {
            const QString checkName = QString::fromLatin1(name);
            if (m_storageTimedOut) {
                checks << databaseTimeoutCheck(checkName, m_settings.probeTimeoutMs);
                continue;
            }
            if (!m_databases) {
                checks << pending(checkName);
                continue;
            }
            QString error = QStringLiteral("not probed");
            for (const auto& [l, e] : *m_databases) {
                if (l == QLatin1String(label))
                    error = e;
            }
            checks << databaseCheck(checkName, error);
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    checks << syncCheck(m_syncConfigured, m_sync, now, m_settings);
    if (m_storage)
        checks << (m_databases ? diskCheck(m_freeBytes, m_settings) : pending(QStringLiteral("disk")));
    if (m_storage && m_licenceTrust)
        checks << licenceTrustCheck(m_licenceTrust->problem, m_licenceTrust->refused,
                                    m_licenceTrust->lastRefusal);

    HealthReport next;
    next.checks = HealthReport::carrySince(m_report, checks, now);
    next.at = now;
    next.complete = complete;
    const bool same = next.checks == m_report.checks && next.complete == m_report.complete;
    if (next.healthy() != m_report.healthy() && complete) {
        if (next.healthy())
            qCInfo(lcHealth) << "healthy";
        else
            qCWarning(lcHealth, "unhealthy: %s", qPrintable(next.failedChecks().join(QStringLiteral(", "))));
    }
    m_report = next;
    {
        QMutexLocker lock(&m_mutex);
        m_snapshot = m_report.toJson();
    }
    if (!same)
        Q_EMIT changed();
}

QVariantList HealthMonitor::checks() const
{
    QVariantList list;
    for (const HealthCheck& c : m_report.checks)
        list.append(QVariantMap{{QStringLiteral("name"), c.name},
                                {QStringLiteral("status"), QString::fromLatin1(healthStatusKey(c.status))},
                                {QStringLiteral("detail"), c.detail},
                                {QStringLiteral("since"), c.since}});
    return list;
}

QJsonObject HealthMonitor::snapshotJson() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

QJsonArray HealthMonitor::readersJson() const
{
    QMutexLocker lock(&m_mutex);
    return m_readersJson;
}

std::function<QJsonObject()> HealthMonitor::heartbeatProvider() const
{
    return [this] {
        QMutexLocker lock(&m_mutex);
        return QJsonObject{
            {QStringLiteral("health"), m_snapshot},
            {QStringLiteral("readers"), m_readersKnown ? QJsonValue(m_readersJson) : QJsonValue()}};
    };
}

} // namespace onewindow::health
