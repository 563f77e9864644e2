#include "app/storage/StorageWorker.h"

#include "app/platform/PosixIo.h"
#include "app/platform/StatePaths.h"
#include "app/storage/CacheReload.h"
#include "app/storage/StorageLog.h"

namespace onewindow::storage {

StorageWorker::StorageWorker(StorageConfig config, QObject* parent)
    : QObject(parent), m_config(std::move(config))
{}

StorageWorker::~StorageWorker()
{
    m_outbox.reset();
    m_audit.reset();
    m_cache.reset();
}

Result<StorageHealth> StorageWorker::open()
{
    StorageHealth health;
    const QString dirError = StatePaths::ensure(m_config.stateDir);
    if (!dirError.isEmpty())
        return fail(StorageError::Kind::Io, dirError);
    // Before any file is touched: recovery below is only right for the outbox's one owner.
    const auto wait = m_config.waitForOwnerLock ? OutboxOwnerLock::Wait::Yes : OutboxOwnerLock::Wait::No;
    bool busy = false;
    if (const QString lockError = m_ownerLock.acquire(m_config.stateDir, wait, &busy); !lockError.isEmpty())
        return fail(busy ? StorageError::Kind::Busy : StorageError::Kind::Io, lockError);
    auto keys = KeyStore::open(m_config.keyPath(), m_config.createKeys);
    if (!keys.ok())
        return fail(StorageError::Kind::Io, keys.error());
    m_keys = keys.value();

    struct Target
    {
        DatabaseSpec spec;
        std::unique_ptr<SqliteDb>* db;
    };
    Target targets[] = {
        {DatabaseOpener::outboxSpec(m_config.outboxPath()), &m_outboxDb},
        {DatabaseOpener::auditSpec(m_config.auditPath()), &m_auditDb},
        {DatabaseOpener::cacheSpec(m_config.cachePath()), &m_cacheDb},
    };
    for (Target& t : targets) {
        OpenReport report;
        auto db = DatabaseOpener::open(t.spec, &report);
        if (!db.ok())
            return fail(db.error());
        *t.db = std::move(db).value();
        if (!report.alarm.isEmpty())
            health.alarms.append(report.alarm);
        health.files.append(report);
    }
    m_outbox = std::make_unique<OutboxStore>(*m_outboxDb, m_keys);
    m_outbox->setRetentionMs(m_config.retentionMs);
    m_audit = std::make_unique<AuditLog>(*m_auditDb, m_keys);
    m_cache = std::make_unique<LicenseCache>(*m_cacheDb, m_keys);
    // Licence trust: the root from kiosk.conf. Without one the kiosk still runs, but no
    // licence fills a form, and the health check says why.
    auto root = trust::PublicKey::fromConfigValue(m_config.licenseRootKey);
    if (root.ok())
        m_licenceRoot = root.value();
    else
        m_licenceRootProblem = root.error();
    m_cache->setTrustRoot(m_licenceRoot);

    auto recovered = m_outbox->recoverAfterRestart();
    if (!recovered.ok())
        return fail(recovered.error());
    health.sendingRecovered = recovered.value();
    if (health.sendingRecovered > 0)
        qCInfo(lcStorage, "%d outbox items were being sent at shutdown; they will be resent",
               health.sendingRecovered);
    for (const OpenReport& report : health.files) {
        if (report.alarm.isEmpty())
            continue;
        AuditEvent e;
        e.kind = AuditEvent::Kind::StorageAlarm;
        e.actor = QStringLiteral("system");
        e.objectRef = report.label;
        e.result = report.salvaged ? QStringLiteral("salvaged") : QStringLiteral("rebuilt");
        e.detail =
            QStringLiteral("%1 rows recovered, moved to %2").arg(report.salvagedRows).arg(report.asidePath);
        m_audit->append(e);
    }
    return health;
}

Status StorageWorker::swapInCache(OpenReport* report)
{
    m_cache.reset();
    Status s = storage::swapInCache(m_cacheDb, m_config.cachePath(), m_config.cacheNewPath(), report);
    if (!m_cacheDb) {
        // The rename failed after the old connection closed: reopen whatever cache.db is there.
        auto db = DatabaseOpener::open(DatabaseOpener::cacheSpec(m_config.cachePath()), report);
        if (db.ok())
            m_cacheDb = std::move(db).value();
    }
    if (m_cacheDb) {
        m_cache = std::make_unique<LicenseCache>(*m_cacheDb, m_keys);
        m_cache->setTrustRoot(m_licenceRoot);
    }
    return s;
}

Result<int> StorageWorker::rotateKeysOnly()
{
    auto version = m_keys.rotate();
    if (!version.ok())
        return fail(StorageError::Kind::Io, version.error());
    m_outbox->setKeys(m_keys);
    m_cache->setKeys(m_keys);
    return version.value();
}

Result<int> StorageWorker::reencryptBatch(int batch)
{
    auto moved = m_outbox->reencrypt(batch);
    if (!moved.ok() || moved.value() > 0)
        return moved;
    return m_cache->reencrypt(batch);
}

Result<int> StorageWorker::rotateKeys(int batch)
{
    auto version = rotateKeysOnly();
    if (!version.ok())
        return version;
    for (;;) {
        auto moved = reencryptBatch(batch);
        if (!moved.ok())
            return fail(moved.error());
        if (moved.value() == 0)
            break;
    }
    return version.value();
}

namespace {

// Rewrites the header's user_version with the value it already has, inside BEGIN IMMEDIATE.
// SQLite still dirties page 1 and commits it (a WAL frame, fsynced), so this fails exactly
// where a real write fails: disk full (SQLITE_FULL), read-only file system or file, I/O
// error, a lock held elsewhere. Readers see no change, and it needs no table of its own.
QString probeOne(SqliteDb* db)
{
    if (!db)
        return QStringLiteral("database not open");
    Transaction tx(*db);
    if (!tx.begun().ok())
        return tx.begun().error().toString();
    const auto version = db->queryInt("PRAGMA user_version");
    if (!version.ok())
        return version.error().toString();
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version.value());
    if (const Status written = db->exec(sql.constData()); !written.ok())
        return written.error().toString();
    if (const Status committed = tx.commit(); !committed.ok())
        return committed.error().toString();
    return {};
}

} // namespace

WriteProbe StorageWorker::probeWritable()
{
    WriteProbe probe;
    probe.databases = {{QStringLiteral("outbox"), probeOne(m_outboxDb.get())},
                       {QStringLiteral("audit"), probeOne(m_auditDb.get())},
                       {QStringLiteral("cache"), probeOne(m_cacheDb.get())}};
    probe.freeBytes = diskSpaceAt(m_config.stateDir).availableBytes;
    probe.licenceTrustProblem = !m_licenceRootProblem.isEmpty() ? m_licenceRootProblem
                                : m_cache                       ? m_cache->trustProblem()
                                                                : QString();
    probe.licencesRefused = m_licencesRefused;
    probe.lastLicenceRefusal = m_lastLicenceRefusal;
    return probe;
}

void StorageWorker::recordLicenceRefusal(const QString& stage, const QString& licenseRef,
                                         const QString& typeCode, const QString& reason)
{
    ++m_licencesRefused;
    m_lastLicenceRefusal = QStringLiteral("%1 at %2").arg(reason, stage);
    qCCritical(lcStorage, "ALARM: a licence was refused at %s: %s", qPrintable(stage), qPrintable(reason));
    if (!m_audit)
        return;
    AuditEvent e;
    e.kind = AuditEvent::Kind::LicenseRefused;
    e.actor = QStringLiteral("system");
    e.objectRef = licenseRef.isEmpty() ? QStringLiteral("-") : licenseRef;
    e.purpose = stage;
    e.result = QStringLiteral("refused");
    e.detail = QStringLiteral("%1 %2").arg(reason, typeCode.isEmpty() ? QStringLiteral("-") : typeCode);
    m_audit->append(e);
}

} // namespace onewindow::storage
