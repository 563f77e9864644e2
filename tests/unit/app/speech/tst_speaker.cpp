// The speech interface: prompts, "再听一遍", language and volume, the session-end clear; and
// the Qt TextToSpeech implementation when an engine is installed here.
#include "app/speech/QtSpeaker.h"
#include "app/speech/Speaker.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextToSpeech>

using namespace onewindow;

class TestSpeaker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void speakRepeatClear()
    {
        RecordingSpeaker s;
        QSignalSpy changed(&s, &Speaker::promptChanged);
        s.repeat(); // nothing said yet: nothing to repeat
        QVERIFY(s.spoken.isEmpty());
        s.speak(QStringLiteral("  请放置身份证  "));
        s.speak(QString()); // empty prompts are ignored
        s.repeat();
        QCOMPARE(s.spoken, (QStringList{QStringLiteral("请放置身份证"), QStringLiteral("请放置身份证")}));
        QCOMPARE(s.lastPrompt(), QStringLiteral("请放置身份证"));
        QCOMPARE(changed.size(), 1);
        s.clear();
        QVERIFY(s.lastPrompt().isEmpty());
        s.repeat();
        QCOMPARE(s.spoken.size(), 2);
    }

    void volumeIsBounded()
    {
        SilentSpeaker s;
        QVERIFY(!s.available());
        s.setVolume(3.0);
        QCOMPARE(s.volume(), 1.0);
        s.setVolume(-1);
        QCOMPARE(s.volume(), 0.0);
        s.speak(QStringLiteral("x")); // silent: no crash, still remembered for the screen
        QCOMPARE(s.lastPrompt(), QStringLiteral("x"));
    }

    void qtEngineWhenInstalled()
    {
        if (QTextToSpeech::availableEngines().isEmpty()) {
            QVERIFY(!QtSpeaker::create(QStringLiteral("speechd"))); // main.cpp then uses SilentSpeaker
            QSKIP("no Qt TextToSpeech engine installed (qt6-speech-speechd-plugin, scripts/install-deps.sh)");
        }
        // The engine itself is created lazily on the speech thread at the first prompt (talking
        // would spawn a speech-dispatcher that outlives the test), so this checks the set-up.
        auto s = QtSpeaker::create(QStringLiteral("speechd"));
        QVERIFY(s);
        QVERIFY(s->available());
        s->setLanguage(QStringLiteral("en"));
        QCOMPARE(s->language(), QStringLiteral("en"));
        s.reset(); // the speech thread stops without having talked
    }
};

QTEST_MAIN(TestSpeaker)
#include "tst_speaker.moc"
