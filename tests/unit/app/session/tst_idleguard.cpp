// IdleGuard on the monotonic clock, with limits short enough for a unit test.
#include "app/session/IdleGuard.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace onewindow;
using namespace std::chrono_literals;

class TestIdleGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void warnsThenExpires()
    {
        IdleGuard guard;
        QSignalSpy warning(&guard, &IdleGuard::warningStarted);
        QSignalSpy expired(&guard, &IdleGuard::expired);
        QElapsedTimer clock;
        clock.start();
        guard.arm(600ms, 300ms);
        QVERIFY(guard.isArmed());
        QVERIFY(!guard.isWarning());
        QVERIFY(warning.wait(2000));
        const qint64 warnedAt = clock.elapsed();
        QVERIFY2(warnedAt >= 250, qPrintable(QString::number(warnedAt)));
        QVERIFY(guard.isWarning());
        QVERIFY(expired.wait(2000));
        QVERIFY(clock.elapsed() >= 550);
        QCOMPARE(expired.size(), 1);
        QVERIFY(!guard.isArmed());
        QVERIFY(!guard.isWarning());
    }

    void extendRestartsTheFullLimitAndEndsTheWarning()
    {
        IdleGuard guard;
        QSignalSpy warning(&guard, &IdleGuard::warningStarted);
        QSignalSpy ended(&guard, &IdleGuard::warningEnded);
        QSignalSpy expired(&guard, &IdleGuard::expired);
        guard.arm(500ms, 250ms);
        QVERIFY(warning.wait(2000));
        guard.extend();
        QCOMPARE(ended.size(), 1);
        QVERIFY(!guard.isWarning());
        QTest::qWait(150);
        QCOMPARE(expired.size(), 0); // without extend() it would have expired by now
        QVERIFY(expired.wait(2000));
    }

    void secondsLeftRoundsUp()
    {
        IdleGuard guard;
        guard.arm(2500ms, 1000ms);
        QCOMPARE(guard.secondsLeft(), 3);
        guard.disarm();
        QCOMPARE(guard.secondsLeft(), 0);
    }

    void disarmedGuardNeverFires()
    {
        IdleGuard guard;
        QSignalSpy expired(&guard, &IdleGuard::expired);
        guard.arm(200ms, 100ms);
        guard.disarm();
        guard.extend(); // no effect when disarmed
        QTest::qWait(350);
        QCOMPARE(expired.size(), 0);
        guard.arm(0ms, 0ms);
        QVERIFY(!guard.isArmed());
    }
};

QTEST_GUILESS_MAIN(TestIdleGuard)
#include "tst_idleguard.moc"
