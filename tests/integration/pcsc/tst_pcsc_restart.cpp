// pcscd killed (SIGKILL) and restarted during a session: the reader is reported Failed, comes
// back, and a card is read again — through a real ReaderManager and a real pcscd. The reader
// matches no profile rule, so its first card also proves the generic-sam fallback.
#include "PcscEventLog.h"
#include "PcscTestRig.h"
#include "drivers/pcsc/PcscReaderBackend.h"
#include "drivers/reader/ReaderManager.h"

#include <QTest>

using namespace onewindow;
using namespace pcsctest;

class TestPcscRestart : public QObject
{
    Q_OBJECT

    std::unique_ptr<PrivatePcscd> m_pcscd;
    std::unique_ptr<ReaderManager> m_manager;
    std::unique_ptr<EventLog> m_log;
    VirtualCard m_card;
    const QString m_reader = QStringLiteral("OW Plain 00 00");

    ReaderInfo::Status status() const
    {
        for (const ReaderInfo& r : m_manager->readers()) {
            if (r.name == m_reader)
                return r.status;
        }
        return ReaderInfo::Status::Unsupported;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString skip = skipReason();
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        const int base = freePortBlock(2);
        QVERIFY(base > 0);
        m_pcscd = std::make_unique<PrivatePcscd>();
        QString error;
        QVERIFY2(m_pcscd->start({{QStringLiteral("OW Plain"), base}}, &error), qPrintable(error));
        QVERIFY(m_card.start(base, {"--fixture", fixturePath("resident.hex")}));
        m_manager = std::make_unique<ReaderManager>();
        m_manager->registerBackend(QStringLiteral("pcsc"), [] {
            auto backend = std::make_unique<PcscReaderBackend>(testProfiles());
            backend->setBackoff(100, 800); // keeps the test short; the default is 200 ms → 5 s
            return backend;
        });
        m_manager->start({QStringLiteral("pcsc")});
        m_log = std::make_unique<EventLog>(*m_manager);
        QVERIFY2(QTest::qWaitFor([&] { return m_manager->readers().size() == 2; }, 10000),
                 qPrintable(m_log->summary()));
    }

    void cleanupTestCase()
    {
        if (m_manager)
            m_manager->stop();
        m_log.reset();
        m_manager.reset();
        m_card.stop();
        if (m_pcscd)
            m_pcscd->stop();
    }

    void pcscdKilledAndRestarted()
    {
        QVERIFY(m_card.insert());
        auto read = m_log->waitFor(QStringLiteral("read"), m_reader, 10000);
        QVERIFY2(read, qPrintable(m_log->summary()));
        QCOMPARE(compareIdentity(read->identity, fixtureIdentity("resident.hex")), QString());
        QVERIFY(QTest::qWaitFor([&] {
            for (const ReaderInfo& r : m_manager->readers()) {
                if (r.name == m_reader)
                    return r.detail.contains(QStringLiteral("generic-sam (probed)"));
            }
            return false;
        }));
        m_log->clear();

        m_pcscd->kill();
        // The card on the reader cannot be vouched for any more, and the reader is down.
        QVERIFY2(m_log->waitFor(QStringLiteral("removed"), m_reader, 5000), qPrintable(m_log->summary()));
        QVERIFY2(QTest::qWaitFor([&] { return status() == ReaderInfo::Status::Failed; }, 5000),
                 qPrintable(m_log->summary()));
        QVERIFY(m_manager->readers().size() == 2); // Failed, not forgotten

        // Outage for a while (several backoff rounds), then pcscd is back.
        QTest::qWait(1000);
        QCOMPARE(status(), ReaderInfo::Status::Failed);
        QString error;
        QVERIFY2(m_pcscd->restart(&error), qPrintable(error));
        // The card stays inserted: the emulator reconnects to the new vpcd by itself.
        auto again = m_log->waitFor(QStringLiteral("read"), m_reader, 15000);
        QVERIFY2(again, qPrintable(m_log->summary()));
        QCOMPARE(compareIdentity(again->identity, fixtureIdentity("resident.hex")), QString());
        QVERIFY(m_log->find(QStringLiteral("changed"), m_reader));
        QCOMPARE(status(), ReaderInfo::Status::CardPresent);
        QCOMPARE(m_log->count(QStringLiteral("removed_reader")), 0);

        QVERIFY(m_card.remove());
        QVERIFY(m_log->waitFor(QStringLiteral("removed"), m_reader, 5000));
        QVERIFY(QTest::qWaitFor([&] { return status() == ReaderInfo::Status::Ready; }, 5000));
    }

    void stopIsPromptWhileWaiting()
    {
        // The monitor sits in SCardGetStatusChange(INFINITE): stop() must cancel it at once.
        QElapsedTimer clock;
        clock.start();
        m_manager->stop();
        qInfo("ReaderManager::stop() with the PC/SC monitor waiting: %lld ms", clock.elapsed());
        QVERIFY(!m_manager->isRunning());
    }
};

QTEST_GUILESS_MAIN(TestPcscRestart)
#include "tst_pcsc_restart.moc"
