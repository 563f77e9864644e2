#include "app/storage/DatabaseOpener.h"

#include "app/storage/Salvage.h"
#include "app/storage/Schemas.h"
#include "app/storage/StorageLog.h"

#include <QDateTime>
#include <QFile>

namespace onewindow::storage {

namespace {

const char* const kCompanions[] = {"-wal", "-shm", "-journal"};

Status applyPragmas(SqliteDb& db, const DatabaseSpec& spec)
{
    for (const QByteArray& pragma : spec.pragmas) {
        if (pragma.startsWith("journal_mode")) {
            // journal_mode answers with the mode it got: WAL can silently fail (e.g. no shm).
            const QByteArray sql = "PRAGMA " + pragma;
            auto mode = db.queryText(sql.constData());
            if (!mode.ok())
                return fail(mode.error());
            if (mode.value().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
                return fail(
                    StorageError::Kind::Sqlite,
                    QStringLiteral("%1: WAL journal mode refused (got %2)").arg(spec.label, mode.value()));
            continue;
        }
        const QByteArray sql = "PRAGMA " + pragma;
        Statement st(db, sql.constData());
        if (!st.ok())
            return fail(st.error());
        st.run();
        if (st.failed())
            return fail(st.error());
    }
    return Ok{};
}

bool isCorruption(const StorageError& e)
{
    return e.kind == StorageError::Kind::Corrupt;
}

// Open + version check + integrity check + pragmas + migrations. A Corrupt error means the
// caller should rebuild or salvage.
Result<std::unique_ptr<SqliteDb>> openOnce(const DatabaseSpec& spec, OpenReport* report, bool checkIntegrity)
{
    auto opened = SqliteDb::open(spec.path, SqliteDb::Mode::ReadWriteCreate);
    if (!opened.ok())
        return opened;
    std::unique_ptr<SqliteDb> db = std::move(opened).value();

    // The version is read before anything writes (journal_mode=WAL would change the header).
    auto version = db->queryInt("PRAGMA user_version");
    if (!version.ok())
        return fail(version.error());
    const int known = Migrator::latestVersion(spec.migrations);
    if (version.value() > known)
        return fail(StorageError::Kind::NewerSchema,
                    Migrator::newerSchemaMessage(spec.label, int(version.value()), known));

    if (checkIntegrity) {
        const QString check = DatabaseOpener::quickCheck(*db);
        if (check != QLatin1String("ok"))
            return fail(StorageError::Kind::Corrupt,
                        QStringLiteral("%1 failed quick_check: %2").arg(spec.label, check.left(200)));
    }
    Status s = applyPragmas(*db, spec);
    if (!s.ok())
        return fail(s.error());
    s = Migrator::apply(*db, spec.label, spec.migrations);
    if (!s.ok())
        return fail(s.error());
    report->schemaVersion = known;
    return db;
}

} // namespace

QString DatabaseOpener::quickCheck(SqliteDb& db)
{
    Statement st(db, "PRAGMA quick_check");
    if (!st.ok())
        return st.error().message;
    QStringList problems;
    while (st.next())
        problems.append(st.text(0));
    if (st.failed())
        problems.append(st.error().message);
    if (problems == QStringList{QStringLiteral("ok")})
        return QStringLiteral("ok");
    return problems.isEmpty() ? QStringLiteral("no answer") : problems.join(QStringLiteral("; "));
}

void DatabaseOpener::removeFiles(const QString& path)
{
    QFile::remove(path);
    for (const char* suffix : kCompanions)
        QFile::remove(path + QLatin1String(suffix));
}

Result<std::unique_ptr<SqliteDb>> DatabaseOpener::open(const DatabaseSpec& spec, OpenReport* report)
{
    OpenReport local;
    if (!report)
        report = &local;
    report->label = spec.label;
    const bool existed = QFile::exists(spec.path);
    report->created = !existed;

    auto first = openOnce(spec, report, existed);
    if (first.ok() || !isCorruption(first.error()))
        return first;
    const QString problem = first.error().message;

    if (spec.onCorruption == DatabaseSpec::OnCorruption::Rebuild) {
        // The cache can be downloaded again: losing it costs a full sync, never data.
        qCWarning(lcStorage, "%s is damaged (%s); deleting it and starting an empty cache (full resync)",
                  qPrintable(spec.label), qPrintable(problem));
        removeFiles(spec.path);
        report->rebuilt = true;
        return openOnce(spec, report, false);
    }

    // outbox.db / audit.db may hold the only copy of a resident's submission or of the audit
    // trail: move the damaged file aside (never delete it), start a fresh file and copy
    // everything that can still be read.
    const QString aside = spec.path + QStringLiteral(".corrupt-") +
                          QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmsszzz"));
    if (!QFile::rename(spec.path, aside))
        return fail(
            StorageError::Kind::Io,
            QStringLiteral("%1 is damaged (%2) and could not be moved aside to %3; refusing to continue")
                .arg(spec.label, problem, aside));
    for (const char* suffix : kCompanions) {
        if (QFile::exists(spec.path + QLatin1String(suffix)))
            QFile::rename(spec.path + QLatin1String(suffix), aside + QLatin1String(suffix));
    }
    auto fresh = openOnce(spec, report, false);
    if (!fresh.ok())
        return fresh;
    const Salvager::Outcome salvage = Salvager::copyReadableRows(aside, *fresh.value());
    report->salvaged = true;
    report->asidePath = aside;
    report->salvagedRows = salvage.rowsCopied;
    report->salvageReadErrors = salvage.readErrors;
    report->alarm =
        QStringLiteral("%1 was damaged (%2). It was moved to %3 and %4 readable rows were copied into a "
                       "new file (%5 read errors: %6). Rows that could not be read are still in the "
                       "moved file: a technician must examine it.")
            .arg(spec.label, problem.left(200), aside)
            .arg(salvage.rowsCopied)
            .arg(salvage.readErrors)
            .arg(salvage.notes.join(QStringLiteral("; ")));
    qCCritical(lcStorage, "ALARM: %s", qPrintable(report->alarm));
    return fresh;
}

DatabaseSpec DatabaseOpener::outboxSpec(const QString& path)
{
    return {QStringLiteral("outbox.db"),
            path,
            outboxMigrations(),
            {"journal_mode = WAL", "synchronous = FULL", "secure_delete = ON", "foreign_keys = ON",
             "journal_size_limit = 16777216"},
            DatabaseSpec::OnCorruption::Salvage};
}

DatabaseSpec DatabaseOpener::cacheSpec(const QString& path)
{
    return {QStringLiteral("cache.db"),
            path,
            cacheMigrations(),
            // 64 MB page cache: a delta page of 5,000 licences dirties ~5,000 table pages
            // (20 MB) plus index pages; with 16 MB the transaction spilled into the WAL
            // mid-way and read its own pages back (docs/storage.md, measurements).
            // wal_autocheckpoint 32,768 frames (128 MB) instead of 1,000: a delta page's
            // ~5,000 random table pages are copied into the file once per 6-7 pages (and
            // once at the end of a sync run, LicenseCache::applyPage) rather than after every
            // page, with one fdatasync each time.
            {"journal_mode = WAL", "synchronous = NORMAL", "journal_size_limit = 67108864",
             "cache_size = -65536", "wal_autocheckpoint = 32768"},
            DatabaseSpec::OnCorruption::Rebuild};
}

DatabaseSpec DatabaseOpener::auditSpec(const QString& path)
{
    return {
        QStringLiteral("audit.db"),
        path,
        auditMigrations(),
        {"journal_mode = WAL", "synchronous = FULL", "secure_delete = ON", "journal_size_limit = 16777216"},
        DatabaseSpec::OnCorruption::Salvage};
}

} // namespace onewindow::storage
