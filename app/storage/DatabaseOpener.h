#pragma once

#include "app/storage/Migrations.h"
#include "app/storage/SqliteDb.h"

#include <QByteArrayList>
#include <QMetaType>
#include <QStringList>

namespace onewindow::storage {

// How a file is opened and what happens when it is damaged (DESIGN.md §6, issue 4 item 1).
struct DatabaseSpec
{
    enum class OnCorruption
    {
        Rebuild, // cache.db: re-downloadable, deleted and recreated empty (full resync)
        Salvage, // outbox.db, audit.db: moved aside, readable rows copied, loud alarm
    };

    QString label; // "outbox.db"
    QString path;
    QList<Migration> migrations;
    QByteArrayList pragmas; // run on every open, after the schema-version check
    OnCorruption onCorruption = OnCorruption::Salvage;
};

// What opening did, for the health page, the alarm and the tests.
struct OpenReport
{
    QString label;
    bool created = false;
    bool rebuilt = false;  // corrupt cache recreated
    bool salvaged = false; // corrupt file moved aside and rows copied
    QString asidePath;     // where the damaged file now is (kept for forensics, never deleted)
    qint64 salvagedRows = 0;
    qint64 salvageReadErrors = 0;
    QString alarm; // non-empty: a technician must look at this (also logged at critical level)
    int schemaVersion = 0;
};

class DatabaseOpener
{
public:
    static Result<std::unique_ptr<SqliteDb>> open(const DatabaseSpec& spec, OpenReport* report);

    // The pragma sets of DESIGN.md §6 / offline-sync.md §7.1.
    static DatabaseSpec outboxSpec(const QString& path);
    static DatabaseSpec cacheSpec(const QString& path);
    static DatabaseSpec auditSpec(const QString& path);

    // "ok" or the problems PRAGMA quick_check lists (an error counts as a problem).
    static QString quickCheck(SqliteDb& db);
    // Removes a database file and its -wal/-shm/-journal companions.
    static void removeFiles(const QString& path);
};

} // namespace onewindow::storage

Q_DECLARE_METATYPE(onewindow::storage::OpenReport)
