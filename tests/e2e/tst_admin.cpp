// Admin mode end to end (issue 7): the real kiosk against the reference hub (mutual TLS). A
// resident applies first, so the kiosk holds personal data; then a technician opens admin mode
// with the corner taps and the shuffled PIN pad (PIN provisioned with onewindow-tool), forces a
// sync (the hub sees a new heartbeat), exports the diagnostics bundle, and the bundle, the
// state directory and everything the kiosk logged are scanned for the demo residents' personal
// data: zero hits.
#include "../integration/sync/SyncTestSupport.h"
#include "KioskProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace onewindow;

namespace {
const QString kPin = QStringLiteral("480715");

// Every personal value of the demo residents (resources/demo/identities.json) worth finding:
// names, ID and permit numbers, addresses.
QStringList personalValues()
{
    QFile f(QStringLiteral(ONEWINDOW_SOURCE_DIR_FALLBACK "/resources/demo/identities.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList values;
    for (const QJsonValue& v : QJsonDocument::fromJson(f.readAll())[QStringLiteral("identities")].toArray()) {
        for (const char* key : {"name", "english_name", "id_number", "address", "permit_number"}) {
            const QString s = v[QLatin1String(key)].toString();
            if (s.size() >= 2)
                values << s;
        }
    }
    return values;
}

// "value in file" for every hit; SQLite pages and tar members are scanned as raw bytes, so
// plain text anywhere (UTF-8 or UTF-16) counts.
QStringList hitsIn(const QByteArray& bytes, const QString& where, const QStringList& values)
{
    QStringList hits;
    for (const QString& v : values) {
        const QByteArray utf16(reinterpret_cast<const char*>(v.utf16()), v.size() * 2);
        if (bytes.contains(v.toUtf8()) || bytes.contains(utf16))
            hits << QStringLiteral("%1 in %2").arg(v, where);
    }
    return hits;
}
} // namespace

class TestAdminE2e : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    bool poll(const std::function<bool()>& done, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (done())
                return true;
            QTest::qWait(200);
        }
        return done();
    }

private Q_SLOTS:
    void technicianSyncsAndExportsWithoutPersonalData()
    {
        QVERIFY(m_dir.isValid());
        const QStringList values = personalValues();
        QVERIFY(values.size() >= 10);
        // The scanner itself finds plain text, in UTF-8 and in UTF-16.
        QCOMPARE(hitsIn(QByteArray("x") + values[0].toUtf8() + "y", QStringLiteral("probe"), values).size(),
                 1);
        const QByteArray utf16(reinterpret_cast<const char*>(values[1].utf16()), values[1].size() * 2);
        QCOMPARE(hitsIn(utf16, QStringLiteral("probe"), values).size(), 1);

        // Provision the PIN as a technician does: the tool, two lines on stdin.
        const QString pinFile = m_dir.filePath(QStringLiteral("admin-pin"));
        QProcess tool;
        tool.start(
            qEnvironmentVariable("ONEWINDOW_TOOL"),
            {QStringLiteral("admin"), QStringLiteral("set-pin"), QStringLiteral("--pin-file"), pinFile});
        QVERIFY(tool.waitForStarted());
        tool.write((kPin + QLatin1Char('\n') + kPin + QLatin1Char('\n')).toUtf8());
        tool.closeWriteChannel();
        QVERIFY(tool.waitForFinished(30000));
        QCOMPARE(tool.exitCode(), 0);

        testing::HubProcess hub;
        QString error;
        QVERIFY2(hub.start(&error), qPrintable(error));
        const QString usb = m_dir.filePath(QStringLiteral("usb"));
        QVERIFY(QDir().mkpath(usb));
        const QString config = m_dir.filePath(QStringLiteral("kiosk.conf"));
        {
            QFile conf(config);
            QVERIFY(conf.open(QIODevice::WriteOnly));
            conf.write(QStringLiteral(
                           "[sim]\nread_delay_ms=20\n[ui]\ndefault_language=zh_CN\n[speech]\nenabled=false\n"
                           "[hub]\nurl=%1\nkiosk_id=kiosk-test-01\nca=%2/ca.pem\ncert=%2/kiosk.pem\n"
                           "key=%2/kiosk.key\noutbox_poll_s=1\nheartbeat_interval_s=3600\n"
                           "[admin]\npin_file=%3\nexport_dir=%4\n")
                           .arg(hub.url(), hub.pkiDir, pinFile, usb)
                           .toUtf8());
        }
        const QString stateDir = m_dir.filePath(QStringLiteral("state"));
        Kiosk kiosk(stateDir, config);
        QVERIFY(kiosk.process.waitForStarted(5000));

        // A resident applies: personal data reaches memory, the outbox and the hub.
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap category_yibao")));
        QVERIFY(kiosk.run(QStringLiteral("tap item_1")));
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        QVERIFY(kiosk.run(QStringLiteral("tap field_copies/digit_2")));
        QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        // The receipt outlives the lifted card (issue 19.5); 结束办理 ends the session.
        QVERIFY(kiosk.run(QStringLiteral("remove")));
        QVERIFY(kiosk.run(QStringLiteral("tap finishButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state attract")));

        // Into admin mode: five corner taps, the PIN on the shuffled pad (by digit, wherever
        // the pad put it).
        for (int i = 0; i < 5; ++i)
            QVERIFY(kiosk.run(QStringLiteral("tap adminCorner")));
        QTest::qWait(500); // the pad is laid out on the next frame
        for (QChar c : kPin)
            QVERIFY(kiosk.run(QStringLiteral("tap pinDigit") + c));
        QVERIFY(kiosk.run(QStringLiteral("tap pinSubmit")));
        // The pages exist only once the PIN was accepted (scrypt runs off the GUI thread).
        QVERIFY2(poll([&] { return kiosk.run(QStringLiteral("tap adminTab_sync")); }, 15000),
                 qPrintable(kiosk.out.join(QLatin1Char('|'))));
        // While admin mode is open a card starts no resident session.
        QVERIFY(kiosk.run(QStringLiteral("place 1")));
        QVERIFY(kiosk.run(QStringLiteral("state"), QStringLiteral("state attract")));
        QVERIFY(kiosk.run(QStringLiteral("remove")));

        // The sync page reads the client certificate's expiry (off the GUI thread); the session
        // is in zh_CN, so "valid until" reads 有效期至.
        QVERIFY2(poll(
                     [&] {
                         return !kiosk.ask(QStringLiteral("find 有效期至"), QStringLiteral("found "))
                                     .startsWith(QLatin1String("found 0"));
                     },
                     10000),
                 "no certificate expiry on the sync page");
        // Sync now: the hub sees a heartbeat it would otherwise wait an hour for.
        const int before = hub.counters()[QStringLiteral("heartbeats")].toInt();
        QVERIFY(kiosk.run(QStringLiteral("tap syncNowButton")));
        QVERIFY2(poll([&] { return hub.counters()[QStringLiteral("heartbeats")].toInt() > before; }, 20000),
                 "no heartbeat after sync now");
        const QJsonObject heartbeat = hub.counters()[QStringLiteral("last_heartbeat")].toObject();
        QVERIFY(heartbeat.contains(QStringLiteral("queue")));

        // The diagnostics bundle, to the configured export directory.
        QVERIFY(kiosk.run(QStringLiteral("tap adminTab_logs")));
        QVERIFY(kiosk.run(QStringLiteral("tap exportTarget_0")));
        QString bundlePath;
        QVERIFY2(poll(
                     [&] {
                         const QStringList files =
                             QDir(usb).entryList({QStringLiteral("onewindow-diag-*")}, QDir::Files);
                         if (files.isEmpty())
                             return false;
                         bundlePath = QDir(usb).filePath(files.constFirst());
                         return true;
                     },
                     20000),
                 "no diagnostics bundle written");
        QFile bundle(bundlePath);
        QVERIFY(bundle.open(QIODevice::ReadOnly));
        const QByteArray bundleBytes = bundle.readAll();
        // A tar of the promised members (names in the ustar headers).
        for (const char* member : {"diagnostics.json", "recent.log", "kiosk.conf", "audit-verify.json"})
            QVERIFY2(bundleBytes.contains(member), member);
        QVERIFY(kiosk.run(QStringLiteral("tap adminLogout")));
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(15000));
        const QByteArray logged =
            kiosk.process.readAllStandardError() + kiosk.out.join(QLatin1Char('\n')).toUtf8();

        // Zero personal data: in the bundle, in every file of the state directory (databases
        // included), and in everything the kiosk printed.
        QStringList hits = hitsIn(bundleBytes, bundlePath, values);
        int scanned = 1;
        QDirIterator it(stateDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            hits += hitsIn(f.readAll(), f.fileName(), values);
            ++scanned;
        }
        hits += hitsIn(logged, QStringLiteral("the kiosk's output"), values);
        qInfo("scanned %d files and %lld bytes of output for %lld personal values: %lld hits", scanned,
              qint64(logged.size()), qint64(values.size()), qint64(hits.size()));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1String("; "))));
        QVERIFY(scanned >= 4); // the bundle and at least the three databases
    }
};

QTEST_GUILESS_MAIN(TestAdminE2e)
#include "tst_admin.moc"
