#include "app/storage/SqliteDb.h"

#include "base/files/PrivateFile.h"

#include <QFile>
#include <sqlite3.h>

namespace onewindow::storage {

const char* StorageError::kindName(Kind k)
{
    switch (k) {
    case Kind::Sqlite:
        return "sqlite";
    case Kind::Corrupt:
        return "corrupt";
    case Kind::NewerSchema:
        return "newer_schema";
    case Kind::Crypto:
        return "crypto";
    case Kind::NotFound:
        return "not_found";
    case Kind::InvalidTransition:
        return "invalid_transition";
    case Kind::Conflict:
        return "conflict";
    case Kind::InvalidInput:
        return "invalid_input";
    case Kind::Io:
        return "io";
    case Kind::Paused:
        return "paused";
    case Kind::Busy:
        return "busy";
    }
    return "sqlite";
}

bool StorageError::isDiskFull() const
{
    return (sqliteCode & 0xFF) == SQLITE_FULL;
}

QString StorageError::toString() const
{
    return QStringLiteral("%1: %2").arg(QLatin1String(kindName(kind)), message);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const QString& path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    // SQLite creates a database 0644 & ~umask; made 0600 first, its -wal, -shm and -journal
    // follow (SQLite copies the database's mode to them). Files of older versions are narrowed.
    if (mode != Mode::ReadOnly) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            const bool isDatabase = *suffix == '\0';
            const QString error = files::ensurePrivateFile(path + QLatin1String(suffix),
                                                           isDatabase && mode == Mode::ReadWriteCreate);
            if (!error.isEmpty())
                return fail(StorageError::Kind::Io, error, 0);
        }
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message =
            QStringLiteral("cannot open %1: %2")
                .arg(path, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
        const int code = db ? sqlite3_extended_errcode(db) : rc;
        sqlite3_close_v2(db);
        const bool corrupt = (code & 0xFF) == SQLITE_CORRUPT || (code & 0xFF) == SQLITE_NOTADB;
        return fail(corrupt ? StorageError::Kind::Corrupt : StorageError::Kind::Sqlite, message, code);
    }
    sqlite3_extended_result_codes(db, 1);
    // Other connections (the tool, a cache builder) may hold a lock briefly (offline-sync.md §2.1).
    sqlite3_busy_timeout(db, 5000);
    return std::unique_ptr<SqliteDb>(new SqliteDb(db, path));
}

SqliteDb::SqliteDb(sqlite3* db, QString path) : m_db(db), m_path(std::move(path)) {}

SqliteDb::~SqliteDb()
{
    m_statements.clear(); // finalised before the connection closes
    sqlite3_close_v2(m_db);
}

StatementLease SqliteDb::cached(const char* sql)
{
    std::unique_ptr<Statement>& slot = m_statements[sql];
    if (!slot || !slot->ok()) // a failed prepare (e.g. SQLITE_BUSY on the schema) is retried
        slot = std::make_unique<Statement>(*this, sql);
    slot->reset();
    return StatementLease(*slot);
}

qint64 SqliteDb::lastInsertRowid() const
{
    return sqlite3_last_insert_rowid(m_db);
}

StorageError SqliteDb::lastError(const QString& context) const
{
    const int code = sqlite3_extended_errcode(m_db);
    const int primary = code & 0xFF;
    const auto kind = (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) ? StorageError::Kind::Corrupt
                                                                              : StorageError::Kind::Sqlite;
    return StorageError{
        kind, code,
        QStringLiteral("%1: %2 (%3)")
            .arg(context, QString::fromUtf8(sqlite3_errmsg(m_db)), QString::fromUtf8(sqlite3_errstr(code)))};
}

qint64 SqliteDb::changes() const
{
    return sqlite3_changes64(m_db);
}

Status SqliteDb::exec(const char* sql)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail(lastError(QString::fromUtf8(sql).left(60)));
    return Ok{};
}

Result<qint64> SqliteDb::queryInt(const char* sql)
{
    Statement st(*this, sql);
    if (!st.ok())
        return fail(st.error());
    if (!st.next()) {
        if (st.failed())
            return fail(st.error());
        return qint64(0);
    }
    return st.int64(0);
}

Result<QString> SqliteDb::queryText(const char* sql)
{
    Statement st(*this, sql);
    if (!st.ok())
        return fail(st.error());
    if (!st.next()) {
        if (st.failed())
            return fail(st.error());
        return QString();
    }
    return st.text(0);
}

Statement::Statement(SqliteDb& db, const char* sql) : m_db(db), m_context(QString::fromUtf8(sql).left(60))
{
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        m_failed = true;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& blob)
{
    if (blob.isNull())
        sqlite3_bind_null(m_stmt, index);
    else
        sqlite3_bind_blob64(m_stmt, index, blob.constData(), sqlite3_uint64(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const QString& text)
{
    if (text.isNull()) {
        sqlite3_bind_null(m_stmt, index);
    } else {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                            SQLITE_UTF8);
    }
    return *this;
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::next()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_failed = rc != SQLITE_DONE;
    return false;
}

Status Statement::run()
{
    if (!m_stmt)
        return fail(error());
    while (next()) {
    }
    if (m_failed)
        return fail(error());
    return Ok{};
}

StatementLease::~StatementLease()
{
    m_statement->reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_failed = false;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QByteArray Statement::blob(int column) const
{
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL)
        return {};
    const void* data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return size > 0 ? QByteArray(static_cast<const char*>(data), size) : QByteArray("");
}

QString Statement::text(int column) const
{
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL)
        return {};
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Transaction::Transaction(SqliteDb& db)
    : m_db(db), m_nested(sqlite3_get_autocommit(db.handle()) == 0),
      m_begun(db.exec(m_nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE"))
{
    m_open = m_begun.ok();
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    if (m_nested) {
        m_db.exec("ROLLBACK TO nested");
        m_db.exec("RELEASE nested");
    } else {
        m_db.exec("ROLLBACK");
    }
}

Status Transaction::commit()
{
    if (!m_open)
        return fail(StorageError::Kind::InvalidInput, QStringLiteral("commit without a transaction"));
    Status s = m_db.exec(m_nested ? "RELEASE nested" : "COMMIT");
    if (s.ok())
        m_open = false;
    // A failed COMMIT (disk full) leaves the transaction open: the destructor rolls it back.
    return s;
}

} // namespace onewindow::storage
