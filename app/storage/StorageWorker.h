#pragma once

#include "app/platform/KeyStore.h"
#include "app/storage/AuditLog.h"
#include "app/storage/DatabaseOpener.h"
#include "app/storage/LicenseCache.h"
#include "app/storage/OutboxOwnerLock.h"
#include "app/storage/OutboxStore.h"
#include "app/storage/StorageConfig.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <memory>

namespace onewindow::storage {

// What start-up found, for the admin health page and alarms.
struct StorageHealth
{
    QList<OpenReport> files;
    int sendingRecovered = 0; // SENDING → RETRY_WAIT at start-up
    QStringList alarms;
    bool ok() const { return alarms.isEmpty(); }
};

// One round of the health write probe (app/health): per database ("outbox", "audit", "cache")
// an empty string when a real write committed, else why not (no personal data); and the free
// space of the state directory's file system.
struct WriteProbe
{
    QList<QPair<QString, QString>> databases;
    qint64 freeBytes = -1; // -1 when the file system cannot be asked
    // Licence trust: why licences cannot be verified at all (empty when they can), and the
    // licences refused since start (at ingest or at use) with the last reason.
    QString licenceTrustProblem;
    int licencesRefused = 0;
    QString lastLicenceRefusal;
};

// Owns the three writer connections and the stores on them. Lives on the storage thread
// (StorageService) or, in onewindow-tool and tests, on the caller's thread: it has no thread
// affinity of its own, only the rule that one thread uses it.
class StorageWorker : public QObject
{
    Q_OBJECT

public:
    explicit StorageWorker(StorageConfig config, QObject* parent = nullptr);
    ~StorageWorker() override;

    // Keys, then outbox.db, audit.db, cache.db (quick_check, migrations, rebuild/salvage),
    // then SENDING → RETRY_WAIT. Alarms are also written to the audit log.
    Result<StorageHealth> open();
    bool isOpen() const { return m_outbox != nullptr; }

    const StorageConfig& config() const { return m_config; }
    const KeyStore& keys() const { return m_keys; }
    OutboxStore& outbox() { return *m_outbox; }
    AuditLog& audit() { return *m_audit; }
    LicenseCache& cache() { return *m_cache; }

    // Swaps a finished CacheBuilder file in; lookups before and after see a complete cache.
    Status swapInCache(OpenReport* report = nullptr);
    // New data key version, then re-encrypts the outbox and the cache in batches of `batch`
    // (all at once: for the tool and tests; StorageService interleaves batches with work).
    Result<int> rotateKeys(int batch = 500);
    Result<int> rotateKeysOnly();
    // One batch of the re-encrypt job (outbox first, then cache); 0 when nothing is left.
    Result<int> reencryptBatch(int batch);
    // A real write per database and the free space (the health monitor, every few seconds).
    WriteProbe probeWritable();
    // A licence refused (never used), at "ingest" or at "use": one audit event and a count for
    // the health check's alarm. `licenseRef` is a keyed row reference or "-" (no personal data).
    void recordLicenceRefusal(const QString& stage, const QString& licenseRef, const QString& typeCode,
                              const QString& reason);

private:
    StorageConfig m_config;
    OutboxOwnerLock m_ownerLock; // held from open() to destruction: this process owns the outbox
    KeyStore m_keys;
    std::unique_ptr<SqliteDb> m_outboxDb;
    std::unique_ptr<SqliteDb> m_cacheDb;
    std::unique_ptr<SqliteDb> m_auditDb;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<LicenseCache> m_cache;
    trust::PublicKey m_licenceRoot;
    QString m_licenceRootProblem;
    int m_licencesRefused = 0;
    QString m_lastLicenceRefusal;
};

} // namespace onewindow::storage

Q_DECLARE_METATYPE(onewindow::storage::StorageHealth)
Q_DECLARE_METATYPE(onewindow::storage::WriteProbe)
