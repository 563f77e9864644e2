#pragma once

#include "app/storage/DatabaseOpener.h"
#include "app/storage/LicenseCache.h"

namespace onewindow::storage {

// A full reload (DESIGN.md §6, offline-sync.md §7.5 snapshot): a fresh cache.new.db is built
// page by page on the caller's thread (the sync thread) while the storage thread keeps
// answering lookups from the old cache.db; swapIn() then replaces the old file atomically.
class CacheBuilder
{
public:
    // Removes a stale cache.new.db left by an interrupted build and creates an empty one.
    // `root` is the licence root key (ingest refuses what cannot verify under it, as live).
    static Result<std::unique_ptr<CacheBuilder>> start(const QString& newPath, const KeyStore& keys,
                                                       const trust::PublicKey& root = {});
    ~CacheBuilder(); // an unfinished build is deleted

    Result<ApplyOutcome> applyPage(const DeltaPage& page);
    Status storeCatalog(const CatalogBlob& catalog);
    // Checks the file, switches it to WAL, closes it and flushes it to disk. After this the
    // file is ready for swapIn(). `expectedLicenses` < 0 skips the count check.
    Status finish(qint64 expectedLicenses = -1);
    QString path() const { return m_path; }

private:
    CacheBuilder() = default;
    QString m_path;
    std::unique_ptr<SqliteDb> m_db;
    std::unique_ptr<LicenseCache> m_cache;
    bool m_finished = false;
};

// Replaces `livePath` by the finished `newPath`: checkpoints and closes the live connection,
// rename()s (atomic on one file system), syncs the directory and reopens. `live` is the
// storage thread's connection; it is reset and reopened here.
Status swapInCache(std::unique_ptr<SqliteDb>& live, const QString& livePath, const QString& newPath,
                   OpenReport* report);

} // namespace onewindow::storage
