// onewindow-tool readers / read-card against all three real stacks at once: a private pcscd
// with a vpcd virtual ID-card reader, a SAM emulator on a pty (serial), and real libnfc with a
// PN532 emulator on a pty. The tool is the real binary; it finds the backends as a technician's
// shell would (no configuration file: PC/SC on, libnfc from LIBNFC_DEVICE, --serial PATH).
#include "../nfc/Pn532Emulator.h"
#include "../pcsc/PcscTestRig.h"
#include "../serial/SerialRig.h"
#include "../sync/SyncTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace pcsctest;

namespace {
const QString kPcscReader = QStringLiteral("OW SAM 00 00");
const QString kResidentNumber = QStringLiteral("110105199003079986"); // tests/fixtures/idcard/resident.hex
const QString kResidentName = QStringLiteral("测试·样例");

struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};
} // namespace

class TestToolReaders : public QObject
{
    Q_OBJECT
    std::unique_ptr<PrivatePcscd> m_pcscd;
    VirtualCard m_card;
    serialtest::SamEmulator m_sam;
    std::unique_ptr<Pn532Emulator> m_pn532;
    QTemporaryDir m_dir;
    QString m_samLink;

    ToolRun tool(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("ONEWINDOW_CONFIG"));
        env.insert(QStringLiteral("LIBNFC_DEVICE"), m_pn532->connstring());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ONEWINDOW_TOOL_PATH), args);
        ToolRun run;
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
        }
        run.exitCode = p.exitCode();
        run.out = p.readAllStandardOutput();
        run.err = p.readAllStandardError();
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString skip = skipReason();
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY(QFile::exists(QStringLiteral(ONEWINDOW_TOOL_PATH)));
        const int base = freePortBlock(2);
        QVERIFY(base > 0);
        m_pcscd = std::make_unique<PrivatePcscd>(); // also points our children at its socket
        QString error;
        QVERIFY2(m_pcscd->start({{QStringLiteral("OW SAM"), base}}, &error), qPrintable(error));
        QVERIFY(m_card.start(base, {"--fixture", fixturePath(QStringLiteral("resident.hex"))}));
        m_samLink = m_dir.filePath(QStringLiteral("sam"));
        QVERIFY(m_sam.start(m_samLink));
        m_pn532 = std::make_unique<Pn532Emulator>();
        QVERIFY(m_pn532->isReady());
    }

    void cleanupTestCase()
    {
        m_pn532.reset();
        m_sam.quit();
        m_card.stop();
        if (m_pcscd)
            m_pcscd->stop();
    }

    void readersListsAllThreeStacks()
    {
        const ToolRun run =
            tool({QStringLiteral("readers"), QStringLiteral("--json"), QStringLiteral("--serial"), m_samLink,
                  QStringLiteral("--timeout"), QStringLiteral("8")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QMap<QString, QString> backendOf;
        for (const QJsonValue& v : run.json().value(QStringLiteral("readers")).toArray()) {
            const QJsonObject r = v.toObject();
            backendOf.insert(r.value(QStringLiteral("name")).toString(),
                             r.value(QStringLiteral("backend")).toString());
        }
        QCOMPARE(backendOf.value(kPcscReader), QStringLiteral("pcsc"));
        QCOMPARE(backendOf.value(onewindow::SerialSamPort::readerNameFor(m_samLink)),
                 QStringLiteral("serial"));
        QCOMPARE(backendOf.value(QStringLiteral("NFC ") + m_pn532->connstring()), QStringLiteral("nfc"));
    }

    void readCardThroughPcsc()
    {
        QVERIFY(m_card.insert());
        QVERIFY(m_card.waitFor(QStringLiteral("connected")));
        QTest::qWait(800);
        const ToolRun run =
            tool({QStringLiteral("read-card"), QStringLiteral("--reader"), QStringLiteral("OW SAM 00 0"),
                  QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("10")});
        QVERIFY(m_card.remove());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("reader")).toString(), kPcscReader);
        QCOMPARE(o.value(QStringLiteral("backend")).toString(), QStringLiteral("pcsc"));
        QCOMPARE(o.value(QStringLiteral("document_type")).toString(), QStringLiteral("resident"));
        QCOMPARE(o.value(QStringLiteral("id_number")).toString(), QStringLiteral("110***********9986"));
        QVERIFY(o.value(QStringLiteral("timings_ms")).toObject().contains(QStringLiteral("start_to_done")));
        QVERIFY(!run.out.contains(kResidentNumber.toUtf8()));
        QVERIFY(!run.out.contains(kResidentName.toUtf8()));
        QVERIFY(!run.err.contains(kResidentNumber.toUtf8()));
    }

    void readCardThroughSerial()
    {
        QVERIFY(m_sam.command(QStringLiteral("place resident")).startsWith(QLatin1String("ok")));
        const ToolRun run =
            tool({QStringLiteral("read-card"), QStringLiteral("--serial"), m_samLink,
                  QStringLiteral("--reader"), QStringLiteral("Serial SAM"), QStringLiteral("--json"),
                  QStringLiteral("--timeout"), QStringLiteral("10")});
        m_sam.command(QStringLiteral("remove"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("backend")).toString(), QStringLiteral("serial"));
        QCOMPARE(o.value(QStringLiteral("id_number")).toString(), QStringLiteral("110***********9986"));
        QVERIFY(!run.out.contains(kResidentNumber.toUtf8()));
    }

    void readCardThroughNfcGivesTheChipSerial()
    {
        // Without a remote SAM relay an NFC radio identifies the chip, not the person.
        QVERIFY(m_pn532->ok("place"));
        const ToolRun run =
            tool({QStringLiteral("read-card"), QStringLiteral("--reader"), QStringLiteral("NFC"),
                  QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("10")});
        m_pn532->ok("remove");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("backend")).toString(), QStringLiteral("nfc"));
        QVERIFY(o.value(QStringLiteral("document_type")).isNull());
        QCOMPARE(o.value(QStringLiteral("chip_serial")).toString(), QStringLiteral("010*********0708"));
    }

    void readCardThroughNfcWithTheHubRelay_data()
    {
        QTest::addColumn<bool>("eid");
        QTest::newRow("hub offers the remote SAM") << true;
        QTest::newRow("hub answers 501") << false;
    }
    void readCardThroughNfcWithTheHubRelay()
    {
        QFETCH(bool, eid);
        // Cloud decoding: the NFC reader relays the card's APDUs to the reference hub's remote
        // SAM over mutual TLS, and the identity comes back as a text block.
        onewindow::testing::HubProcess hub;
        QString error;
        QVERIFY2(hub.start(&error, eid ? QStringList{QStringLiteral("--eid")} : QStringList{}),
                 qPrintable(error));
        const onewindow::sync::HubConfig h = hub.config();
        const QString conf = m_dir.filePath(QStringLiteral("relay.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[readers]\nbackends=nfc\n[nfc]\ndevice=%1\nrelay=hub\n"
                               "[hub]\nurl=%2\nkiosk_id=%3\nca=%4\ncert=%5\nkey=%6\n")
                    .arg(m_pn532->connstring(), h.url, h.kioskId, h.caFile, h.certFile, h.keyFile)
                    .toUtf8());
        f.close();
        QVERIFY(m_pn532->ok("place"));
        const ToolRun run =
            tool({QStringLiteral("--config"), conf, QStringLiteral("read-card"), QStringLiteral("--json"),
                  QStringLiteral("--timeout"), QStringLiteral("10")});
        m_pn532->ok("remove");
        if (!eid) {
            // No remote SAM: a clear failure, not a hang and not a half identity.
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains("read failed: reader_failure"), run.err.constData());
            return;
        }
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("backend")).toString(), QStringLiteral("nfc"));
        QCOMPARE(o.value(QStringLiteral("document_type")).toString(), QStringLiteral("resident"));
        QCOMPARE(o.value(QStringLiteral("id_number")).toString(), QStringLiteral("110***********9986"));
        QCOMPARE(o.value(QStringLiteral("chip_serial")).toString(), QStringLiteral("010*********0708"));
        QVERIFY(!run.out.contains(kResidentNumber.toUtf8()));
    }

    void revealShowsTheNumber()
    {
        // The card was lifted by the previous test: let pcscd see it come back (it polls vpcd
        // about every 400 ms) before the tool starts, or the tool meets a card mid-insertion.
        QVERIFY(m_card.insert());
        QVERIFY(m_card.waitFor(QStringLiteral("connected")));
        QTest::qWait(800);
        const ToolRun run = tool({QStringLiteral("read-card"), QStringLiteral("--reader"), kPcscReader,
                                  QStringLiteral("--json"), QStringLiteral("--reveal")});
        QVERIFY(m_card.remove());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("id_number")).toString(), kResidentNumber);
    }

    void noCardIsANegativeResult()
    {
        QTest::qWait(800); // pcscd notices the card lifted by the previous test (400 ms polls)
        const ToolRun run = tool({QStringLiteral("read-card"), QStringLiteral("--reader"), kPcscReader,
                                  QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no card"), run.err.constData());
    }

    void unknownReaderIsAUsageError()
    {
        const ToolRun run = tool({QStringLiteral("read-card"), QStringLiteral("--reader"),
                                  QStringLiteral("Nope"), QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("no reader matches"));
    }
};

QTEST_GUILESS_MAIN(TestToolReaders)
#include "tst_tool_readers.moc"
