#pragma once

#include "app/storage/StorageError.h"

#include <QByteArray>
#include <QString>
#include <map>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace onewindow::storage {

class Statement;
class StatementLease;

// One SQLite connection (C API). Not thread-safe by design: each connection belongs to one
// thread (the storage worker, a cache builder, or a tool process).
class SqliteDb
{
public:
    enum class Mode
    {
        ReadWriteCreate,
        ReadWrite,
        ReadOnly
    };

    static Result<std::unique_ptr<SqliteDb>> open(const QString& path, Mode mode);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    sqlite3* handle() const { return m_db; }
    QString path() const { return m_path; }

    // Runs one or more statements without results.
    Status exec(const char* sql);
    // The first column of the first row as an integer / text (pragmas, counts).
    Result<qint64> queryInt(const char* sql);
    Result<QString> queryText(const char* sql);

    // The last error as a value (extended code, message; Corrupt kind for SQLITE_CORRUPT/NOTADB).
    StorageError lastError(const QString& context) const;
    qint64 changes() const;
    qint64 lastInsertRowid() const;

    // A statement prepared once per connection and kept until it closes: delta pages and
    // lookups run the same few statements thousands of times, and preparing one costs about
    // as much as running it. The lease resets it (and its read lock) when it goes out of
    // scope, so an early return cannot leave a read transaction open. One lease per SQL text
    // at a time.
    StatementLease cached(const char* sql);

private:
    SqliteDb(sqlite3* db, QString path);
    sqlite3* m_db = nullptr;
    QString m_path;
    std::map<std::string, std::unique_ptr<Statement>> m_statements;
};

// A prepared statement. bind*() indexes start at 1, column*() at 0.
class Statement
{
public:
    Statement(SqliteDb& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return m_stmt != nullptr; }
    StorageError error() const { return m_db.lastError(m_context); }

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, const QByteArray& blob); // null QByteArray → NULL
    Statement& bind(int index, const QString& text);    // null QString → NULL
    Statement& bindNull(int index);

    // SQLITE_ROW → true; SQLITE_DONE → false; an error → false and failed() is true.
    bool next();
    // Runs to completion (INSERT/UPDATE/DELETE).
    Status run();
    bool failed() const { return m_failed; }
    void reset();

    qint64 int64(int column) const;
    QByteArray blob(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    SqliteDb& m_db;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_context;
    bool m_failed = false;
};

// A borrowed cached statement (SqliteDb::cached): reset and unbound on return.
class StatementLease
{
public:
    explicit StatementLease(Statement& statement) : m_statement(&statement) {}
    ~StatementLease();
    StatementLease(const StatementLease&) = delete;
    StatementLease& operator=(const StatementLease&) = delete;

    Statement* operator->() const { return m_statement; }
    Statement& operator*() const { return *m_statement; }

private:
    Statement* m_statement;
};

// BEGIN IMMEDIATE (offline-sync.md §2.1: writes take the lock up front); rolls back in the
// destructor unless commit() succeeded. Inside another transaction it becomes a SAVEPOINT, so
// a store's own transactional steps can be grouped into one durable commit by the caller
// (e.g. a whole batch of sync results: one fsync instead of one per item).
class Transaction
{
public:
    explicit Transaction(SqliteDb& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Status& begun() const { return m_begun; }
    Status commit();

private:
    SqliteDb& m_db;
    bool m_nested = false;
    Status m_begun;
    bool m_open = false;
};

} // namespace onewindow::storage
