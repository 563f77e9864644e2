#pragma once

#include "app/storage/Migrations.h"

#include <QList>
#include <QString>

namespace onewindow::diagnostics {

// One of the kiosk's databases looked at from outside: opened read-only (never created,
// migrated or written), schema version compared with the code's, PRAGMA quick_check run.
// Shared by `onewindow-tool selftest` and the diagnostics report.
struct DatabaseCheck
{
    enum class Status
    {
        Ok,
        Warn, // missing (the kiosk creates it on first start) or an older schema
        Fail,
    };
    QString label; // "outbox.db"
    QString path;
    Status status = Status::Ok;
    QString detail;
    bool exists = false;
    qint64 sizeBytes = 0; // the file plus its -wal
    int schemaVersion = -1;
    QString quickCheck; // "ok", the first problem, or empty when it did not run

    static DatabaseCheck run(const QString& label, const QString& path,
                             const QList<storage::Migration>& migrations);
    static QString statusName(Status s);
};

} // namespace onewindow::diagnostics
