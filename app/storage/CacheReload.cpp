#include "app/storage/CacheReload.h"

#include "app/platform/PosixIo.h"
#include "app/storage/Schemas.h"

#include <QFile>
#include <QFileInfo>
#include <cstdio>

namespace onewindow::storage {

Result<std::unique_ptr<CacheBuilder>> CacheBuilder::start(const QString& newPath, const KeyStore& keys,
                                                          const trust::PublicKey& root)
{
    DatabaseOpener::removeFiles(newPath);
    auto db = SqliteDb::open(newPath, SqliteDb::Mode::ReadWriteCreate);
    if (!db.ok())
        return fail(db.error());
    // A throw-away file until finish(): no journal file, no fsync per page; a crash or a
    // full disk only costs this build (the old cache stays in service). The 256 MB page
    // cache holds the randomly filled indexes of 1 M licences (~110 MB) for the length of
    // the build only: it is freed when finish() closes the connection.
    for (const char* pragma :
         {"PRAGMA journal_mode = MEMORY", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -262144"}) {
        Statement st(*db.value(), pragma);
        st.run();
    }
    if (Status s = Migrator::apply(*db.value(), QStringLiteral("cache.new.db"), cacheMigrations()); !s.ok())
        return fail(s.error());
    std::unique_ptr<CacheBuilder> b(new CacheBuilder);
    b->m_path = newPath;
    b->m_db = std::move(db).value();
    b->m_cache = std::make_unique<LicenseCache>(*b->m_db, keys);
    b->m_cache->setTrustRoot(root);
    return b;
}

CacheBuilder::~CacheBuilder()
{
    m_cache.reset();
    m_db.reset();
    if (!m_finished)
        DatabaseOpener::removeFiles(m_path);
}

Result<ApplyOutcome> CacheBuilder::applyPage(const DeltaPage& page)
{
    return m_cache->applyPage(page);
}

Status CacheBuilder::storeCatalog(const CatalogBlob& catalog)
{
    return m_cache->storeCatalog(catalog);
}

Status CacheBuilder::finish(qint64 expectedLicenses)
{
    if (expectedLicenses >= 0) {
        auto stats = m_cache->stats();
        if (!stats.ok())
            return fail(stats.error());
        if (stats->licenses != expectedLicenses)
            return fail(StorageError::Kind::InvalidInput,
                        QStringLiteral("full reload has %1 licences, the hub announced %2: not swapped in")
                            .arg(stats->licenses)
                            .arg(expectedLicenses));
    }
    const QString check = DatabaseOpener::quickCheck(*m_db);
    if (check != QLatin1String("ok"))
        return fail(StorageError::Kind::Corrupt,
                    QStringLiteral("cache.new.db failed quick_check: %1").arg(check));
    auto mode = m_db->queryText("PRAGMA journal_mode = WAL");
    if (!mode.ok())
        return fail(mode.error());
    m_db->exec("PRAGMA optimize");
    m_cache.reset();
    m_db.reset(); // last connection: SQLite checkpoints and removes the -wal
    if (!fsyncPath(m_path, false))
        return fail(StorageError::Kind::Io, QStringLiteral("cannot flush %1 to disk").arg(m_path));
    m_finished = true;
    return Ok{};
}

Status swapInCache(std::unique_ptr<SqliteDb>& live, const QString& livePath, const QString& newPath,
                   OpenReport* report)
{
    if (!QFileInfo::exists(newPath))
        return fail(StorageError::Kind::NotFound, QStringLiteral("no finished cache.new.db to swap in"));
    if (live) {
        // Empty the WAL into the old file so no frame of it can be read against the new one.
        live->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        live.reset();
    }
    QFile::remove(livePath + QStringLiteral("-wal"));
    QFile::remove(livePath + QStringLiteral("-shm"));
    if (std::rename(QFile::encodeName(newPath).constData(), QFile::encodeName(livePath).constData()) != 0)
        return fail(StorageError::Kind::Io,
                    QStringLiteral("cannot rename %1 over %2").arg(newPath, livePath));
    fsyncPath(QFileInfo(livePath).absolutePath(), true);
    auto reopened = DatabaseOpener::open(DatabaseOpener::cacheSpec(livePath), report);
    if (!reopened.ok())
        return fail(reopened.error());
    live = std::move(reopened).value();
    return Ok{};
}

} // namespace onewindow::storage
