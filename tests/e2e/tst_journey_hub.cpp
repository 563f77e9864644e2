// The resident journey against the reference hub (tests/hub/hub.py, mutual TLS on 127.0.0.1,
// fresh test PKI): the receipt shows 待提交 and turns 已提交 live once the sync engine
// delivered it; the hub holds exactly one record of the application and the rating arrives.
#include "../integration/sync/SyncTestSupport.h"
#include "KioskProcess.h"

#include <QFile>
#include <QTest>

using namespace onewindow;

class TestJourneyHub : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // Asks "journey" until it answers `expected` or the timeout passes.
    static bool pollJourney(Kiosk& kiosk, const QString& expected, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (kiosk.ask(QStringLiteral("journey"), QStringLiteral("journey ")) == expected)
                return true;
            QTest::qWait(300);
        }
        return false;
    }

private Q_SLOTS:
    void receiptTurnsSubmittedAndTheHubHasItOnce()
    {
        QVERIFY(m_dir.isValid());
        testing::HubProcess hub;
        QString error;
        QVERIFY2(hub.start(&error), qPrintable(error));
        const QString config = m_dir.filePath(QStringLiteral("kiosk.conf"));
        {
            QFile conf(config);
            QVERIFY(conf.open(QIODevice::WriteOnly));
            conf.write(QStringLiteral(
                           "[sim]\nread_delay_ms=20\n[ui]\ndefault_language=zh_CN\n[speech]\nenabled=false\n"
                           "[hub]\nurl=%1\nkiosk_id=kiosk-test-01\nca=%2/ca.pem\ncert=%2/kiosk.pem\n"
                           "key=%2/kiosk.key\noutbox_poll_s=1\nheartbeat_interval_s=3600\n")
                           .arg(hub.url(), hub.pkiDir)
                           .toUtf8());
        }
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state")), config);
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        // An item bound to the card only: with a hub configured, the licence cache holds the
        // hub's (different) synthetic residents, not the demo's.
        QVERIFY(kiosk.run(QStringLiteral("tap category_yibao")));
        QVERIFY(kiosk.run(QStringLiteral("tap item_1"))); // 医保参保信息查询打印
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        QVERIFY(kiosk.run(QStringLiteral("tap field_copies/digit_2")));
        QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        // Live: 待提交 → 已提交 while the receipt is on screen.
        QVERIFY2(pollJourney(kiosk, QStringLiteral("journey receipt acked"), 30000),
                 qPrintable(kiosk.out.join(QLatin1Char('|'))));
        const QJsonArray records =
            hub.admin(QStringLiteral("/admin/submissions"), {}, false)[QStringLiteral("submissions")]
                .toArray();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0][QStringLiteral("commits")].toInt(), 1);

        // Issue 19.1: a second application in the same session (办理其他业务) is a new one: it is
        // stored and delivered, once, next to the first.
        QVERIFY(kiosk.run(QStringLiteral("tap anotherButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state choosing_service")));
        QVERIFY(kiosk.run(QStringLiteral("tap category_shebao")));
        QVERIFY(kiosk.run(QStringLiteral("tap item_1"))); // 养老保险待遇领取资格认证
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        for (const QChar d : QStringLiteral("13800138000"))
            QVERIFY(kiosk.run(QStringLiteral("tap field_phone/digit_") + d));
        QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state reviewing")));
        QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
        QVERIFY2(kiosk.expect(QStringLiteral("state receipt")), qPrintable(kiosk.out.join(QLatin1Char('|'))));
        QVERIFY2(pollJourney(kiosk, QStringLiteral("journey receipt acked"), 30000),
                 qPrintable(kiosk.out.join(QLatin1Char('|'))));
        const QJsonArray both =
            hub.admin(QStringLiteral("/admin/submissions"), {}, false)[QStringLiteral("submissions")]
                .toArray();
        QCOMPARE(both.size(), 2);
        for (const QJsonValue& r : both)
            QCOMPARE(r[QStringLiteral("commits")].toInt(), 1);

        QVERIFY(kiosk.run(QStringLiteral("tap rateButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap level_1")));
        QVERIFY(kiosk.run(QStringLiteral("tap sendRatingButton")));
        QElapsedTimer t;
        t.start();
        while (hub.counters()[QStringLiteral("ratings")].toObject().isEmpty() && t.elapsed() < 30000)
            QTest::qWait(300);
        QCOMPARE(hub.counters()[QStringLiteral("ratings")].toObject().size(), 1);

        // The receipt outlives the lifted card (issue 19.5); 结束办理 ends the session.
        QVERIFY(kiosk.run(QStringLiteral("remove")));
        QVERIFY(kiosk.run(QStringLiteral("tap finishButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state attract")));
        QVERIFY(kiosk.run(QStringLiteral("find 110105195803120029"), QStringLiteral("found 0")));
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestJourneyHub)
#include "tst_journey_hub.moc"
