// Benchmark, not a gate: insert → cardRead over ~20 reads with a virtual card that answers at
// once (DESIGN.md §13: kiosk overhead). Prints medians; asserts only that the reads happened.
// More rounds: ONEWINDOW_PCSC_ROUNDS=200 ctest -R tst_pcsc_latency -V
#include "PcscEventLog.h"
#include "PcscTestRig.h"
#include "drivers/pcsc/PcscReaderBackend.h"
#include "drivers/reader/ReaderManager.h"

#include <QTest>
#include <algorithm>

using namespace onewindow;
using namespace pcsctest;

namespace {

double percentile(QList<qint64> v, double p)
{
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return 0;
    const qsizetype i = qMin(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5));
    return double(v[i]);
}

} // namespace

class TestPcscLatency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertToCardRead()
    {
        const QString skip = skipReason();
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        const int rounds = qEnvironmentVariableIsSet("ONEWINDOW_PCSC_ROUNDS")
                               ? qEnvironmentVariableIntValue("ONEWINDOW_PCSC_ROUNDS")
                               : 20;
        const int base = freePortBlock(2);
        QVERIFY(base > 0);
        PrivatePcscd pcscd;
        QString error;
        QVERIFY2(pcscd.start({{QStringLiteral("OW SAM"), base}}, &error), qPrintable(error));
        VirtualCard card;
        QVERIFY(card.start(base, {"--fixture", fixturePath("resident.hex")}));
        ReaderManager manager;
        manager.registerBackend(QStringLiteral("pcsc"),
                                [] { return std::make_unique<PcscReaderBackend>(testProfiles()); });
        manager.start({QStringLiteral("pcsc")});
        EventLog log(manager);
        QVERIFY(QTest::qWaitFor([&] { return manager.readers().size() == 2; }, 10000));

        const QString reader = QStringLiteral("OW SAM 00 00");
        QList<qint64> insertToRead;  // card connects → cardRead on the GUI thread (incl. pcscd's poll)
        QList<qint64> presentToRead; // cardPresent → cardRead: the kiosk's own overhead
        for (int i = 0; i < rounds; ++i) {
            log.clear();
            const qint64 t0 = log.nowUs();
            QVERIFY(card.insert());
            auto read = log.waitFor(QStringLiteral("read"), reader, 10000);
            QVERIFY2(read, qPrintable(log.summary()));
            auto present = log.find(QStringLiteral("present"), reader);
            QVERIFY(present);
            insertToRead.append(read->atUs - t0);
            presentToRead.append(read->atUs - present->atUs);
            QVERIFY(card.remove());
            QVERIFY(log.waitFor(QStringLiteral("removed"), reader, 10000));
        }
        qInfo("PC/SC insert -> cardRead over %d reads: median %.1f ms, p95 %.1f ms "
              "(includes pcscd's 400 ms presence poll of vpcd)",
              rounds, percentile(insertToRead, 0.5) / 1000, percentile(insertToRead, 0.95) / 1000);
        qInfo("PC/SC cardPresent -> cardRead on the GUI thread (connect, 7 APDUs, decode, cross-check, "
              "two thread hops): median %.2f ms, p95 %.2f ms",
              percentile(presentToRead, 0.5) / 1000, percentile(presentToRead, 0.95) / 1000);
        manager.stop();
    }
};

QTEST_GUILESS_MAIN(TestPcscLatency)
#include "tst_pcsc_latency.moc"
