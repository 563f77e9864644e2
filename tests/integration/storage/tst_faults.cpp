// Fault tests on real files (issue 4): disk full during enqueue and during delta apply on a
// small tmpfs (mounted here; needs root, which CI has), and random byte flips in cache.db.
#include "app/storage/DatabaseOpener.h"
#include "app/storage/LicenseCache.h"
#include "app/storage/OutboxStore.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <sys/mount.h>
#include <unistd.h>

using namespace onewindow;
using namespace onewindow::storage;
using namespace onewindow::testing;

namespace {

// A tmpfs of `bytes` mounted on a fresh directory for the duration of one test.
class SmallDisk
{
public:
    explicit SmallDisk(qint64 bytes)
    {
        m_path = m_dir.filePath(QStringLiteral("disk"));
        QDir().mkpath(m_path);
        const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0700";
        if (::geteuid() != 0) {
            m_error = QStringLiteral("mounting a tmpfs needs root (CI runs as root)");
            return;
        }
        if (::mount("tmpfs", QFile::encodeName(m_path).constData(), "tmpfs", 0, options.constData()) != 0) {
            m_error = QStringLiteral("mount tmpfs failed: %1").arg(QString::fromLocal8Bit(strerror(errno)));
            return;
        }
        m_mounted = true;
    }
    ~SmallDisk()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_path).constData(), MNT_DETACH);
    }
    bool ok() const { return m_mounted; }
    QString error() const { return m_error; }
    QString path() const { return m_path; }

    // Takes `bytes` of the disk, to be given back with release() once the disk is full.
    void reserve(qint64 bytes)
    {
        QFile f(m_path + QStringLiteral("/reserve"));
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray(bytes, 'r'));
    }
    void release() { QFile::remove(m_path + QStringLiteral("/reserve")); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_error;
    bool m_mounted = false;
};

} // namespace

class FaultTest : public QObject
{
    Q_OBJECT

private slots:
    void diskFullDuringEnqueue()
    {
        SmallDisk disk(1024 * 1024);
        if (!disk.ok())
            QSKIP(qPrintable(disk.error()));
        disk.reserve(256 * 1024);
        const QString path = disk.path() + QStringLiteral("/outbox.db");
        KeyStore keys = KeyStore::open(disk.path() + QStringLiteral("/keys"), true).value();
        auto db = DatabaseOpener::open(DatabaseOpener::outboxSpec(path), nullptr);
        QVERIFY(db.ok());
        OutboxStore outbox(*db.value(), keys);
        QStringList stored;
        StorageError failure;
        for (int i = 0; i < 10000; ++i) {
            Submission s;
            s.serviceItemCode = QStringLiteral("FULL");
            s.payload = QByteArray::number(i) + QByteArray(3000, 'p');
            auto r = outbox.enqueue(s);
            if (!r.ok()) {
                failure = r.error();
                break;
            }
            stored.append(r->itemId);
        }
        qInfo("disk full after %lld enqueues: %s", qlonglong(stored.size()), qPrintable(failure.toString()));
        QVERIFY(stored.size() > 10);
        QVERIFY2(failure.isDiskFull(), qPrintable(failure.toString())); // a visible error, not a crash
        // Everything that succeeded is intact.
        for (int i = 0; i < stored.size(); ++i) {
            auto p = outbox.payload(stored.at(i));
            QVERIFY(p.ok());
            QVERIFY(p->startsWith(QByteArray::number(i) + 'p'));
        }
        QCOMPARE(DatabaseOpener::quickCheck(*db.value()), QStringLiteral("ok"));
        // Space comes back: the queue works again on the same connection.
        disk.release();
        Submission s;
        s.serviceItemCode = QStringLiteral("FULL");
        s.payload = "after";
        QVERIFY(outbox.enqueue(s).ok());
        QCOMPARE(outbox.stats()->byState.value(QStringLiteral("QUEUED")), stored.size() + 1);
    }

    void diskFullDuringDeltaApply()
    {
        SmallDisk disk(1536 * 1024);
        if (!disk.ok())
            QSKIP(qPrintable(disk.error()));
        disk.reserve(256 * 1024);
        const QString path = disk.path() + QStringLiteral("/cache.db");
        KeyStore keys = KeyStore::open(disk.path() + QStringLiteral("/keys"), true).value();
        auto db = DatabaseOpener::open(DatabaseOpener::cacheSpec(path), nullptr);
        QVERIFY(db.ok());
        LicenseCache cache(*db.value(), keys);
        installTestTrust(cache);
        int pagesOk = 0;
        StorageError failure;
        DeltaPage failedPage;
        for (int p = 0; p < 1000; ++p) {
            DeltaPage page;
            for (int i = 0; i < 50; ++i)
                page.changes.append(upsert(hukou(p * 50 + i, residentId(p * 50 + i), QStringLiteral("测试"),
                                                 QStringLiteral("样例地址%1").arg(i)),
                                           1));
            page.nextCursor = QStringLiteral("cursor-%1").arg(p);
            auto r = cache.applyPage(page);
            if (!r.ok()) {
                failure = r.error();
                failedPage = page;
                break;
            }
            ++pagesOk;
        }
        qInfo("disk full after %d pages: %s", pagesOk, qPrintable(failure.toString()));
        QVERIFY(pagesOk > 2);
        QVERIFY2(failure.isDiskFull(), qPrintable(failure.toString()));
        // The failed page left nothing behind, and the cursor is the last good page's.
        QCOMPARE(cache.cursor().value(), QStringLiteral("cursor-%1").arg(pagesOk - 1));
        QCOMPARE(cache.stats()->licenses, qint64(pagesOk) * 50);
        QCOMPARE(DatabaseOpener::quickCheck(*db.value()), QStringLiteral("ok"));
        disk.release();
        QVERIFY(cache.applyPage(failedPage).ok());
        QCOMPARE(cache.cursor().value(), failedPage.nextCursor);
        QCOMPARE(cache.lookupValid(residentId(pagesOk * 50), QDate::currentDate())->size(), 1);
    }

    // Random byte flips anywhere in cache.db: start-up either rebuilds the cache or opens it,
    // and every lookup then gives the right licences or an error, never wrong data.
    void randomByteFlipsInCache()
    {
        QTemporaryDir dir;
        const QString pristine = dir.filePath(QStringLiteral("pristine.db"));
        KeyStore keys = KeyStore::open(dir.filePath(QStringLiteral("keys")), true).value();
        const int people = 300;
        {
            auto db = DatabaseOpener::open(DatabaseOpener::cacheSpec(pristine), nullptr).value();
            LicenseCache cache(*db, keys);
            installTestTrust(cache);
            DeltaPage page;
            for (int i = 0; i < people; ++i)
                page.changes.append(upsert(
                    hukou(i, residentId(i), QStringLiteral("测试%1").arg(i), QStringLiteral("地址")), 1));
            page.nextCursor = QStringLiteral("c");
            QVERIFY(cache.applyPage(page).ok());
            db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        QFile source(pristine);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray original = source.readAll();
        source.close();

        QRandomGenerator rng(20240601);
        int rebuilt = 0, opened = 0, lookupErrors = 0, correct = 0;
        const int rounds = 40;
        for (int round = 0; round < rounds; ++round) {
            QByteArray bytes = original;
            const int flips = 1 + int(rng.bounded(round < 20 ? 4 : 64));
            for (int f = 0; f < flips; ++f) {
                const qsizetype at = qsizetype(rng.bounded(quint32(bytes.size())));
                bytes[at] = char(bytes[at] ^ char(1 + rng.bounded(255)));
            }
            const QString path = dir.filePath(QStringLiteral("flip-%1.db").arg(round));
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
            out.close();
            OpenReport report;
            auto db = DatabaseOpener::open(DatabaseOpener::cacheSpec(path), &report);
            QVERIFY2(db.ok(), "the cache must always come up, rebuilt if need be");
            report.rebuilt ? ++rebuilt : ++opened;
            LicenseCache cache(*db.value(), keys);
            cache.setTrustRoot(testAuthority().rootPublicKey()); // issuer keys: the copied catalogue
            for (int i = 0; i < people; i += 7) {
                auto r = cache.lookupValid(residentId(i), QDate::currentDate());
                if (!r.ok()) {
                    ++lookupErrors;
                    continue;
                }
                // Found licences are exactly the resident's own (a flip may hide a row, which
                // only costs a paper material, but may never show someone else's data).
                for (const ELicense& l : r.value()) {
                    QCOMPARE(l.holders.size(), 1);
                    QCOMPARE(l.holders.first().code, residentId(i));
                    QCOMPARE(l.holders.first().name, QStringLiteral("测试%1").arg(i));
                }
                ++correct;
            }
        }
        qInfo("byte flips: %d rounds, %d rebuilt, %d opened, %d lookups correct, %d lookup errors", rounds,
              rebuilt, opened, correct, lookupErrors);
        QCOMPARE(rebuilt + opened, rounds);
    }
};

QTEST_GUILESS_MAIN(FaultTest)
#include "tst_faults.moc"
