// Reader profiles at work in PcscReaderBackend against a real private pcscd: a chip-serial-only
// reader, the field-convention map chosen by ATR, and an unmatched reader probed with the
// fallbacks (nothing fits → Unsupported; chip-serial-only fits → it sticks).
#include "PcscEventLog.h"
#include "PcscTestRig.h"
#include "drivers/pcsc/PcscReaderBackend.h"
#include "drivers/reader/ReaderManager.h"

#include <QTest>

using namespace onewindow;
using namespace pcsctest;

namespace {

const QString kContactless = QStringLiteral("OW Mixed 00 00"); // test-contactless by name
const QString kUnmatched = QStringLiteral("OW Mixed 00 01");   // no rule matches its name

} // namespace

class TestPcscProfiles : public QObject
{
    Q_OBJECT

    std::unique_ptr<PrivatePcscd> m_pcscd;
    std::unique_ptr<ReaderManager> m_manager;
    std::unique_ptr<EventLog> m_log;
    VirtualCard m_card0, m_card1;
    int m_base = 0;

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
        return card.remove() && m_log->waitFor(QStringLiteral("removed"), reader, 10000).has_value();
    }
    ReaderInfo info(const QString& reader) const
    {
        for (const ReaderInfo& r : m_manager->readers()) {
            if (r.name == reader)
                return r;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString skip = skipReason();
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        m_base = freePortBlock(2);
        QVERIFY2(m_base > 0, "no free TCP ports for vpcd");
        m_pcscd = std::make_unique<PrivatePcscd>();
        QString error;
        QVERIFY2(m_pcscd->start({{QStringLiteral("OW Mixed"), m_base}}, &error), qPrintable(error));
        m_manager = std::make_unique<ReaderManager>();
        m_manager->registerBackend(QStringLiteral("pcsc"),
                                   [] { return std::make_unique<PcscReaderBackend>(testProfiles()); });
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
        m_card0.stop();
        m_card1.stop();
        if (m_pcscd)
            m_pcscd->stop();
    }

    void readersBeforeAnyCard()
    {
        QCOMPARE(info(kContactless).capabilities, QStringList{"chip_serial"});
        QVERIFY(info(kContactless).detail.contains(QStringLiteral("test-contactless")));
        QVERIFY(info(kUnmatched).capabilities.isEmpty()); // decided by the first card
        QCOMPARE(info(kUnmatched).status, ReaderInfo::Status::Ready);
    }

    void chipSerialOnlyReader()
    {
        QVERIFY(m_card0.start(m_base, {"--profile", "chip-serial-only", "--serial", "A1A2A3A4A5A6A7A8"}));
        auto serial = insertAndWait(m_card0, kContactless, QStringLiteral("serial"));
        QVERIFY2(serial, qPrintable(m_log->summary()));
        QCOMPARE(serial->serial, QByteArray::fromHex("A1A2A3A4A5A6A7A8"));
        QVERIFY(m_log->find(QStringLiteral("present"), kContactless));
        QVERIFY(removeAndWait(m_card0, kContactless));
        // The documented choice: a serial-only reader delivers no identity and no failure.
        QCOMPARE(m_log->count(QStringLiteral("read"), kContactless), 0);
        QCOMPARE(m_log->count(QStringLiteral("failed"), kContactless), 0);
    }

    void fieldConventionByAtr()
    {
        // No name rule: the card's ATR ("90 00" at bytes 13..14) selects test-field.
        QVERIFY(m_card1.start(m_base + 1, {"--profile", "field-convention", "--atr", fieldAtr(), "--fixture",
                                           fixturePath("hmt_permit.hex")}));
        auto read = insertAndWait(m_card1, kUnmatched, QStringLiteral("read"));
        QVERIFY2(read, qPrintable(m_log->summary()));
        QCOMPARE(compareIdentity(read->identity, fixtureIdentity("hmt_permit.hex")), QString());
        QVERIFY(removeAndWait(m_card1, kUnmatched));
        QVERIFY(info(kUnmatched).capabilities.isEmpty()); // an ATR match is per card, not per reader
    }

    void nothingFitsIsUnsupported()
    {
        // A contactless card that is no ID card: 6E 00 to generic-sam, 6D 00 to the serial.
        QVERIFY(m_card1.start(m_base + 1, {"--profile", "chip-serial-only", "--sw", "0036000008=6D00"}));
        auto failed = insertAndWait(m_card1, kUnmatched, QStringLiteral("failed"));
        QVERIFY2(failed, qPrintable(m_log->summary()));
        QCOMPARE(failed->error, ReadError::UnsupportedDocument);
        QVERIFY(QTest::qWaitFor([&] { return info(kUnmatched).status == ReaderInfo::Status::Unsupported; }));
        QVERIFY(removeAndWait(m_card1, kUnmatched));
        QCOMPARE(info(kUnmatched).status, ReaderInfo::Status::Unsupported); // stays, for diagnostics
        QVERIFY(info(kUnmatched).detail.contains(QStringLiteral("unsupported")));
    }

    void probingFindsChipSerialOnly()
    {
        // generic-sam's text command gets 6E 00 from a contactless reader: chip-serial-only fits
        // and sticks to the reader, which is no longer Unsupported.
        QVERIFY(m_card1.start(m_base + 1, {"--profile", "chip-serial-only", "--serial", "B1B2B3B4B5B6B7B8"}));
        auto serial = insertAndWait(m_card1, kUnmatched, QStringLiteral("serial"));
        QVERIFY2(serial, qPrintable(m_log->summary()));
        QCOMPARE(serial->serial, QByteArray::fromHex("B1B2B3B4B5B6B7B8"));
        QVERIFY(removeAndWait(m_card1, kUnmatched));
        QCOMPARE(info(kUnmatched).capabilities, QStringList{"chip_serial"});
        QCOMPARE(info(kUnmatched).status, ReaderInfo::Status::Ready);
        QVERIFY(info(kUnmatched).detail.contains(QStringLiteral("chip-serial-only (probed)")));
        // The next card goes straight to the serial: one APDU.
        const int before = m_card1.apduCount();
        QVERIFY(before > 0);
        auto again = insertAndWait(m_card1, kUnmatched, QStringLiteral("serial"));
        QVERIFY2(again, qPrintable(m_log->summary()));
        QVERIFY(removeAndWait(m_card1, kUnmatched));
        QCOMPARE(m_card1.apduCount() - before, 1);
    }
};

QTEST_GUILESS_MAIN(TestPcscProfiles)
#include "tst_pcsc_profiles.moc"
