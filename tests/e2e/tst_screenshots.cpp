// Every resident screen at 1080×1920 (portrait) and 1920×1080 (landscape), normal and elderly
// mode, with the real kiosk offscreen. Screenshots are saved as CI artifacts under
// <build>/screenshots; on each screen the kiosk's own layout check must pass: no elided or
// clipped text, every control at least the minimum target (44 px, elderly 60 px), text
// contrast ≥ 4.5:1 against what is behind it.
#include "KioskProcess.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshots : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    void shoot(Kiosk& kiosk, const QString& prefix, const QString& screen, int minTarget)
    {
        const QString path = QDir(qEnvironmentVariable("ONEWINDOW_SCREENSHOT_DIR"))
                                 .filePath(prefix + screen + QStringLiteral(".png"));
        QVERIFY2(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen ") + screen),
                 qPrintable(prefix + screen));
        QVERIFY(kiosk.run(QStringLiteral("screenshot ") + path));
        QVERIFY(!QImage(path).isNull());
        kiosk.pending.clear();
        kiosk.process.write(QStringLiteral("check-layout %1\n").arg(minTarget).toUtf8());
        const bool ok = kiosk.expect(QStringLiteral("layout ok"));
        QVERIFY2(ok, qPrintable(prefix + screen + QStringLiteral(": ") + kiosk.out.last()));
    }

private Q_SLOTS:
    void everyScreen_data()
    {
        QTest::addColumn<QString>("size");
        QTest::addColumn<bool>("elderly");
        QTest::addColumn<bool>("contrast");
        QTest::newRow("portrait-normal") << "1080x1920" << false << false;
        QTest::newRow("portrait-elderly") << "1080x1920" << true << false;
        QTest::newRow("landscape-normal") << "1920x1080" << false << false;
        QTest::newRow("landscape-elderly") << "1920x1080" << true << false;
        QTest::newRow("portrait-elderly-contrast") << "1080x1920" << true << true;
    }

    void everyScreen()
    {
        QFETCH(QString, size);
        QFETCH(bool, elderly);
        QFETCH(bool, contrast);
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(qEnvironmentVariable("ONEWINDOW_SCREENSHOT_DIR")));
        const QString config = m_dir.filePath(QStringLiteral("kiosk.conf"));
        QFile conf(config);
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[sim]\nread_delay_ms=20\n[ui]\ndefault_language=zh_CN\n[speech]\nenabled=false\n");
        conf.close();
        const QString prefix = QString::fromLatin1(QTest::currentDataTag()) + QLatin1Char('-');
        const int minTarget = elderly ? 60 : 44;
        Kiosk kiosk(m_dir.filePath(QString::fromLatin1(QTest::currentDataTag())), config,
                    {QStringLiteral("--window-size"), size});
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(
            kiosk.run(QStringLiteral("elderly ") + (elderly ? QStringLiteral("on") : QStringLiteral("off"))));
        QVERIFY(kiosk.run(QStringLiteral("contrast ") +
                          (contrast ? QStringLiteral("on") : QStringLiteral("off"))));
        shoot(kiosk, prefix, QStringLiteral("attractScreen"), minTarget);

        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        shoot(kiosk, prefix, QStringLiteral("identityScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap category_huji")));
        shoot(kiosk, prefix, QStringLiteral("catalogScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("tap item_0"))); // 户籍证明开具: a select and a phone
        shoot(kiosk, prefix, QStringLiteral("itemDetailScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        shoot(kiosk, prefix, QStringLiteral("consentScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("tap acceptButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        shoot(kiosk, prefix, QStringLiteral("formScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("tap field_purpose/option_job")));
        for (const QChar d : QStringLiteral("13800138000"))
            QVERIFY(kiosk.run(QStringLiteral("tap field_phone/digit_") + d));
        QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state reviewing")));
        shoot(kiosk, prefix, QStringLiteral("reviewScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        shoot(kiosk, prefix, QStringLiteral("receiptScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("tap rateButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap level_5"))); // shows the indicators and the text field
        shoot(kiosk, prefix, QStringLiteral("ratingScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("tap finishButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state attract")));
        QVERIFY(kiosk.run(QStringLiteral("contrast ") +
                          (contrast ? QStringLiteral("on") : QStringLiteral("off"))));
        QVERIFY(kiosk.run(QStringLiteral("remove")));
        QVERIFY(kiosk.run(QStringLiteral("place 1")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        QVERIFY(kiosk.run(QStringLiteral("tap progressButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap mineButton")));
        QTest::qWait(200);
        shoot(kiosk, prefix, QStringLiteral("progressScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("end")));
        QVERIFY(kiosk.expect(QStringLiteral("state attract")));
        QVERIFY(kiosk.run(QStringLiteral("contrast ") +
                          (contrast ? QStringLiteral("on") : QStringLiteral("off"))));
        QVERIFY(kiosk.run(QStringLiteral("remove")));
        QVERIFY(kiosk.run(QStringLiteral("fail card_unreadable")));
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state card_error")));
        shoot(kiosk, prefix, QStringLiteral("cardErrorScreen"), minTarget);
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
