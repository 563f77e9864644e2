// The paths real residents take that the scripted journey missed (issue 19), with the real
// kiosk offscreen and real input events: clicks at window coordinates through QtGui's input
// path (DemoConsole's tap, tap-at, double-tap), the simulated reader for the card.
#include "KioskProcess.h"

#include <QFile>
#include <QRect>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kZhang = QStringLiteral("110105195803120029"); // resources/demo/identities.json 0
const QString kLi = QStringLiteral("520102195001010087");    // and 1
} // namespace

class TestResidentPaths : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_run = 0;

    QString writeConfig(const QByteArray& extra)
    {
        const QString path = m_dir.filePath(QStringLiteral("kiosk-%1.conf").arg(++m_run));
        QFile conf(path);
        if (!conf.open(QIODevice::WriteOnly))
            return {};
        conf.write("[sim]\nread_delay_ms=20\n[ui]\ndefault_language=zh_CN\n[speech]\nenabled=false\n");
        conf.write(extra);
        return path;
    }

    static QRect rectOf(Kiosk& kiosk, const QString& name)
    {
        const QStringList w = kiosk.ask(QStringLiteral("rect ") + name, QStringLiteral("rect")).split(' ');
        if (w.size() != 5)
            return {};
        return QRect(w[1].toInt(), w[2].toInt(), w[3].toInt(), w[4].toInt());
    }

    static QString stateOf(Kiosk& kiosk)
    {
        return kiosk.ask(QStringLiteral("state"), QStringLiteral("state "));
    }

    // Card 0 → 养老保险待遇领取资格认证 (card-bound fields and a phone) → the review screen.
    static bool toReview(Kiosk& kiosk)
    {
        if (!kiosk.run(QStringLiteral("place 0")) || !kiosk.expect(QStringLiteral("state identified")) ||
            !kiosk.run(QStringLiteral("tap serviceButton")) ||
            !kiosk.run(QStringLiteral("tap category_shebao")) || !kiosk.run(QStringLiteral("tap item_1")) ||
            !kiosk.run(QStringLiteral("tap startButton")) ||
            !kiosk.expect(QStringLiteral("state filling_form")))
            return false;
        for (const QChar d : QStringLiteral("13800138000")) {
            if (!kiosk.run(QStringLiteral("tap field_phone/digit_") + d))
                return false;
        }
        return kiosk.run(QStringLiteral("tap reviewButton")) &&
               kiosk.expect(QStringLiteral("state reviewing"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(qEnvironmentVariable("ONEWINDOW_KIOSK")), "kiosk binary not built");
    }

    // Issue 19.2: the second tap of a double tap on 提交 lands on the receipt; it must not end
    // the session. And taps on a screen that just appeared are ignored, whatever is there.
    void doubleTapOnSubmitKeepsTheReceipt_data()
    {
        QTest::addColumn<int>("gapMs");
        QTest::newRow("50ms") << 50;
        QTest::newRow("80ms") << 80;
        QTest::newRow("120ms") << 120;
    }
    void doubleTapOnSubmitKeepsTheReceipt()
    {
        QFETCH(int, gapMs);
        // A long guard, so that a loaded test machine cannot make the pipe slower than it.
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-dt-%1").arg(gapMs)),
                    writeConfig("[ui]\ntap_guard_ms=1500\n"));
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(toReview(kiosk));
        const QRect submit = rectOf(kiosk, QStringLiteral("submitButton"));
        QVERIFY(submit.isValid());
        QVERIFY(kiosk.run(QStringLiteral("double-tap submitButton %1").arg(gapMs)));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        // One more tap at the same place while the receipt is new: still the receipt.
        QVERIFY(kiosk.run(QStringLiteral("tap-at %1 %2").arg(submit.center().x()).arg(submit.center().y())));
        QCOMPARE(stateOf(kiosk), QStringLiteral("state receipt"));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen receiptScreen")));
        // 结束办理 is not where 提交 was.
        const QRect finish = rectOf(kiosk, QStringLiteral("finishButton"));
        QVERIFY(finish.isValid());
        QVERIFY2(!finish.intersects(submit), "结束办理 sits where 提交 was");
        // After the guard a tap works as ever (the console's tap waits for the guard as a
        // person's next deliberate tap would come after it).
        QVERIFY(kiosk.run(QStringLiteral("tap rateButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state rating")));
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }

    // Issue 19.2: on every step the previous screen's primary button is not where the next
    // screen has 结束办理.
    void finishIsNeverWhereThePrimaryButtonWas()
    {
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-place")), writeConfig({}));
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        const QRect service = rectOf(kiosk, QStringLiteral("serviceButton"));
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state choosing_service")));
        QVERIFY(!rectOf(kiosk, QStringLiteral("finishButton")).intersects(service));
        QVERIFY(kiosk.run(QStringLiteral("tap category_shebao")));
        QVERIFY(kiosk.run(QStringLiteral("tap item_1")));
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        for (const QChar d : QStringLiteral("13800138000"))
            QVERIFY(kiosk.run(QStringLiteral("tap field_phone/digit_") + d));
        QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state reviewing")));
        const QRect submit = rectOf(kiosk, QStringLiteral("submitButton"));
        QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        QVERIFY(!rectOf(kiosk, QStringLiteral("finishButton")).intersects(submit));
        const QRect rate = rectOf(kiosk, QStringLiteral("rateButton"));
        QVERIFY(kiosk.run(QStringLiteral("tap rateButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state rating")));
        QVERIFY(!rectOf(kiosk, QStringLiteral("finishButton")).intersects(rate));
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }

    // Issue 19.3: switching the language mid-form, by tapping the header, again and again:
    // the form keeps its layout (no overlapping text, nothing outside its parent), and so does
    // the first load of a form in English.
    void languageSwitchMidFormKeepsTheLayout_data()
    {
        QTest::addColumn<int>("item");
        QTest::newRow("户籍证明开具") << 0;
        QTest::newRow("户口迁入") << 1;
    }
    void languageSwitchMidFormKeepsTheLayout()
    {
        QFETCH(int, item);
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-lang-%1").arg(item)), writeConfig({}));
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        QVERIFY(kiosk.run(QStringLiteral("tap language_en")));
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap category_huji")));
        QVERIFY(kiosk.run(QStringLiteral("tap item_%1").arg(item)));
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap acceptButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        auto layoutOk = [&kiosk](const QString& when) {
            const QString answer = kiosk.ask(QStringLiteral("check-layout 44"), QStringLiteral("layout"));
            if (answer != QLatin1String("layout ok"))
                qWarning("%s: %s", qPrintable(when), qPrintable(answer));
            return answer == QLatin1String("layout ok");
        };
        QVERIFY(layoutOk(QStringLiteral("first load in English")));
        for (const char* language : {"zh_TW", "zh_CN", "en", "zh_TW", "zh_CN"}) {
            QVERIFY(kiosk.run(QStringLiteral("tap language_") + QLatin1String(language)));
            QVERIFY(layoutOk(QStringLiteral("after switching to ") + QLatin1String(language)));
        }
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }

    // Issue 19.4: lifting the card at any step shows "证件已取走…" at once with a countdown;
    // the form cannot be used or submitted meanwhile, another card does not take over, and
    // the same card back continues where the resident was.
    void cardLiftedMidJourney_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("state");
        QTest::newRow("catalogue") << "catalog"
                                   << "choosing_service";
        QTest::newRow("details") << "detail"
                                 << "choosing_service";
        QTest::newRow("form") << "form"
                              << "filling_form";
        QTest::newRow("review") << "review"
                                << "reviewing";
    }
    void cardLiftedMidJourney()
    {
        QFETCH(QString, step);
        QFETCH(QString, state);
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-lift-") + step), writeConfig({}));
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap category_shebao")));
        if (step != QLatin1String("catalog"))
            QVERIFY(kiosk.run(QStringLiteral("tap item_1")));
        if (step == QLatin1String("form") || step == QLatin1String("review")) {
            QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
            QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
            for (const QChar d : QStringLiteral("13800138000"))
                QVERIFY(kiosk.run(QStringLiteral("tap field_phone/digit_") + d));
        }
        if (step == QLatin1String("review")) {
            QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
            QVERIFY(kiosk.expect(QStringLiteral("state reviewing")));
        }
        QVERIFY(kiosk.run(QStringLiteral("journey"),
                          QStringLiteral("journey ") + step + QStringLiteral(" none")));

        QVERIFY(kiosk.run(QStringLiteral("remove")));
        QVERIFY(kiosk.expect(QStringLiteral("state card_away")));
        QVERIFY(rectOf(kiosk, QStringLiteral("cardAwayPrompt")).isValid());
        QVERIFY(rectOf(kiosk, QStringLiteral("cardAwayPrompt/countdown")).isValid());
        // The screen below does not take taps: 提交 cannot be reached without the card.
        const char* primary = step == QLatin1String("catalog")  ? "category_huji"
                              : step == QLatin1String("detail") ? "startButton"
                              : step == QLatin1String("form")   ? "reviewButton"
                                                                : "submitButton";
        const QRect target = rectOf(kiosk, QString::fromLatin1(primary));
        QVERIFY(target.isValid());
        QVERIFY(kiosk.run(QStringLiteral("tap-at %1 %2").arg(target.center().x()).arg(target.center().y())));
        QCOMPARE(stateOf(kiosk), QStringLiteral("state card_away"));
        QVERIFY(kiosk.run(QStringLiteral("journey"),
                          QStringLiteral("journey ") + step + QStringLiteral(" none")));

        // Somebody else's card does not take over; nothing of theirs is kept.
        QVERIFY(kiosk.run(QStringLiteral("place 1")));
        QVERIFY(kiosk.expect(QStringLiteral("card mismatch")));
        QCOMPARE(stateOf(kiosk), QStringLiteral("state card_away"));
        QVERIFY(kiosk.run(QStringLiteral("find ") + kLi, QStringLiteral("found 0")));
        QVERIFY(rectOf(kiosk, QStringLiteral("cardAwayPrompt/mismatch")).isValid());
        QVERIFY(kiosk.run(QStringLiteral("remove")));

        // The same card back: where the resident was, with what they typed.
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state ") + state));
        QVERIFY(kiosk.run(QStringLiteral("journey"),
                          QStringLiteral("journey ") + step + QStringLiteral(" none")));
        QVERIFY(!rectOf(kiosk, QStringLiteral("cardAwayPrompt")).isValid());
        if (step == QLatin1String("review")) {
            QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
            QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        }
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }

    // Issue 19.5: the resident takes the query code home. Lifting the card on the receipt
    // keeps it (code in large type); 评价 shows the code and leads back to the receipt;
    // 结束办理 with the card still on the reader says "请取回您的证件".
    void receiptOutlivesTheCard()
    {
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-receipt")), writeConfig({}));
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(toReview(kiosk));
        QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        QVERIFY(rectOf(kiosk, QStringLiteral("takeCardReminder")).isValid()); // card still there
        QVERIFY(kiosk.run(QStringLiteral("remove")));
        QVERIFY(kiosk.run(QStringLiteral("state"), QStringLiteral("state receipt")));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen receiptScreen")));
        const QRect code = rectOf(kiosk, QStringLiteral("queryCodeLarge"));
        QVERIFY(code.isValid() && code.height() >= 44);
        QVERIFY(!rectOf(kiosk, QStringLiteral("takeCardReminder")).isValid());
        QVERIFY(!rectOf(kiosk, QStringLiteral("anotherButton")).isValid()); // needs the card back
        QVERIFY(kiosk.run(QStringLiteral("tap rateButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state rating")));
        QVERIFY(rectOf(kiosk, QStringLiteral("ratingQueryCode")).isValid());
        QVERIFY(kiosk.run(QStringLiteral("tap backToReceiptButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen receiptScreen")));
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }

    void finishWithTheCardOnTheReaderSaysTakeIt()
    {
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-takecard")), writeConfig({}));
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(toReview(kiosk));
        QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        QVERIFY(kiosk.run(QStringLiteral("tap language_en"))); // a resident who reads English
        QVERIFY(kiosk.run(QStringLiteral("tap finishButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state attract")));
        QVERIFY(rectOf(kiosk, QStringLiteral("takeCardReminder")).isValid());
        // … is reminded in English, until the card is lifted.
        QVERIFY(kiosk.ask(QStringLiteral("find Please take your card"), QStringLiteral("found")) !=
                QLatin1String("found 0"));
        QVERIFY(kiosk.run(QStringLiteral("find ") + kZhang, QStringLiteral("found 0")));
        QVERIFY(kiosk.run(QStringLiteral("remove")));
        QTRY_VERIFY(!rectOf(kiosk, QStringLiteral("takeCardReminder")).isValid());
        QCOMPARE(kiosk.ask(QStringLiteral("find Please take your card"), QStringLiteral("found")),
                 QStringLiteral("found 0")); // the kiosk's default language again
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }

    // Issue 19.9: no red before the resident finished a field; 下一步 with missing entries
    // scrolls to the first one, says how many are left at the top.
    void missingEntriesAreShownWhereTheResidentLooks()
    {
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-errors")), writeConfig({}));
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap category_huji")));
        QVERIFY(kiosk.run(QStringLiteral("tap item_1"))); // 户口迁入: the phone is far below the fold
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        QVERIFY(kiosk.run(QStringLiteral("tap acceptButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        QVERIFY(kiosk.run(QStringLiteral("tap field_phone/digit_1")));
        QVERIFY(kiosk.run(QStringLiteral("tap field_phone/digit_3")));
        QVERIFY2(!rectOf(kiosk, QStringLiteral("field_phone/error")).isValid(), "red while typing");
        QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
        QVERIFY(kiosk.run(QStringLiteral("journey"), QStringLiteral("journey form none")));
        // The summary at the top, and the first missing entry (人数) scrolled into view.
        const QRect summary = rectOf(kiosk, QStringLiteral("formScreen/notice"));
        QVERIFY(summary.isValid());
        QVERIFY(kiosk.ask(QStringLiteral("find 3 项需要填写"), QStringLiteral("found")) !=
                QLatin1String("found 0"));
        const QRect title = rectOf(kiosk, QStringLiteral("formScreen/title"));
        const QRect actions = rectOf(kiosk, QStringLiteral("formScreen/reviewButton"));
        const QRect first = rectOf(kiosk, QStringLiteral("field_moving_people/error"));
        QVERIFY(first.isValid());
        QVERIFY2(first.top() > title.bottom() && first.bottom() < actions.top(),
                 qPrintable(QStringLiteral("first error at %1").arg(first.top())));
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }

    // Issue 19.4: nobody comes back: the countdown ends the session (elderly: longer).
    void cardAwayCountdownEndsTheSession_data()
    {
        QTest::addColumn<bool>("elderly");
        QTest::newRow("normal") << false;
        QTest::newRow("elderly") << true;
    }
    void cardAwayCountdownEndsTheSession()
    {
        QFETCH(bool, elderly);
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state-away-%1").arg(elderly)),
                    writeConfig("[session]\ncard_away_s=2\nelderly_idle_factor=2\n"));
        QVERIFY(kiosk.process.waitForStarted(5000));
        if (elderly)
            QVERIFY(kiosk.run(QStringLiteral("elderly on")));
        QVERIFY(toReview(kiosk));
        QElapsedTimer away;
        QVERIFY(kiosk.run(QStringLiteral("remove")));
        away.start();
        QVERIFY(kiosk.expect(QStringLiteral("state card_away")));
        QVERIFY(kiosk.expect(QStringLiteral("state attract"), 15000));
        const qint64 ms = away.elapsed();
        QVERIFY2(ms >= (elderly ? 3800 : 1800), qPrintable(QString::number(ms)));
        QVERIFY(kiosk.run(QStringLiteral("find ") + kZhang, QStringLiteral("found 0")));
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestResidentPaths)
#include "tst_resident_paths.moc"
