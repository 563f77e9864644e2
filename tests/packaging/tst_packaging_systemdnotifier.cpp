// SystemdNotifier against a NOTIFY_SOCKET datagram socket of our own: the machines that run
// the tests have no systemd as PID 1, so the test plays systemd's side of the protocol (one
// AF_UNIX datagram per message) exactly as the real manager receives it.
#include "app/platform/SystemdNotifier.h"

#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace onewindow;

class SystemdNotifierTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_fd = -1;

    void clearEnvironment()
    {
        qunsetenv("NOTIFY_SOCKET");
        qunsetenv("WATCHDOG_USEC");
        qunsetenv("WATCHDOG_PID");
    }

    // Every datagram waiting on the socket, oldest first.
    QList<QByteArray> drain()
    {
        QList<QByteArray> messages;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n < 0)
                break;
            messages << QByteArray(buffer, int(n));
        }
        return messages;
    }

private Q_SLOTS:
    void initTestCase()
    {
#ifndef ONEWINDOW_HAVE_LIBSYSTEMD
        QSKIP("built without libsystemd: SystemdNotifier is a no-op");
#endif
        QVERIFY(m_dir.isValid());
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(m_fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(m_dir.filePath(QStringLiteral("notify")));
        QVERIFY(size_t(path.size()) < sizeof addr.sun_path);
        std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        qputenv("NOTIFY_SOCKET", path);
    }

    void cleanupTestCase()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        clearEnvironment();
    }

    void init()
    {
        drain();
        qputenv("NOTIFY_SOCKET", QFile::encodeName(m_dir.filePath(QStringLiteral("notify"))));
        qunsetenv("WATCHDOG_USEC");
        qunsetenv("WATCHDOG_PID");
    }

    void readyWithoutWatchdog()
    {
        SystemdNotifier notifier;
        QVERIFY(SystemdNotifier::available());
        QCOMPARE(SystemdNotifier::watchdogInterval().count(), 0);
        notifier.notifyReady(QStringLiteral("kiosk running"));
        QCOMPARE(drain(), QList<QByteArray>{QByteArray("READY=1\nSTATUS=kiosk running")});
        QVERIFY(!notifier.watchdogRunning());
    }

    void watchdogPingsFromTheEventLoop()
    {
        qputenv("WATCHDOG_USEC", "200000"); // 200 ms → a ping every 100 ms
        qputenv("WATCHDOG_PID", QByteArray::number(qint64(::getpid())));
        QCOMPARE(SystemdNotifier::watchdogInterval().count(), 100);
        SystemdNotifier notifier;
        notifier.notifyReady(QStringLiteral("up"));
        QVERIFY(notifier.watchdogRunning());
        QList<QByteArray> got = drain();
        QCOMPARE(got.value(0), QByteArray("READY=1\nSTATUS=up"));
        QCOMPARE(got.value(1), QByteArray("WATCHDOG=1")); // the first ping right away

        int pings = 0;
        QTRY_VERIFY_WITH_TIMEOUT((pings += int(drain().count(QByteArray("WATCHDOG=1")))) >= 3, 5000);

        // A blocked GUI thread sends nothing: that silence is what makes systemd restart it.
        drain();
        ::usleep(350 * 1000);
        QVERIFY(drain().isEmpty());

        notifier.notifyStopping();
        QCOMPARE(drain(), QList<QByteArray>{QByteArray("STOPPING=1")});
        QVERIFY(!notifier.watchdogRunning());
        QTest::qWait(250);
        QVERIFY(drain().isEmpty());
    }

    void watchdogForAnotherProcessIsIgnored()
    {
        // WATCHDOG_PID names cage (the unit's main process): the kiosk must not take it for its
        // own; packaging/cage/onewindow-cage unsets it for the kiosk.
        qputenv("WATCHDOG_USEC", "200000");
        qputenv("WATCHDOG_PID", QByteArray::number(qint64(::getpid()) + 1));
        QCOMPARE(SystemdNotifier::watchdogInterval().count(), 0);
        SystemdNotifier notifier;
        notifier.notifyReady(QStringLiteral("up"));
        QVERIFY(!notifier.watchdogRunning());
        QCOMPARE(drain().size(), 1);
    }

    void healthGatesReadyAndPings()
    {
        qputenv("WATCHDOG_USEC", "200000"); // a ping every 100 ms
        qputenv("WATCHDOG_PID", QByteArray::number(qint64(::getpid())));
        SystemdNotifier notifier;
        // Unhealthy from the start: no READY, only the reason.
        notifier.setHealthy(false, QStringLiteral("unhealthy: reader_thread"));
        QCOMPARE(drain(), QList<QByteArray>{QByteArray("STATUS=unhealthy: reader_thread")});
        QVERIFY(!notifier.isReady());
        QVERIFY(!notifier.watchdogRunning());
        notifier.setHealthy(false, QStringLiteral("unhealthy: reader_thread")); // same: nothing new
        QVERIFY(drain().isEmpty());

        notifier.setHealthy(true, QStringLiteral("kiosk running"));
        QList<QByteArray> got = drain();
        QCOMPARE(got.value(0), QByteArray("READY=1\nSTATUS=kiosk running"));
        QCOMPARE(got.value(1), QByteArray("WATCHDOG=1"));
        QVERIFY(notifier.isReady());

        notifier.setHealthy(false, QStringLiteral("unhealthy: outbox_db"));
        QVERIFY(!notifier.watchdogRunning());
        drain();
        ::usleep(350 * 1000);
        QCoreApplication::processEvents();
        QVERIFY(drain().isEmpty()); // silence: systemd restarts after WatchdogSec

        notifier.setHealthy(true, QStringLiteral("kiosk running"));
        got = drain();
        QCOMPARE(got.value(0), QByteArray("STATUS=kiosk running"));
        QCOMPARE(got.value(1), QByteArray("WATCHDOG=1")); // no second READY
        QVERIFY(notifier.watchdogRunning());

        notifier.notifyStopping();
        drain();
        notifier.setHealthy(true, QStringLiteral("kiosk running")); // after STOPPING: nothing
        QVERIFY(drain().isEmpty());
        QVERIFY(!notifier.watchdogRunning());
    }

    void noSystemdIsANoOp()
    {
        qunsetenv("NOTIFY_SOCKET");
        qputenv("WATCHDOG_USEC", "200000");
        QVERIFY(!SystemdNotifier::available());
        SystemdNotifier notifier;
        notifier.notifyReady(QStringLiteral("up"));
        QVERIFY(!notifier.watchdogRunning());
        notifier.notifyStopping();
        QVERIFY(drain().isEmpty());
    }
};

QTEST_GUILESS_MAIN(SystemdNotifierTest)
#include "tst_packaging_systemdnotifier.moc"
