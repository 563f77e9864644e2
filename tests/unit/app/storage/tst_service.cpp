// StorageService: the GUI-facing asynchronous facade. Work runs on the "storage" thread, answers
// come back as signals; a full cache reload is built on another thread while lookups keep
// answering from the old file, then swapped in; SENDING rows are recovered at start-up.
#include "app/storage/CacheReload.h"
#include "app/storage/OutboxOwnerLock.h"
#include "app/storage/StorageService.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <sys/stat.h>
#include <thread>

using namespace onewindow;
using namespace onewindow::storage;
using namespace onewindow::testing;

namespace {

StorageConfig configIn(const QTemporaryDir& dir)
{
    StorageConfig c;
    c.stateDir = dir.filePath(QStringLiteral("state"));
    c.licenseRootKey = testRootKeyValue();
    return c;
}

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

} // namespace

class ServiceTest : public QObject
{
    Q_OBJECT

private slots:
    void startsOnItsOwnThreadAndCreatesKeys()
    {
        QTemporaryDir dir;
        StorageService service(configIn(dir));
        QSignalSpy opened(&service, &StorageService::opened);
        service.start();
        QVERIFY(opened.wait(10000));
        const StorageHealth health = opened.first().first().value<StorageHealth>();
        QVERIFY(health.ok());
        QCOMPARE(health.files.size(), 3);

        QThread* workerThread = wait(service.post([](StorageWorker&) { return QThread::currentThread(); }));
        QVERIFY(workerThread != QThread::currentThread());
        QCOMPARE(workerThread->objectName(), QStringLiteral("storage"));

        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(dir.filePath(QStringLiteral("state/keys"))).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QCOMPARE(::stat(QFile::encodeName(dir.filePath(QStringLiteral("state"))).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0700);
        for (const char* name : {"outbox.db", "cache.db", "audit.db"})
            QVERIFY(QFile::exists(dir.filePath(QStringLiteral("state/") + QLatin1String(name))));
    }

    void enqueueAnswersWithASignalAndAudits()
    {
        QTemporaryDir dir;
        StorageService service(configIn(dir));
        QSignalSpy opened(&service, &StorageService::opened);
        QSignalSpy queued(&service, &StorageService::submissionQueued);
        service.start();
        Submission s;
        s.serviceItemCode = QStringLiteral("ITEM-1");
        s.applicantIdNumber = residentId(5);
        s.payload = R"({"a":1})";
        const quint64 request = service.enqueueSubmission(s);
        QVERIFY(queued.wait(10000));
        QCOMPARE(queued.first().at(0).toULongLong(), request);
        const OutboxReceipt receipt = queued.first().at(1).value<OutboxReceipt>();
        QVERIFY(!receipt.itemId.isEmpty());

        const QList<AuditEvent> events =
            wait(service.post([](StorageWorker& w) { return w.audit().recent(10).value(); }));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, AuditEvent::Kind::Submission);
        QCOMPARE(events.first().objectRef, receipt.itemId);

        QSignalSpy stats(&service, &StorageService::queueStatsReady);
        QSignalSpy failed(&service, &StorageService::requestFailed);
        service.requestQueueStats();
        QTRY_VERIFY_WITH_TIMEOUT(!stats.isEmpty() || !failed.isEmpty(), 10000);
        if (!failed.isEmpty())
            QFAIL(qPrintable(failed.first().at(1).value<StorageError>().message));
        QCOMPARE(stats.first().at(1).value<QueueStats>().pending, 1);
    }

    void errorsComeBackAsSignals()
    {
        QTemporaryDir dir;
        StorageService service(configIn(dir));
        QSignalSpy failed(&service, &StorageService::requestFailed);
        service.start();
        service.enqueueSubmission(Submission{}); // no item, no payload
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(1).value<StorageError>().kind, StorageError::Kind::InvalidInput);
    }

    void lookupRecordsLicenceUse()
    {
        QTemporaryDir dir;
        StorageService service(configIn(dir));
        service.start();
        const QString id = residentId(11);
        wait(service.post([id](StorageWorker& w) {
            DeltaPage page;
            page.changes = {upsert(hukou(1, id, QStringLiteral("测试"), QStringLiteral("址")), 1)};
            return w.cache().storeCatalog(testCatalogBlob()).ok() && w.cache().applyPage(page).ok();
        }));
        QSignalSpy found(&service, &StorageService::licensesFound);
        service.lookupLicenses(id, QStringLiteral("户口迁移 材料免提交"), QStringLiteral("ITEM-9"));
        QVERIFY(found.wait(10000));
        QCOMPARE(found.first().at(1).value<QList<ELicense>>().size(), 1);
        const QList<AuditEvent> events =
            wait(service.post([](StorageWorker& w) { return w.audit().recent(10).value(); }));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, AuditEvent::Kind::LicenseUse);
        QCOMPARE(events.first().serviceItem, QStringLiteral("ITEM-9"));
        QVERIFY(!events.first().actor.contains(id));
    }

    void licenceFailingVerificationAtUseIsAuditedAndAlarmed()
    {
        QTemporaryDir dir;
        const StorageConfig config = configIn(dir);
        StorageService service(config);
        QSignalSpy alarms(&service, &StorageService::alarm);
        service.start();
        const QString id = residentId(12);
        QVERIFY(wait(service.post([id](StorageWorker& w) {
            DeltaPage page;
            page.changes = {upsert(hukou(2, id, QStringLiteral("测试"), QStringLiteral("原址")), 1)};
            return w.cache().storeCatalog(testCatalogBlob()).ok() && w.cache().applyPage(page).ok();
        })));
        // Stored signed; then the row in cache.db is re-encrypted with another address, from a
        // connection of its own (someone with the data key, or a bug): AES-GCM is happy, the
        // issuer's signature is not.
        const KeyStore keys = wait(service.post([](StorageWorker& w) { return w.keys(); }));
        {
            auto db = SqliteDb::open(config.cachePath(), SqliteDb::Mode::ReadWrite);
            QVERIFY(db.ok());
            Statement read(*db.value(), "SELECT license_key, key_ver, payload_ct FROM license WHERE id = 1");
            QVERIFY(read.next());
            const RowBinding binding = LicenseCache::payloadBinding(read.blob(0));
            QByteArray changed = keys.open(int(read.int64(1)), read.blob(2), binding).value();
            changed.replace(QStringLiteral("原址").toUtf8(), QStringLiteral("假址").toUtf8());
            auto sealed = keys.seal(changed, binding);
            Statement write(*db.value(), "UPDATE license SET payload_ct = ? WHERE id = 1");
            write.bind(1, sealed->blob);
            QVERIFY(write.run().ok());
        }
        QSignalSpy found(&service, &StorageService::licensesFound);
        service.lookupLicenses(id, QStringLiteral("prefill"), QStringLiteral("ITEM-9"));
        QVERIFY(found.wait(10000));
        QCOMPARE(found.first().at(1).value<QList<ELicense>>().size(), 0); // never used
        QTRY_VERIFY(!alarms.isEmpty());
        QVERIFY(alarms.last().at(0).toString().contains(QStringLiteral("failed verification")));
        const QList<AuditEvent> events =
            wait(service.post([](StorageWorker& w) { return w.audit().recent(10).value(); }));
        QCOMPARE(events.size(), 1); // no 用证 event: nothing was used
        QCOMPARE(events.first().kind, AuditEvent::Kind::LicenseRefused);
        QCOMPARE(events.first().purpose, QStringLiteral("use"));
        QVERIFY(events.first().detail.startsWith(QStringLiteral("bad_signature")));
        QVERIFY(!events.first().detail.contains(id));
        // The health probe carries the alarm to the heartbeat and the admin page.
        const WriteProbe probe = wait(service.post([](StorageWorker& w) { return w.probeWritable(); }));
        QCOMPARE(probe.licencesRefused, 1);
        QVERIFY(probe.lastLicenceRefusal.contains(QStringLiteral("bad_signature")));
    }

    void fullReloadSwapsWhileLookupsContinue()
    {
        QTemporaryDir dir;
        const StorageConfig config = configIn(dir);
        StorageService service(config);
        service.start();
        const QString oldHolder = residentId(100);
        const QString newHolder = residentId(200);
        QVERIFY(wait(service.post([&](StorageWorker& w) {
            DeltaPage page;
            page.changes = {upsert(hukou(1, oldHolder, QStringLiteral("旧"), QStringLiteral("址")), 1)};
            page.nextCursor = QStringLiteral("old-cursor");
            return w.cache().storeCatalog(testCatalogBlob()).ok() && w.cache().applyPage(page).ok();
        })));
        const KeyStore keys = wait(service.post([](StorageWorker& w) { return w.keys(); }));

        // The builder runs on its own thread, as the sync thread would.
        std::atomic<bool> built{false};
        std::atomic<bool> buildOk{false};
        std::thread builder([&] {
            auto b = CacheBuilder::start(config.cacheNewPath(), keys, testAuthority().rootPublicKey());
            bool ok = b.ok() && b.value()->storeCatalog(testCatalogBlob()).ok();
            for (int p = 0; ok && p < 20; ++p) {
                DeltaPage page;
                for (int i = 0; i < 200; ++i)
                    page.changes.append(
                        upsert(hukou(1000 + p * 200 + i, i == 0 && p == 0 ? newHolder : residentId(300 + i),
                                     QStringLiteral("新"), QStringLiteral("址")),
                               1));
                page.nextCursor = QStringLiteral("new-cursor-%1").arg(p);
                ok = b.value()->applyPage(page).ok();
            }
            ok = ok && b.value()->finish(4000).ok();
            buildOk = ok;
            built = true;
        });
        // Meanwhile every lookup answers from the old file.
        int lookups = 0;
        while (!built) {
            const int n = wait(service.post([&](StorageWorker& w) {
                auto r = w.cache().lookupValid(oldHolder, QDate::currentDate());
                return r.ok() ? int(r->size()) : -1;
            }));
            QCOMPARE(n, 1);
            ++lookups;
        }
        builder.join();
        QVERIFY(buildOk);
        QVERIFY(lookups > 0);

        QVERIFY(wait(service.post([](StorageWorker& w) { return w.swapInCache().ok(); })));
        const auto counts = wait(service.post([&](StorageWorker& w) {
            return std::make_pair(int(w.cache().lookupValid(oldHolder, QDate::currentDate())->size()),
                                  int(w.cache().lookupValid(newHolder, QDate::currentDate())->size()));
        }));
        QCOMPARE(counts.first, 0);
        QCOMPARE(counts.second, 1);
        QCOMPARE(wait(service.post([](StorageWorker& w) { return w.cache().cursor().value(); })),
                 QStringLiteral("new-cursor-19"));
        QVERIFY(!QFile::exists(config.cacheNewPath()));
        QCOMPARE(wait(service.post([](StorageWorker& w) { return w.config().cachePath(); })),
                 config.cachePath());
    }

    void sendingIsRecoveredAtStartup()
    {
        QTemporaryDir dir;
        QString id;
        {
            StorageService service(configIn(dir));
            service.start();
            id = wait(service.post([](StorageWorker& w) {
                Submission s;
                s.serviceItemCode = QStringLiteral("I");
                s.payload = "p";
                const QString itemId = w.outbox().enqueue(s).value().itemId;
                w.outbox().takeReady(1);
                return itemId;
            }));
        }
        StorageService again(configIn(dir));
        QSignalSpy opened(&again, &StorageService::opened);
        again.start();
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.first().first().value<StorageHealth>().sendingRecovered, 1);
        QCOMPARE(wait(again.post([id](StorageWorker& w) { return w.outbox().entry(id)->state; })),
                 OutboxState::RetryWait);
    }

    // Issue 22: a second writer (onewindow-tool sync next to the running kiosk) used to reset the
    // owner's in-flight items to RETRY_WAIT and send them side by side.
    void aSecondWriterNeitherOpensNorRecoversTheOwnersItems()
    {
        QTemporaryDir dir;
        StorageWorker owner(configIn(dir));
        QVERIFY(owner.open().ok());
        Submission s;
        s.serviceItemCode = QStringLiteral("I");
        s.payload = "p";
        const QString id = owner.outbox().enqueue(s).value().itemId;
        QCOMPARE(owner.outbox().takeReady(1)->size(), 1); // in flight: SENDING

        StorageWorker second(configIn(dir));
        const auto refused = second.open();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, StorageError::Kind::Busy);
        QVERIFY2(refused.error().message.contains(QStringLiteral("in use by another process")),
                 qPrintable(refused.error().message));
        QCOMPARE(owner.outbox().entry(id)->state, OutboxState::Sending); // untouched

        // The lock file is the state directory's, 0600 like every file in it.
        struct stat st
        {};
        QCOMPARE(
            ::stat(QFile::encodeName(OutboxOwnerLock::lockPath(configIn(dir).stateDir)).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
    }

    void theOwnerLockIsFreedWithItsOwner()
    {
        QTemporaryDir dir;
        QString id;
        {
            StorageWorker owner(configIn(dir));
            QVERIFY(owner.open().ok());
            Submission s;
            s.serviceItemCode = QStringLiteral("I");
            s.payload = "p";
            id = owner.outbox().enqueue(s).value().itemId;
            owner.outbox().takeReady(1);
        }
        StorageWorker next(configIn(dir));
        const auto health = next.open();
        QVERIFY(health.ok());
        QCOMPARE(health->sendingRecovered, 1); // recovery only with the lock held
        QCOMPARE(next.outbox().entry(id)->state, OutboxState::RetryWait);
    }

    void theKioskWaitsForTheLockInsteadOfFailing()
    {
        QTemporaryDir dir;
        OutboxOwnerLock tool;
        QVERIFY(QDir().mkpath(configIn(dir).stateDir));
        QVERIFY(tool.acquire(configIn(dir).stateDir, OutboxOwnerLock::Wait::No).isEmpty());
        StorageConfig kiosk = configIn(dir);
        kiosk.waitForOwnerLock = true;
        StorageService service(kiosk);
        QSignalSpy opened(&service, &StorageService::opened);
        QSignalSpy failed(&service, &StorageService::openFailed);
        service.start();
        // The storage thread is blocked in flock(2): a probe posted behind the open cannot run.
        auto probe = service.post([](StorageWorker& w) { return w.isOpen(); });
        QVERIFY(!probe.isFinished());
        QCOMPARE(failed.count(), 0);
        tool.release();
        QVERIFY(opened.wait(10000));
        QVERIFY(wait(probe));
        QCOMPARE(failed.count(), 0);
    }

    void rotationReencryptsInTheBackground()
    {
        QTemporaryDir dir;
        StorageService service(configIn(dir));
        service.start();
        wait(service.post([](StorageWorker& w) {
            for (int i = 0; i < 450; ++i) {
                Submission s;
                s.serviceItemCode = QStringLiteral("I");
                s.payload = QByteArray::number(i);
                w.outbox().enqueue(s);
            }
            return true;
        }));
        QSignalSpy rotated(&service, &StorageService::keysRotated);
        service.rotateKeys();
        QVERIFY(rotated.wait(10000));
        QCOMPARE(rotated.first().first().toInt(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(wait(service.post([](StorageWorker& w) {
                                      auto entries = w.outbox().entries(1000).value();
                                      int v2 = 0;
                                      for (const OutboxEntry& e : entries)
                                          v2 += e.keyVersion == 2;
                                      return v2;
                                  })),
                                  450, 20000);
    }

    void newerSchemaFailsTheStartLoudly()
    {
        QTemporaryDir dir;
        const StorageConfig config = configIn(dir);
        QDir().mkpath(config.stateDir);
        {
            auto db = SqliteDb::open(config.outboxPath(), SqliteDb::Mode::ReadWriteCreate).value();
            db->exec("PRAGMA user_version = 42");
        }
        StorageService service(config);
        QSignalSpy failed(&service, &StorageService::openFailed);
        service.start();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains(QLatin1String("newer release")));
    }
};

QTEST_GUILESS_MAIN(ServiceTest)
#include "tst_service.moc"
