// No identity left in the kiosk's memory after a session (issue 16, finding 2; DESIGN.md §10).
// The real kiosk binary goes through a resident's journey with each reader backend on its real
// stack: the simulated reader, PC/SC (private pcscd + vpcd virtual card), the serial SAM on a
// pty, and NFC (real libnfc, PN532 emulator on a pty) decoded by the reference hub's remote SAM
// over mutual TLS. The form is the pension check (养老保险待遇领取资格认证): name, ID number and
// birth date from the card, and a phone number typed on the digit pad. At the review screen a
// scan of the kiosk's whole readable memory must find the identity (the scanner works), and
// back at the attract screen it must find none of it, in UTF-8 or UTF-16LE, freed memory
// included. tests/e2e/MemoryScan.h reads the memory from outside, as root.
#include "../integration/nfc/Pn532Emulator.h"
#include "../integration/pcsc/PcscTestRig.h"
#include "../integration/serial/SerialRig.h"
#include "../integration/sync/SyncTestSupport.h"
#include "KioskProcess.h"
#include "MemoryScan.h"
#include "drivers/idcard/TextBlock.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

namespace {

const QString kPhone = QStringLiteral("13987654321"); // typed on the digit pad

// A resident only this test knows, for the simulated reader (its file is read at start).
const QJsonObject kSimResident{{QStringLiteral("label"), QStringLiteral("memory")},
                               {QStringLiteral("document_type"), QStringLiteral("resident")},
                               {QStringLiteral("name"), QStringLiteral("韩内存")},
                               {QStringLiteral("sex_code"), QStringLiteral("2")}, // the even 17th digit
                               {QStringLiteral("ethnicity_code"), QStringLiteral("01")},
                               {QStringLiteral("birth_date"), QStringLiteral("19720915")},
                               {QStringLiteral("address"), QStringLiteral("北京市朝阳区残留测试路7号院")},
                               {QStringLiteral("id_number"), QStringLiteral("110105197209150048")},
                               {QStringLiteral("issuer"), QStringLiteral("北京市公安局朝阳分局")},
                               {QStringLiteral("valid_from"), QStringLiteral("20160301")},
                               {QStringLiteral("valid_until"), QStringLiteral("长期")}};

// What must not survive the session: the card's values (the birth date in both the card's
// compact form and the ISO form the form shows) and what the resident typed.
QList<std::pair<QString, QString>> secretsOf(const QString& name, const QString& idNumber,
                                             const QString& address, QDate birth)
{
    return {{QStringLiteral("id_number"), idNumber},
            {QStringLiteral("name"), name},
            {QStringLiteral("address"), address},
            {QStringLiteral("birth_compact"), birth.toString(QStringLiteral("yyyyMMdd"))},
            {QStringLiteral("birth_iso"), birth.toString(Qt::ISODate)},
            {QStringLiteral("phone"), kPhone}};
}

// tests/fixtures/idcard/resident.hex: what the virtual card, the SAM emulator and the hub's
// remote SAM carry.
QList<std::pair<QString, QString>> fixtureSecrets()
{
    QFile f(serialtest::sourceDir() + QStringLiteral("/tests/fixtures/idcard/resident.hex"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto decoded = onewindow::decodeTextBlock(QByteArray::fromHex(f.readAll().simplified().replace(' ', "")));
    if (!decoded)
        return {};
    const onewindow::Identity& id = decoded.value();
    return secretsOf(id.name, id.idNumber, id.address, id.birthDate);
}

QString describe(const memscan::Result& r)
{
    QStringList lines;
    for (const memscan::Hit& h : r.hits)
        lines << QStringLiteral("%1 at 0x%2 in %3").arg(h.label).arg(h.address, 0, 16).arg(h.region);
    return lines.join(QLatin1Char('\n'));
}

// "id_number=2 birth_iso=1 …" over both encodings.
QString counts(const memscan::Result& r, const QList<std::pair<QString, QString>>& secrets)
{
    QStringList parts;
    for (const auto& s : secrets)
        parts << QStringLiteral("%1=%2").arg(s.first).arg(r.count(s.first + QLatin1Char(' ')));
    return parts.join(QLatin1Char(' '));
}

struct Rig
{
    std::function<bool()> place;
    std::function<bool()> remove;
};

} // namespace

class TestMemoryResidue : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QStringList m_summary;

    QString writeConfig(const QString& name, const QString& text)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".conf"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(QStringLiteral("[ui]\ndefault_language=zh_CN\n[speech]\nenabled=false\n").toUtf8() +
                text.toUtf8());
        return path;
    }

    // One resident's journey on `kiosk`, with scans at the review screen and after the wipe.
    // `baseline`: copies that exist before any session (the simulated card itself) and so are
    // not the session's.
    void journey(const QString& backend, Kiosk& kiosk, const Rig& rig,
                 const QList<std::pair<QString, QString>>& secrets)
    {
        QVERIFY(kiosk.process.waitForStarted(5000));
        // What the kiosk logged (redacted), when a step fails.
        const auto dumpLog = qScopeGuard([&kiosk] {
            if (QTest::currentTestFailed())
                qWarning("kiosk stderr:\n%s", kiosk.process.readAllStandardError().constData());
        });
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen attractScreen")));
        const qint64 pid = kiosk.process.processId();
        const QList<memscan::Needle> needles = memscan::needles(secrets);
        const memscan::Result baseline = memscan::scan(pid, needles);
        QVERIFY2(baseline.error.isEmpty(), qPrintable(baseline.error));
        QSet<QString> before;
        for (const memscan::Hit& h : baseline.hits)
            before.insert(h.label + QString::number(h.address));

        QVERIFY(rig.place());
        QVERIFY(kiosk.expect(QStringLiteral("state identified"), 20000));
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap category_shebao")));
        QVERIFY(kiosk.run(QStringLiteral("tap item_1"))); // 养老保险待遇领取资格认证
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        if (kiosk.ask(QStringLiteral("screen"), QStringLiteral("screen ")) ==
            QLatin1String("screen consentScreen")) {
            QVERIFY(kiosk.run(QStringLiteral("tap acceptButton")));
            QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        }
        QVERIFY(kiosk.run(QStringLiteral("state"), QStringLiteral("state filling_form")));
        for (const QChar d : kPhone)
            QVERIFY(kiosk.run(QStringLiteral("tap field_phone/digit_") + d));
        QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state reviewing")));

        // The scanner works: during the session it finds the resident and the typed number.
        const memscan::Result during = memscan::scan(pid, needles);
        QVERIFY2(during.error.isEmpty(), qPrintable(during.error));
        QVERIFY2(during.count(QStringLiteral("id_number ")) > 0, qPrintable(counts(during, secrets)));
        QVERIFY2(during.count(QStringLiteral("name ")) > 0, qPrintable(counts(during, secrets)));
        QVERIFY2(during.count(QStringLiteral("phone ")) > 0, qPrintable(counts(during, secrets)));

        QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        QVERIFY(rig.remove());
        // The receipt outlives the lifted card (issue 19.5); 结束办理 ends the session.
        QVERIFY(kiosk.run(QStringLiteral("tap finishButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state attract"), 20000));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen attractScreen")));

        const memscan::Result after = memscan::scan(pid, needles);
        QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
        memscan::Result fresh; // copies the session made
        for (const memscan::Hit& h : after.hits) {
            if (!before.contains(h.label + QString::number(h.address)))
                fresh.hits << h;
        }
        const QString line =
            QStringLiteral("MEMSCAN %1: during session %2 hits (%3); after the wipe %4 new hits (%5); "
                           "before the session %6 (%7 MB in %8 regions scanned)")
                .arg(backend)
                .arg(during.hits.size())
                .arg(counts(during, secrets))
                .arg(fresh.hits.size())
                .arg(counts(fresh, secrets))
                .arg(baseline.hits.size())
                .arg(after.bytesScanned >> 20)
                .arg(after.regions);
        m_summary << line;
        std::printf("%s\n", qPrintable(line));
        // ONEWINDOW_MEMSCAN_CONTEXT=1: what surrounds each copy (to find the code that made it).
        if (qEnvironmentVariableIsSet("ONEWINDOW_MEMSCAN_CONTEXT")) {
            for (const memscan::Hit& h : fresh.hits) {
                const QByteArray around = memscan::peek(pid, h.address - 160, 320);
                QByteArray text = around;
                for (char& c : text)
                    c = (c >= 0x20 && c < 0x7f) ? c : '.';
                std::printf("%s at 0x%llx:\n%s\n%s\n", qPrintable(h.label), (unsigned long long)h.address,
                            around.toHex(' ').constData(), text.constData());
            }
        }
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(15000));
        QVERIFY2(fresh.hits.isEmpty(), qPrintable(describe(fresh)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("reading the non-dumpable kiosk's memory needs CAP_SYS_PTRACE: run as root (CI does)");
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(qEnvironmentVariable("ONEWINDOW_KIOSK")));
    }

    void cleanupTestCase()
    {
        for (const QString& line : m_summary)
            std::printf("%s\n", qPrintable(line));
    }

    void simulatedReader()
    {
        const QString identities = m_dir.filePath(QStringLiteral("identities.json"));
        QFile f(identities);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QJsonDocument(QJsonObject{{QStringLiteral("identities"), QJsonArray{kSimResident}}}).toJson());
        f.close();
        const QString config = writeConfig(QStringLiteral("sim"), QStringLiteral("[sim]\nread_delay_ms=20\n"
                                                                                 "identities=%1\n")
                                                                      .arg(identities));
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-sim")), config);
        Rig rig{[&] { return kiosk.run(QStringLiteral("place 0")); },
                [&] {
                    return kiosk.run(QStringLiteral("remove"));
                }};
        // The simulated card is in the kiosk's memory by construction (it is the card): its
        // copies exist before the session and are not counted.
        journey(QStringLiteral("sim"), kiosk, rig,
                secretsOf(kSimResident[QStringLiteral("name")].toString(),
                          kSimResident[QStringLiteral("id_number")].toString(),
                          kSimResident[QStringLiteral("address")].toString(), QDate(1972, 9, 15)));
    }

    void pcscReader()
    {
        const QString skip = pcsctest::skipReason();
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        const int base = pcsctest::freePortBlock(2);
        QVERIFY(base > 0);
        pcsctest::PrivatePcscd pcscd; // points the kiosk (our child) at its socket
        QString error;
        QVERIFY2(pcscd.start({{QStringLiteral("OW SAM"), base}}, &error), qPrintable(error));
        pcsctest::VirtualCard card;
        QVERIFY(card.start(base, {"--fixture", pcsctest::fixturePath(QStringLiteral("resident.hex"))}));
        const QString config =
            writeConfig(QStringLiteral("pcsc"), QStringLiteral("[readers]\nbackends=pcsc\n"));
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-pcsc")), config, {}, Kiosk::RealReaders);
        Rig rig{[&] { return card.insert(); },
                [&] {
                    return card.remove();
                }};
        journey(QStringLiteral("pcsc"), kiosk, rig, fixtureSecrets());
    }

    void serialSam()
    {
        serialtest::SamEmulator sam;
        const QString link = m_dir.filePath(QStringLiteral("sam"));
        QVERIFY(sam.start(link));
        const QString config =
            writeConfig(QStringLiteral("serial"),
                        QStringLiteral("[readers]\nbackends=serial\n[serial]\nports=%1\n").arg(link));
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-serial")), config, {}, Kiosk::RealReaders);
        Rig rig{[&] { return sam.command(QStringLiteral("place resident")).startsWith(QLatin1String("ok")); },
                [&] {
                    return sam.command(QStringLiteral("remove")).startsWith(QLatin1String("ok"));
                }};
        journey(QStringLiteral("serial"), kiosk, rig, fixtureSecrets());
    }

    void nfcWithHubRelay()
    {
        onewindow::testing::HubProcess hub;
        QString error;
        QVERIFY2(hub.start(&error, {QStringLiteral("--eid")}), qPrintable(error));
        Pn532Emulator pn532;
        QVERIFY(pn532.isReady());
        const onewindow::sync::HubConfig h = hub.config();
        const QString config = writeConfig(
            QStringLiteral("nfc"),
            QStringLiteral("[readers]\nbackends=nfc\n[nfc]\ndevice=%1\nrelay=hub\n"
                           "[hub]\nurl=%2\nkiosk_id=%3\nca=%4\ncert=%5\nkey=%6\nheartbeat_interval_s=3600\n")
                .arg(pn532.connstring(), h.url, h.kioskId, h.caFile, h.certFile, h.keyFile));
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-nfc")), config, {}, Kiosk::RealReaders);
        Rig rig{[&] { return pn532.ok("place"); },
                [&] {
                    return pn532.ok("remove");
                }};
        journey(QStringLiteral("nfc-relay"), kiosk, rig, fixtureSecrets());
    }
};

QTEST_GUILESS_MAIN(TestMemoryResidue)
#include "tst_memory.moc"
