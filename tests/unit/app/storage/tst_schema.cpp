// Numbered transactional migrations, refusal of a newer schema, and what start-up does with a
// damaged file: cache.db rebuilt, outbox.db/audit.db moved aside + salvaged + alarm.
#include "app/storage/DatabaseOpener.h"
#include "app/storage/OutboxStore.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using namespace onewindow::storage;
using onewindow::testing::why;

namespace {

void setUserVersion(const QString& path, int version)
{
    auto db = SqliteDb::open(path, SqliteDb::Mode::ReadWriteCreate).value();
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version);
    db->exec(sql.constData());
}

// Overwrites `count` bytes in the middle of every page after the first with garbage, as a
// failing disk would; the header page stays so SQLite still recognises the file.
void damagePages(const QString& path, int pageSize = 4096)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        qFatal("cannot open file to damage");
    const qint64 pages = f.size() / pageSize;
    for (qint64 p = 1; p < pages; ++p) {
        f.seek(p * pageSize);
        f.write(QByteArray(64, '\xA5'));
    }
}

} // namespace

class SchemaTest : public QObject
{
    Q_OBJECT

private slots:
    void freshFilesGetTheLatestVersion()
    {
        QTemporaryDir dir;
        for (const DatabaseSpec& spec : {DatabaseOpener::outboxSpec(dir.filePath(QStringLiteral("o.db"))),
                                         DatabaseOpener::cacheSpec(dir.filePath(QStringLiteral("c.db"))),
                                         DatabaseOpener::auditSpec(dir.filePath(QStringLiteral("a.db")))}) {
            OpenReport report;
            auto db = DatabaseOpener::open(spec, &report);
            QVERIFY2(db.ok(), why(db).constData());
            QCOMPARE(db.value()->queryInt("PRAGMA user_version").value(),
                     qint64(Migrator::latestVersion(spec.migrations)));
            QCOMPARE(db.value()->queryText("PRAGMA journal_mode").value(), QStringLiteral("wal"));
            QVERIFY(report.created);
        }
    }

    void cacheIsSynchronousNormal()
    {
        QTemporaryDir dir;
        auto db =
            DatabaseOpener::open(DatabaseOpener::cacheSpec(dir.filePath(QStringLiteral("c.db"))), nullptr);
        QCOMPARE(db.value()->queryInt("PRAGMA synchronous").value(), 1);
        auto audit =
            DatabaseOpener::open(DatabaseOpener::auditSpec(dir.filePath(QStringLiteral("a.db"))), nullptr);
        QCOMPARE(audit.value()->queryInt("PRAGMA synchronous").value(), 2);
    }

    void newerSchemaIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("outbox.db"));
        setUserVersion(path, 99);
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray bytes = before.readAll();
        before.close();

        auto db = DatabaseOpener::open(DatabaseOpener::outboxSpec(path), nullptr);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, StorageError::Kind::NewerSchema);
        QVERIFY(db.error().message.contains(QLatin1String("schema version 99")));
        QVERIFY(db.error().message.contains(QLatin1String("newer release")));
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), bytes); // not even switched to WAL
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void migrationsAreTransactionalAndResumable()
    {
        QTemporaryDir dir;
        auto db =
            SqliteDb::open(dir.filePath(QStringLiteral("m.db")), SqliteDb::Mode::ReadWriteCreate).value();
        const QList<Migration> broken = {
            {1, "CREATE TABLE a (x INTEGER) STRICT;"},
            {2, "CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nonexistent VALUES (1);"},
        };
        Status s = Migrator::apply(*db, QStringLiteral("m.db"), broken);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QLatin1String("migration 2")));
        // Step 1 committed; step 2 rolled back entirely (table b absent), version stays 1.
        QCOMPARE(db->queryInt("PRAGMA user_version").value(), 1);
        QCOMPARE(db->queryInt("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'b'").value(), 0);
        const QList<Migration> fixed = {
            {1, "CREATE TABLE a (x INTEGER) STRICT;"},
            {2, "CREATE TABLE b (x INTEGER) STRICT;"},
            {3, "ALTER TABLE b ADD COLUMN y TEXT;"},
        };
        QVERIFY(Migrator::apply(*db, QStringLiteral("m.db"), fixed).ok());
        QCOMPARE(db->queryInt("PRAGMA user_version").value(), 3);
        // Idempotent: running again changes nothing.
        QVERIFY(Migrator::apply(*db, QStringLiteral("m.db"), fixed).ok());
    }

    void garbageCacheIsRebuilt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        OpenReport report;
        auto db = DatabaseOpener::open(DatabaseOpener::cacheSpec(path), &report);
        QVERIFY2(db.ok(), why(db).constData());
        QVERIFY(report.rebuilt);
        QVERIFY(report.alarm.isEmpty());
        QCOMPARE(db.value()->queryInt("SELECT COUNT(*) FROM license").value(), 0);
    }

    void damagedCacheIsRebuilt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.db"));
        {
            auto db = DatabaseOpener::open(DatabaseOpener::cacheSpec(path), nullptr).value();
            db->exec(
                "CREATE TABLE filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n "
                "WHERE i < 500) INSERT INTO filler SELECT randomblob(300) FROM n;");
        }
        damagePages(path);
        OpenReport report;
        auto db = DatabaseOpener::open(DatabaseOpener::cacheSpec(path), &report);
        QVERIFY2(db.ok(), why(db).constData());
        QVERIFY(report.rebuilt);
        QCOMPARE(DatabaseOpener::quickCheck(*db.value()), QStringLiteral("ok"));
    }

    void damagedOutboxIsSalvagedWithAlarm()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("outbox.db"));
        KeyStore keys = KeyStore::open(dir.filePath(QStringLiteral("keys")), true).value();
        QStringList ids;
        {
            auto db = DatabaseOpener::open(DatabaseOpener::outboxSpec(path), nullptr).value();
            OutboxStore outbox(*db, keys);
            for (int i = 0; i < 300; ++i) {
                Submission s;
                s.serviceItemCode = QStringLiteral("ITEM");
                s.payload = QByteArray(200, char('a' + i % 26));
                ids.append(outbox.enqueue(s).value().itemId);
            }
        }
        // Damage one leaf page in the middle of the table.
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 pages = f.size() / 4096;
            QVERIFY(pages > 10);
            f.seek((pages / 2) * 4096);
            f.write(QByteArray(4096, '\x5A'));
        }
        OpenReport report;
        auto db = DatabaseOpener::open(DatabaseOpener::outboxSpec(path), &report);
        QVERIFY2(db.ok(), why(db).constData());
        QVERIFY(report.salvaged);
        QVERIFY(!report.alarm.isEmpty());
        QVERIFY(QFile::exists(report.asidePath)); // never deleted
        QVERIFY(report.salvagedRows > 200);       // most rows recovered
        // Every recovered row is intact: its payload still authenticates under its own key.
        OutboxStore outbox(*db.value(), keys);
        int intact = 0;
        for (const QString& id : ids) {
            auto p = outbox.payload(id);
            if (p.ok()) {
                QCOMPARE(p->size(), 200);
                ++intact;
            } else {
                QCOMPARE(p.error().kind, StorageError::Kind::NotFound);
            }
        }
        QVERIFY(intact > 200);
        QCOMPARE(DatabaseOpener::quickCheck(*db.value()), QStringLiteral("ok"));
        // The new file works.
        Submission s;
        s.serviceItemCode = QStringLiteral("ITEM");
        s.payload = "x";
        QVERIFY(outbox.enqueue(s).ok());
    }

    void unreadableAuditIsMovedAsideNotDropped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x01'));
        f.close();
        OpenReport report;
        auto db = DatabaseOpener::open(DatabaseOpener::auditSpec(path), &report);
        QVERIFY2(db.ok(), why(db).constData());
        QVERIFY(report.salvaged);
        QVERIFY(report.alarm.contains(QLatin1String("audit.db")));
        QFile aside(report.asidePath);
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), QByteArray(4096, '\x01'));
    }
};

QTEST_GUILESS_MAIN(SchemaTest)
#include "tst_schema.moc"
