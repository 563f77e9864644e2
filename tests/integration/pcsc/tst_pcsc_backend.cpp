// PcscReaderBackend through a real ReaderManager, against a real private pcscd with vpcd
// reader slots and virtual ID-card readers (tests/emulators/vpcd_card.py).
#include "PcscEventLog.h"
#include "PcscTestRig.h"
#include "drivers/pcsc/PcscReaderBackend.h"
#include "drivers/reader/ReaderManager.h"

#include <QTest>

using namespace onewindow;
using namespace pcsctest;

namespace {

const QString kSam0 = QStringLiteral("OW SAM 00 00");
const QString kSam1 = QStringLiteral("OW SAM 00 01");
// One vpcd entry per pcscd: vpcd 0.8 keeps its slots in one table shared by all entries, so
// with several entries a card on one port shows up in another entry's reader (verified).
constexpr int kReaders = 2;

} // namespace

class TestPcscBackend : public QObject
{
    Q_OBJECT

    std::unique_ptr<PrivatePcscd> m_pcscd;
    std::unique_ptr<ReaderManager> m_manager;
    std::unique_ptr<EventLog> m_log;
    VirtualCard m_sam0, m_sam1;

    // Puts a card on, waits for the read (or failure), returns that event.
    std::optional<EventLog::Event> insertAndWait(VirtualCard& card, const QString& reader,
                                                 const QString& kind)
    {
        m_log->clear();
        if (!card.insert())
            return std::nullopt;
        return m_log->waitFor(kind, reader, 10000);
    }
    bool removeAndWait(VirtualCard& card, const QString& reader)
    {
        if (!card.remove())
            return false;
        return m_log->waitFor(QStringLiteral("removed"), reader, 10000).has_value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString skip = skipReason();
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        const int base = freePortBlock(2);
        QVERIFY2(base > 0, "no free TCP ports for vpcd");
        m_pcscd = std::make_unique<PrivatePcscd>();
        QString error;
        QVERIFY2(m_pcscd->start({{QStringLiteral("OW SAM"), base}}, &error), qPrintable(error));

        QVERIFY(m_sam0.start(base, {"--fixture", fixturePath("resident.hex")}));
        QVERIFY(m_sam1.start(base + 1,
                             {"--fixture", fixturePath("hmt_permit.hex"), "--serial", "1122334455667788"}));

        m_manager = std::make_unique<ReaderManager>();
        m_manager->registerBackend(QStringLiteral("pcsc"),
                                   [] { return std::make_unique<PcscReaderBackend>(testProfiles()); });
        m_manager->start({QStringLiteral("pcsc")});
        m_log = std::make_unique<EventLog>(*m_manager);
        QVERIFY2(QTest::qWaitFor([&] { return m_manager->readers().size() == kReaders; }, 10000),
                 qPrintable(m_log->summary()));
    }

    void cleanupTestCase()
    {
        // Everything down, also after a failure: backend first, then the cards, then pcscd.
        if (m_manager)
            m_manager->stop();
        m_log.reset();
        m_manager.reset();
        m_sam0.stop();
        m_sam1.stop();
        if (m_pcscd)
            m_pcscd->stop();
    }

    void readersReported()
    {
        QHash<QString, ReaderInfo> byName;
        for (const ReaderInfo& r : m_manager->readers())
            byName.insert(r.name, r);
        QCOMPARE(byName.size(), kReaders);
        QCOMPARE(byName[kSam0].backend, QStringLiteral("pcsc"));
        QCOMPARE(byName[kSam0].status, ReaderInfo::Status::Ready);
        QCOMPARE(byName[kSam0].capabilities, (QStringList{"identity", "photo", "chip_serial"}));
        QVERIFY(byName[kSam0].detail.contains(QStringLiteral("test-sam")));
        QCOMPARE(byName[kSam1].status, ReaderInfo::Status::Ready);
    }

    void insertReadRemoveReinsert()
    {
        auto read = insertAndWait(m_sam0, kSam0, QStringLiteral("read"));
        QVERIFY2(read, qPrintable(m_log->summary() + QStringLiteral(" | card: ") + m_sam0.output()));
        QVERIFY(m_log->find(QStringLiteral("present"), kSam0));
        QCOMPARE(compareIdentity(read->identity, fixtureIdentity("resident.hex")), QString());
        QVERIFY(read->identity.chipSerial.isEmpty()); // this card answers 6D 00 to 00 36: no serial, no error
        QCOMPARE(m_manager->readers().size(), kReaders);
        QVERIFY(removeAndWait(m_sam0, kSam0));

        auto again = insertAndWait(m_sam0, kSam0, QStringLiteral("read"));
        QVERIFY2(again, qPrintable(m_log->summary()));
        QCOMPARE(compareIdentity(again->identity, fixtureIdentity("resident.hex")), QString());
        QCOMPARE(m_log->count(QStringLiteral("failed")), 0);
        QVERIFY(removeAndWait(m_sam0, kSam0));
    }

    void documentTypes_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("type");
        QTest::newRow("resident") << "resident.hex" << int(DocumentType::Resident);
        QTest::newRow("hmt permit") << "hmt_permit.hex" << int(DocumentType::HmtPermit);
        QTest::newRow("foreign 2017") << "foreign_2017.hex" << int(DocumentType::Foreign2017);
        QTest::newRow("foreign 2023") << "foreign_2023.hex" << int(DocumentType::Foreign2023);
    }

    void documentTypes()
    {
        QFETCH(QString, fixture);
        QFETCH(int, type);
        QVERIFY(m_sam0.command(QStringLiteral("fixture ") + fixturePath(fixture)));
        auto read = insertAndWait(m_sam0, kSam0, QStringLiteral("read"));
        QVERIFY2(read, qPrintable(m_log->summary()));
        QCOMPARE(int(read->identity.documentType), type);
        QCOMPARE(compareIdentity(read->identity, fixtureIdentity(fixture)), QString());
        QVERIFY(removeAndWait(m_sam0, kSam0));
        QVERIFY(m_sam0.command(QStringLiteral("fixture ") + fixturePath("resident.hex")));
    }

    void appendedAddress()
    {
        QVERIFY(m_sam0.command(QStringLiteral("address 测试路2号3单元")));
        auto read = insertAndWait(m_sam0, kSam0, QStringLiteral("read"));
        QVERIFY(m_sam0.command(QStringLiteral("address -")));
        QVERIFY2(read, qPrintable(m_log->summary()));
        QCOMPARE(read->identity.appendedAddress, QStringLiteral("测试路2号3单元"));
        Identity expected = fixtureIdentity("resident.hex");
        expected.appendedAddress = QStringLiteral("测试路2号3单元");
        QCOMPARE(compareIdentity(read->identity, expected), QString());
        QVERIFY(removeAndWait(m_sam0, kSam0));
    }

    void removalMidRead()
    {
        // Text and the first photo chunk answered, then the card leaves.
        QVERIFY(m_sam0.command(QStringLiteral("remove-after 2")));
        auto failed = insertAndWait(m_sam0, kSam0, QStringLiteral("failed"));
        QVERIFY2(failed, qPrintable(m_log->summary()));
        QCOMPARE(failed->error, ReadError::CardMoved);
        QVERIFY(m_sam0.waitFor(QStringLiteral("pulled"), 1000));
        QVERIFY2(m_log->waitFor(QStringLiteral("removed"), kSam0, 5000), qPrintable(m_log->summary()));
        QCOMPARE(m_log->count(QStringLiteral("read")), 0); // nothing partial delivered
    }

    void statusWords_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("sw");
        QTest::addColumn<int>("error");
        QTest::newRow("unknown SW on text") << "FFB0000000"
                                            << "6400" << int(ReadError::ReaderFailure);
        QTest::newRow("unknown SW on photo") << "FFB0030000"
                                             << "6D00" << int(ReadError::ReaderFailure);
        QTest::newRow("6F00 read failed") << "FFB0020000"
                                          << "6F00" << int(ReadError::CardMoved);
        QTest::newRow("6985 SAM not ready") << "FFB0000000"
                                            << "6985" << int(ReadError::ReaderFailure);
    }

    void statusWords()
    {
        QFETCH(QString, command);
        QFETCH(QString, sw);
        QFETCH(int, error);
        QVERIFY(m_sam0.command(QStringLiteral("sw %1 %2").arg(command, sw)));
        auto failed = insertAndWait(m_sam0, kSam0, QStringLiteral("failed"));
        QVERIFY(m_sam0.command(QStringLiteral("sw clear")));
        QVERIFY2(failed, qPrintable(m_log->summary()));
        QCOMPARE(int(failed->error), error);
        QCOMPARE(m_log->count(QStringLiteral("read")), 0);
        QVERIFY(removeAndWait(m_sam0, kSam0));
        // The reader stays usable (a fixed profile is never dropped for a card's error).
        auto read = insertAndWait(m_sam0, kSam0, QStringLiteral("read"));
        QVERIFY2(read, qPrintable(m_log->summary()));
        QVERIFY(removeAndWait(m_sam0, kSam0));
    }

    void twoReadersAtOnce()
    {
        m_log->clear();
        QVERIFY(m_sam0.insert());
        QVERIFY(m_sam1.insert());
        auto a = m_log->waitFor(QStringLiteral("read"), kSam0, 10000);
        auto b = m_log->waitFor(QStringLiteral("read"), kSam1, 10000);
        QVERIFY2(a && b, qPrintable(m_log->summary()));
        QCOMPARE(compareIdentity(a->identity, fixtureIdentity("resident.hex")), QString());
        Identity permit = fixtureIdentity("hmt_permit.hex");
        permit.chipSerial = QByteArray::fromHex("1122334455667788"); // test-sam reads the serial too
        QCOMPARE(compareIdentity(b->identity, permit), QString());
        QVERIFY(m_sam0.remove());
        QVERIFY(m_sam1.remove());
        QVERIFY(m_log->waitFor(QStringLiteral("removed"), kSam0, 5000));
        QVERIFY(m_log->waitFor(QStringLiteral("removed"), kSam1, 5000));
    }
};

QTEST_GUILESS_MAIN(TestPcscBackend)
#include "tst_pcsc_backend.moc"
