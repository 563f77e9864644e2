#pragma once

#include "app/storage/SqliteDb.h"

#include <QList>

namespace onewindow::storage {

// One numbered schema step. Step N brings the file from user_version N-1 to N.
struct Migration
{
    int version;
    const char* sql;
};

// Applies numbered migrations, each in its own IMMEDIATE transaction together with the new
// PRAGMA user_version, so a crash mid-way leaves the previous version intact and the next
// start resumes. A file whose user_version is above the newest known step was written by a
// newer build: it is refused, untouched, with a message saying so.
class Migrator
{
public:
    static Status apply(SqliteDb& db, const QString& fileLabel, const QList<Migration>& steps);
    static int latestVersion(const QList<Migration>& steps);
    static QString newerSchemaMessage(const QString& fileLabel, int found, int known);
};

} // namespace onewindow::storage
