#pragma once

#include "drivers/idcard/Expected.h"

#include <QMetaType>
#include <QString>

namespace onewindow::storage {

// Every storage failure is one of these (errors are values, DESIGN.md §2). `message` is for
// technicians and logs: it never holds personal data.
struct StorageError
{
    enum class Kind
    {
        Sqlite,            // an SQLite call failed; sqliteCode says which (SQLITE_FULL = disk full)
        Corrupt,           // quick_check failed or SQLITE_CORRUPT/NOTADB
        NewerSchema,       // the file was written by a newer build: refused, never touched
        Crypto,            // a ciphertext failed authentication (tampered, wrong key)
        NotFound,          // no such row
        InvalidTransition, // an outbox state change not in the table
        Conflict,          // same idempotency key, different payload
        InvalidInput,      // bad argument from the caller
        Io,                // file system trouble outside SQLite (rename, key file)
        Paused,            // the queue is paused (PAUSED_AUTH)
        Busy,              // another process owns the outbox (OutboxOwnerLock)
    };

    Kind kind = Kind::Sqlite;
    int sqliteCode = 0; // extended result code when kind == Sqlite/Corrupt
    QString message;

    bool isDiskFull() const;
    QString toString() const;
    static const char* kindName(Kind k);
};

struct Ok
{};

template <typename T> using Result = Expected<T, StorageError>;
using Status = Expected<Ok, StorageError>;

// `return fail(error);` works for any Result<T>.
struct Failure
{
    StorageError error;
    template <typename T> operator Expected<T, StorageError>() const
    {
        return Expected<T, StorageError>::failure(error);
    }
};

inline Failure fail(StorageError::Kind kind, const QString& message, int sqliteCode = 0)
{
    return Failure{StorageError{kind, sqliteCode, message}};
}
inline Failure fail(const StorageError& error)
{
    return Failure{error};
}

} // namespace onewindow::storage

Q_DECLARE_METATYPE(onewindow::storage::StorageError)
