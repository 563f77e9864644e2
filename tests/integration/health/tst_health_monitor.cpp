// The health monitor against real parts (issue 7): a ReaderManager whose thread a backend
// blocks (as a driver call that never returns would), a StorageService on real SQLite files
// that stop being writable, and the systemd watchdog on a notify socket the test binds
// (no systemd as PID 1 here, so the test plays the manager's side: one datagram per message).
#include "app/health/HealthMonitor.h"
#include "app/health/HealthWatchdog.h"
#include "app/platform/SystemdNotifier.h"
#include "app/storage/StorageService.h"
#include "drivers/reader/ReaderManager.h"

#include <QFileInfo>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace onewindow;
using namespace onewindow::health;

namespace {

// A reader backend that can block the reader thread on command. A fake, because no real
// device here can be made to hang on demand; the thread, the manager and the probe are real.
class BlockingBackend : public ReaderBackend
{
public:
    explicit BlockingBackend(std::shared_ptr<QSemaphore> gate) : m_gate(std::move(gate)) {}
    QString backendName() const override { return QStringLiteral("blocking"); }
    void start() override
    {
        ReaderInfo info;
        info.name = QStringLiteral("Test Reader 0");
        info.backend = backendName();
        info.capabilities = {QStringLiteral("identity")};
        Q_EMIT readerAdded(info);
    }
    void stop() override {}
    void blockUntilReleased() { m_gate->acquire(); } // on the reader thread

private:
    std::shared_ptr<QSemaphore> m_gate;
};

HealthSettings fastSettings()
{
    HealthSettings s;
    s.intervalMs = 200;
    s.probeTimeoutMs = 1000;
    return s;
}

QString statusOf(const HealthMonitor& m, const char* name)
{
    const HealthCheck* c = m.report().check(QString::fromLatin1(name));
    return c ? QString::fromLatin1(healthStatusKey(c->status)) : QStringLiteral("absent");
}

// RLIMIT_FSIZE 0 makes every write(2) to a regular file fail with EFBIG, as a full disk fails
// it with ENOSPC. Unlike chmod it also stops root (CI runs as root, and root ignores file
// modes), and unlike a full tmpfs it needs no mount privileges. Process-wide: only while the
// guard lives; the test's own output goes to a pipe, which the limit does not cover.
class NoFileWrites
{
public:
    NoFileWrites()
    {
        ::signal(SIGXFSZ, SIG_IGN); // else the first refused write kills the process
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        rlimit none = m_saved;
        none.rlim_cur = 0;
        m_ok = ::setrlimit(RLIMIT_FSIZE, &none) == 0;
    }
    ~NoFileWrites() { ::setrlimit(RLIMIT_FSIZE, &m_saved); }
    bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    bool m_ok = false;
};

} // namespace

class TstHealthMonitor : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<QSemaphore> m_gate = std::make_shared<QSemaphore>(0);

    void startReaders(ReaderManager& readers)
    {
        auto gate = m_gate;
        readers.registerBackend(QStringLiteral("blocking"),
                                [gate] { return std::make_unique<BlockingBackend>(gate); });
        readers.start({QStringLiteral("blocking")});
    }
    void blockReaderThread(ReaderManager& readers)
    {
        readers.invokeOnBackend(QStringLiteral("blocking"), [](ReaderBackend* b) {
            if (auto* blocking = dynamic_cast<BlockingBackend*>(b))
                blocking->blockUntilReleased();
        });
    }
    void release() { m_gate->release(); }

private Q_SLOTS:
    void stuckReaderThreadFailsAndRecovers()
    {
        ReaderManager readers;
        startReaders(readers);
        HealthMonitor monitor(fastSettings());
        monitor.setReaderManager(&readers);
        QVERIFY(!monitor.healthy()); // nothing probed yet
        monitor.start();
        // The probes answer through the event loop: until then the hub is told "unknown", not
        // "unhealthy" (docs/sync-protocol.md, heartbeat), and the reader list is not known yet.
        const QJsonObject first = monitor.heartbeatProvider()();
        QVERIFY(first.value("health").toObject().value("healthy").isNull());
        QVERIFY(first.value("readers").isNull());
        QTRY_VERIFY_WITH_TIMEOUT(monitor.healthy(), 5000);
        QCOMPARE(statusOf(monitor, "reader_thread"), QStringLiteral("ok"));
        QCOMPARE(statusOf(monitor, "sync"), QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.readersJson().size(), 1, 5000);
        QCOMPARE(monitor.heartbeatProvider()().value("health").toObject().value("healthy"), QJsonValue(true));
        QVERIFY(monitor.heartbeatProvider()().value("readers").isArray());
        QCOMPARE(monitor.readersJson().at(0).toObject().value("name").toString(),
                 QStringLiteral("Test Reader 0"));
        QCOMPARE(monitor.readersJson().at(0).toObject().value("status").toString(), QStringLiteral("ready"));

        blockReaderThread(readers);
        // Within one interval plus the probe timeout (and slack for a loaded machine).
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(monitor, "reader_thread"), QStringLiteral("fail"), 5000);
        QVERIFY(!monitor.healthy());
        QCOMPARE(monitor.snapshotJson().value("healthy").toBool(), false);
        const QVariantList checks = monitor.checks();
        QCOMPARE(checks.at(0).toMap().value("name").toString(), QStringLiteral("reader_thread"));
        QCOMPARE(checks.at(0).toMap().value("status").toString(), QStringLiteral("fail"));

        release();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.healthy(), 5000);
        QCOMPARE(statusOf(monitor, "reader_thread"), QStringLiteral("ok"));
        monitor.stop();
        readers.stop();
    }

    void unwritableDatabaseFailsAndRecovers()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        storage::StorageConfig config;
        config.stateDir = dir.path();
        storage::StorageService storage(config);
        QSignalSpy opened(&storage, &storage::StorageService::opened);
        storage.start();
        QVERIFY(opened.wait(20000));

        HealthMonitor monitor(fastSettings());
        monitor.setStorage(&storage);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.healthy(), 5000);
        for (const char* name : {"outbox_db", "cache_db", "audit_db", "disk"})
            QVERIFY2(statusOf(monitor, name) != QStringLiteral("fail"), name);

        // The probe is a real write: every round adds a frame to the WAL.
        const QString wal = dir.filePath(QStringLiteral("outbox.db-wal"));
        const qint64 before = QFileInfo(wal).size();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(wal).size() > before, 5000);

        {
            NoFileWrites guard;
            QVERIFY(guard.ok());
            QTRY_COMPARE_WITH_TIMEOUT(statusOf(monitor, "outbox_db"), QStringLiteral("fail"), 5000);
            QVERIFY(!monitor.healthy());
            QVERIFY(
                monitor.report().check(QStringLiteral("outbox_db"))->detail.startsWith("write probe failed"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(monitor.healthy(), 5000);
        QCOMPARE(statusOf(monitor, "outbox_db"), QStringLiteral("ok"));
    }

    void watchdogPingsOnlyWhileHealthy()
    {
#ifndef ONEWINDOW_HAVE_LIBSYSTEMD
        QSKIP("built without libsystemd: SystemdNotifier is a no-op");
#endif
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        auto closeFd = qScopeGuard([fd] { ::close(fd); });
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("notify")));
        QVERIFY(size_t(path.size()) < sizeof addr.sun_path);
        std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        qputenv("NOTIFY_SOCKET", path);
        qputenv("WATCHDOG_USEC", "400000"); // a ping every 200 ms
        qputenv("WATCHDOG_PID", QByteArray::number(qint64(::getpid())));
        auto env = qScopeGuard([] {
            qunsetenv("NOTIFY_SOCKET");
            qunsetenv("WATCHDOG_USEC");
            qunsetenv("WATCHDOG_PID");
        });
        QList<QByteArray> received;
        auto drain = [fd, &received] {
            char buffer[4096];
            for (;;) {
                const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
                if (n < 0)
                    break;
                received << QByteArray(buffer, int(n));
            }
        };
        auto count = [&received](const QByteArray& prefix) {
            return int(std::count_if(received.begin(), received.end(),
                                     [&prefix](const QByteArray& m) { return m.startsWith(prefix); }));
        };

        ReaderManager readers;
        startReaders(readers);
        HealthMonitor monitor(fastSettings());
        monitor.setReaderManager(&readers);
        SystemdNotifier notifier;
        HealthWatchdog watchdog(&monitor, &notifier);
        drain();
        QVERIFY(received.isEmpty()); // nothing before the first complete report
        monitor.start();

        // Healthy: READY=1 once, then pings.
        QTRY_VERIFY_WITH_TIMEOUT((drain(), count("WATCHDOG=1") >= 3), 5000);
        QCOMPARE(count("READY=1"), 1);
        QCOMPARE(received.first(), QByteArray("READY=1\nSTATUS=kiosk running"));

        // Stuck reader thread: a STATUS naming the check, then silence.
        received.clear();
        blockReaderThread(readers);
        QTRY_VERIFY_WITH_TIMEOUT((drain(), received.contains("STATUS=unhealthy: reader_thread")), 5000);
        received.clear();
        QTest::qWait(900); // more than 4 ping intervals
        drain();
        QCOMPARE(count("WATCHDOG=1"), 0);
        QCOMPARE(count("READY=1"), 0);

        // Released: pings resume, no second READY.
        release();
        QTRY_VERIFY_WITH_TIMEOUT((drain(), count("WATCHDOG=1") >= 2), 5000);
        QVERIFY(received.contains("STATUS=kiosk running"));
        QCOMPARE(count("READY=1"), 0);

        notifier.notifyStopping();
        readers.stop();
    }
};

QTEST_GUILESS_MAIN(TstHealthMonitor)
#include "tst_health_monitor.moc"
