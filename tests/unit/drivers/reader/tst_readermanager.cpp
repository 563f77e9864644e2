// ReaderManager with the real simulated backend: thread ownership, snapshots, events, and
// the cross-check gate that keeps a misread identity from leaving the reader thread.
#include "drivers/reader/ReaderManager.h"
#include "drivers/sim/SimReaderBackend.h"

#include <QSignalSpy>
#include <QTest>

using namespace onewindow;

namespace {
SimCard card(const QString& number, const QString& birth, const QString& sex)
{
    SimCard c;
    c.label = QStringLiteral("t");
    c.identity.documentType = DocumentType::Resident;
    c.identity.name = QStringLiteral("测试");
    c.identity.sexCode = sex;
    c.identity.ethnicityCode = QStringLiteral("01");
    c.identity.birthDateRaw = birth;
    c.identity.birthDate = QDate::fromString(birth, QStringLiteral("yyyyMMdd"));
    c.identity.address = QStringLiteral("测试地址");
    c.identity.idNumber = number;
    c.identity.issuer = QStringLiteral("测试机关");
    c.identity.validFromRaw = QStringLiteral("20200101");
    c.identity.validFrom = QDate(2020, 1, 1);
    c.identity.validUntilRaw = QStringLiteral("长期");
    c.identity.validLongTerm = true;
    return c;
}
} // namespace

class TestReaderManager : public QObject
{
    Q_OBJECT

    std::unique_ptr<ReaderManager> makeManager(QList<SimCard> cards, int delayMs = 0)
    {
        auto manager = std::make_unique<ReaderManager>();
        manager->registerBackend(QStringLiteral("sim"), [cards, delayMs] {
            return std::make_unique<SimReaderBackend>(cards, delayMs);
        });
        return manager;
    }

    void place(ReaderManager& m, int index)
    {
        m.invokeOnBackend(QStringLiteral("sim"),
                          [index](ReaderBackend* b) { static_cast<SimReaderBackend*>(b)->placeCard(index); });
    }

private Q_SLOTS:
    void readerSnapshotAppears()
    {
        auto m = makeManager(
            {card(QStringLiteral("110105195803120029"), QStringLiteral("19580312"), QStringLiteral("2"))});
        QSignalSpy added(m.get(), &ReaderManager::readerAdded);
        m->start({QStringLiteral("sim")});
        QVERIFY(added.wait(2000));
        QCOMPARE(m->readers().size(), 1);
        const ReaderInfo info = m->readers().constFirst();
        QCOMPARE(info.name, QString::fromLatin1(SimReaderBackend::kReaderName));
        QCOMPARE(info.backend, QStringLiteral("sim"));
        QCOMPARE(info.status, ReaderInfo::Status::Ready);
        QVERIFY(info.capabilities.contains(QStringLiteral("identity")));
    }

    void backendRunsOnReaderThread()
    {
        auto m = makeManager({});
        m->start({QStringLiteral("sim")});
        QThread* seen = nullptr;
        bool gotBackend = false;
        m->invokeOnBackend(QStringLiteral("sim"), [&](ReaderBackend* b) {
            seen = QThread::currentThread();
            gotBackend = b != nullptr && b->thread() == QThread::currentThread();
        });
        QTRY_VERIFY(seen != nullptr);
        QVERIFY(seen != QThread::currentThread());
        QVERIFY(gotBackend);
    }

    void cardLifecycle()
    {
        auto m = makeManager(
            {card(QStringLiteral("110105195803120029"), QStringLiteral("19580312"), QStringLiteral("2"))});
        QSignalSpy present(m.get(), &ReaderManager::cardPresent);
        QSignalSpy read(m.get(), &ReaderManager::cardRead);
        QSignalSpy removed(m.get(), &ReaderManager::cardRemoved);
        QSignalSpy changed(m.get(), &ReaderManager::readerChanged);
        m->start({QStringLiteral("sim")});
        place(*m, 0);
        QVERIFY(read.wait(2000));
        QCOMPARE(present.size(), 1);
        const auto identity = read.at(0).at(1).value<Identity>();
        QCOMPARE(identity.idNumber, QStringLiteral("110105195803120029"));
        QCOMPARE(identity.birthDate, QDate(1958, 3, 12));
        QVERIFY(identity.validLongTerm);
        QCOMPARE(m->readers().constFirst().status, ReaderInfo::Status::CardPresent);

        m->invokeOnBackend(QStringLiteral("sim"),
                           [](ReaderBackend* b) { static_cast<SimReaderBackend*>(b)->removeCard(); });
        QVERIFY(removed.wait(2000));
        QTRY_COMPARE(m->readers().constFirst().status, ReaderInfo::Status::Ready);
        QVERIFY(changed.size() >= 2);
    }

    void inconsistentIdentityIsRefused_data()
    {
        QTest::addColumn<QString>("birth");
        QTest::addColumn<QString>("sex");
        QTest::newRow("birth date differs from number") << QStringLiteral("19580313") << QStringLiteral("2");
        QTest::newRow("sex differs from parity") << QStringLiteral("19580312") << QStringLiteral("1");
    }
    void inconsistentIdentityIsRefused()
    {
        QFETCH(QString, birth);
        QFETCH(QString, sex);
        auto m = makeManager({card(QStringLiteral("110105195803120029"), birth, sex)});
        QSignalSpy read(m.get(), &ReaderManager::cardRead);
        QSignalSpy failed(m.get(), &ReaderManager::readFailed);
        m->start({QStringLiteral("sim")});
        place(*m, 0);
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.at(0).at(1).value<ReadError>(), ReadError::InconsistentData);
        QCOMPARE(read.size(), 0);
    }

    void unknownBackendIsReportedAndOthersStart()
    {
        auto m = makeManager({});
        QSignalSpy unavailable(m.get(), &ReaderManager::backendUnavailable);
        QSignalSpy added(m.get(), &ReaderManager::readerAdded);
        m->start({QStringLiteral("nosuch"), QStringLiteral("sim")});
        QCOMPARE(unavailable.size(), 1);
        QCOMPARE(unavailable.at(0).at(0).toString(), QStringLiteral("nosuch"));
        QVERIFY(added.wait(2000));
    }

    void stopIsIdempotentAndClearsSnapshots()
    {
        auto m = makeManager({});
        QSignalSpy added(m.get(), &ReaderManager::readerAdded);
        m->start({QStringLiteral("sim")});
        QVERIFY(added.wait(2000));
        m->stop();
        QVERIFY(!m->isRunning());
        QVERIFY(m->readers().isEmpty());
        m->stop();
        QVERIFY(!m->isRunning());
    }
};

QTEST_GUILESS_MAIN(TestReaderManager)
#include "tst_readermanager.moc"
