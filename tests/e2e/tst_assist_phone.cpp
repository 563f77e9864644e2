// Issue 19 items 6 and 8 with the real kiosk, driven by taps through the window (DemoConsole
// "tap": mouse press/release through QtGui's input path) against the reference hub over mutual
// TLS: 人工帮办 reaches the hub and the hall call command, and its answer is on screen; a Hong
// Kong permit holder types a Hong Kong number on the digit pad and it is accepted.
#include "../integration/sync/SyncTestSupport.h"
#include "KioskProcess.h"

#include <QFile>
#include <QTest>

using namespace onewindow;

class TestAssistPhone : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testing::HubProcess m_hub;
    QString m_callLog;

    QString writeConfig(const QString& name)
    {
        const QString script = m_dir.filePath(QStringLiteral("hall-call.sh"));
        QFile s(script);
        if (!s.open(QIODevice::WriteOnly))
            return {};
        s.write(
            QStringLiteral("#!/bin/sh\nprintf '%s|' \"$@\" >> '%1'\necho >> '%1'\n").arg(m_callLog).toUtf8());
        s.close();
        s.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString config = m_dir.filePath(name);
        QFile conf(config);
        if (!conf.open(QIODevice::WriteOnly))
            return {};
        conf.write(
            QStringLiteral("[sim]\nread_delay_ms=20\n[ui]\ndefault_language=zh_CN\n[speech]\nenabled=false\n"
                           "[hub]\nurl=%1\nkiosk_id=kiosk-test-01\nca=%2/ca.pem\ncert=%2/kiosk.pem\n"
                           "key=%2/kiosk.key\noutbox_poll_s=1\nheartbeat_interval_s=3600\n"
                           "[assist]\ncall_command=%3 --hall 3\n")
                .arg(m_hub.url(), m_hub.pkiDir, script)
                .toUtf8());
        return config;
    }
    // Asks "find TEXT" until the text is on screen.
    static bool poll(Kiosk& kiosk, const QString& text, int timeoutMs = 15000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const QString answer = kiosk.ask(QStringLiteral("find ") + text, QStringLiteral("found "));
            if (!answer.isEmpty() && !answer.startsWith(QLatin1String("found 0")))
                return true;
            QTest::qWait(200);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(qEnvironmentVariable("ONEWINDOW_KIOSK")), "kiosk binary not built");
        QString error;
        QVERIFY2(m_hub.start(&error), qPrintable(error));
        m_callLog = m_dir.filePath(QStringLiteral("hall-calls.txt"));
    }
    void init() { m_hub.admin(QStringLiteral("/admin/assist"), {{"enabled", true}, {"clear", true}}); }

    void helpReachesTheHubAndTheHallAndIsAnswered()
    {
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-a")), writeConfig(QStringLiteral("a.conf")));
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        QVERIFY(kiosk.run(QStringLiteral("language en")));
        QVERIFY(kiosk.run(QStringLiteral("tap assistButton")));
        QVERIFY2(poll(kiosk, QStringLiteral("on the way")), qPrintable(kiosk.out.join(QLatin1Char('|'))));
        // The button is usable again: a second press queues behind the first.
        QVERIFY(kiosk.run(QStringLiteral("tap assistButton")));
        QVERIFY2(poll(kiosk, QStringLiteral("number 2 in the queue")),
                 qPrintable(kiosk.out.join(QLatin1Char('|'))));

        const QJsonArray requests = m_hub.admin(QStringLiteral("/admin/assist"), {}, false)
                                        .value(QStringLiteral("requests"))
                                        .toArray();
        QCOMPARE(requests.size(), 2);
        const QJsonObject first = requests.first().toObject();
        QCOMPARE(first.value("screen").toString(), QStringLiteral("identity"));
        QCOMPARE(first.value("reason").toString(), QStringLiteral("resident_pressed_help"));
        const QByteArray sent = QJsonDocument(requests).toJson();
        QVERIFY(!sent.contains("110105")); // no ID number, no name: enum names and codes only
        const auto callLog = [this] {
            QFile calls(m_callLog);
            return calls.open(QIODevice::ReadOnly) ? calls.readAll() : QByteArray();
        };
        QTRY_COMPARE_WITH_TIMEOUT(callLog().count('\n'), 2, 10000);
        QVERIFY(callLog().startsWith("--hall|3|kiosk-test-01|identity|resident_pressed_help|\n"));

        // Offline: the hub is unreachable, the resident is sent to the service desk.
        m_hub.connFaults(QJsonArray{QJsonObject{{"action", "down"}, {"times", -1}, {"duration_ms", 60000}}});
        m_hub.faults(
            QJsonArray{QJsonObject{{"match", "POST /v1/assist:request"}, {"action", "reset_before"}}});
        QVERIFY(kiosk.run(QStringLiteral("tap assistButton")));
        QVERIFY2(poll(kiosk, QStringLiteral("go to the service desk")),
                 qPrintable(kiosk.out.join(QLatin1Char('|'))));
        m_hub.clearFaults();
        QVERIFY(kiosk.run(QStringLiteral("quit")));
    }

    void hongKongNumberOnTheDigitPad()
    {
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-b")), writeConfig(QStringLiteral("b.conf")));
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(kiosk.run(QStringLiteral("place 4"))); // 港澳台居民居住证 陈演示, permit H12345678
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap category_huji")));
        QVERIFY(kiosk.run(QStringLiteral("tap item_0"))); // 户籍证明开具: a select and a phone
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap acceptButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        QVERIFY(kiosk.run(QStringLiteral("tap field_purpose/option_job")));
        // The picker starts on +852 for an H permit; the number from the issue is typed by taps.
        for (const QChar d : QStringLiteral("91234567"))
            QVERIFY(kiosk.run(QStringLiteral("tap field_phone/digit_") + d));
        QVERIFY2(poll(kiosk, QStringLiteral("+852 9123 4567")), qPrintable(kiosk.out.join(QLatin1Char('|'))));
        // The same digits as a mainland number are refused, in the resident's language (繁體).
        QVERIFY(kiosk.run(QStringLiteral("tap field_phone/region_CN")));
        QVERIFY2(poll(kiosk, QStringLiteral("請輸入有效的中國內地電話號碼")),
                 qPrintable(kiosk.out.join(QLatin1Char('|'))));
        QVERIFY(kiosk.run(QStringLiteral("tap field_phone/region_HK")));
        QVERIFY2(poll(kiosk, QStringLiteral("+852 9123 4567")), qPrintable(kiosk.out.join(QLatin1Char('|'))));
        QVERIFY(
            kiosk.run(QStringLiteral("find 請輸入有效"), QStringLiteral("found 0"))); // no phone error left
        QVERIFY(kiosk.run(QStringLiteral("quit")));
    }

    void cleanupTestCase() { m_hub.stop(); }
};

QTEST_GUILESS_MAIN(TestAssistPhone)
#include "tst_assist_phone.moc"
