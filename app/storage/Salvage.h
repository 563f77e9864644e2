#pragma once

#include "app/storage/SqliteDb.h"

#include <QStringList>

namespace onewindow::storage {

// Copies every row that can still be read from a damaged database file into a fresh one with
// the same schema (SQLite 3.40's recover API is not in Debian's libsqlite3, so this walks each
// table by rowid and jumps over the parts that fail). Rows keep their columns exactly, so
// ciphertexts, MACs and idempotency keys survive.
class Salvager
{
public:
    struct Outcome
    {
        qint64 rowsCopied = 0;
        qint64 readErrors = 0;
        QStringList notes; // per table: "outbox_item: 120 rows, 2 read errors"
    };

    static Outcome copyReadableRows(const QString& damagedPath, SqliteDb& into);
};

} // namespace onewindow::storage
