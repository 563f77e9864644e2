// Privacy scan (issue 4): after storing fixture residents (licences, submissions, ratings,
// audit events) through the real StorageService, no file in the state directory — databases,
// -wal, -shm, keys — contains their names, ID numbers, addresses or phone numbers, in UTF-8 or
// UTF-16LE. Scanned while the service is running (WAL present) and after it stopped.
#include "app/storage/StorageService.h"
#include "drivers/idcard/Masking.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using namespace onewindow::storage;
using namespace onewindow::testing;

namespace {

struct Resident
{
    QString name;
    QString id;
    QString address;
    QString phone;
};

QList<Resident> residents()
{
    return {
        {QStringLiteral("欧阳测试"), residentId(4242), QStringLiteral("北京市东城区样例胡同甲88号"),
         QStringLiteral("13912345678")},
        {QStringLiteral("样例花"), residentId(777), QStringLiteral("上海市浦东新区测试路1234弄5号"),
         QStringLiteral("13687654321")},
        {QStringLiteral("JOHN SAMPLE"), residentId(31337), QStringLiteral("广州市天河区示例大道99号"),
         QStringLiteral("13500001111")},
    };
}

QStringList scan(const QString& dir, const QList<Resident>& people, int* filesScanned)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        ++*filesScanned;
        for (const Resident& r : people) {
            for (const QString& needle : {r.name, r.id, r.address, r.phone, r.id.left(17)}) {
                const QByteArray utf8 = needle.toUtf8();
                const QByteArray utf16(reinterpret_cast<const char*>(needle.utf16()), needle.size() * 2);
                if (bytes.contains(utf8) || bytes.contains(utf16))
                    hits.append(QStringLiteral("%1 in %2").arg(maskName(needle), QFileInfo(path).fileName()));
            }
        }
    }
    return hits;
}

} // namespace

class PrivacyTest : public QObject
{
    Q_OBJECT

private slots:
    void noPlainPersonalDataOnDisk()
    {
        QTemporaryDir dir;
        StorageConfig config;
        config.stateDir = dir.filePath(QStringLiteral("state"));
        const QList<Resident> people = residents();
        int scanned = 0;
        {
            StorageService service(config);
            QSignalSpy opened(&service, &StorageService::opened);
            service.start();
            QVERIFY(opened.wait(10000));
            auto applied = service.post([&](StorageWorker& w) {
                DeltaPage page;
                for (int i = 0; i < people.size(); ++i)
                    page.changes.append(
                        upsert(hukou(i + 1, people[i].id, people[i].name, people[i].address), 1));
                page.changes.append(
                    upsert(marriage(50, people[0].id, people[0].name, people[1].id, people[1].name), 1));
                page.nextCursor = QStringLiteral("cursor");
                return w.cache().applyPage(page).ok();
            });
            applied.waitForFinished();
            QVERIFY(applied.result());

            QSignalSpy queued(&service, &StorageService::submissionQueued);
            QSignalSpy found(&service, &StorageService::licensesFound);
            for (const Resident& r : people) {
                service.lookupLicenses(r.id, QStringLiteral("户口迁移"), QStringLiteral("ITEM-1"));
                Submission s;
                s.serviceItemCode = QStringLiteral("ITEM-1");
                s.serviceItemName = QStringLiteral("户口迁移");
                s.applicantIdNumber = r.id;
                s.applicantName = r.name;
                s.payload = QStringLiteral(R"({"name":"%1","id":"%2","address":"%3","phone":"%4"})")
                                .arg(r.name, r.id, r.address, r.phone)
                                .toUtf8();
                service.enqueueSubmission(s);
                Rating rating;
                rating.serviceItemCode = QStringLiteral("ITEM-1");
                rating.raterIdNumber = r.id;
                rating.text = QStringLiteral("我是%1，电话%2").arg(r.name, r.phone);
                service.enqueueRating(rating);
            }
            QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 2 * int(people.size()), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(found.size(), int(people.size()), 10000);
            // Part of the journey: acknowledged, then purged after retention.
            auto purged = service.post([](StorageWorker& w) {
                auto taken = w.outbox().takeReady(1).value();
                w.outbox().markAcked(taken.first().itemId, QStringLiteral("R1"));
                return w.outbox().stats()->pending;
            });
            purged.waitForFinished();

            QVERIFY(QFile::exists(config.outboxPath() + QStringLiteral("-wal")));
            const QStringList hits = scan(config.stateDir, people, &scanned);
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QStringLiteral(", "))));
        }
        const QStringList hits = scan(config.stateDir, people, &scanned);
        qInfo("privacy scan: %d files scanned (running + stopped), %lld hits", scanned,
              qlonglong(hits.size()));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QStringLiteral(", "))));
        QVERIFY(scanned >= 8);
    }

    // The scan itself must be able to fail: a plain file with a name is found.
    void scannerFindsPlainText()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("leak.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QString name = residents().first().name;
        f.write(QByteArray("xx") + QByteArray(reinterpret_cast<const char*>(name.utf16()), name.size() * 2));
        f.close();
        int scanned = 0;
        QCOMPARE(scan(dir.path(), residents(), &scanned).size(), 1);
    }
};

QTEST_GUILESS_MAIN(PrivacyTest)
#include "tst_privacy.moc"
