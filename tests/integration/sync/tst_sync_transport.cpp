// The sync transport settings that had no test (issue 5 follow-up): the hub key pin
// (HubConfig::pin → CURLOPT_PINNEDPUBLICKEY), the proxy (HubConfig::proxy → CURLOPT_PROXY, and
// the environment's *_proxy ignored without it) and the watchdog that restarts a stuck hub
// client (SyncSettings::watchdogMs). The kiosk runs as in production (StorageService +
// SyncService) against the reference hub over mutual TLS; the proxy is a real CONNECT proxy
// (tests/hub/connect_proxy.py). The test thread plays the GUI thread and measures its stalls.
#include "SyncTestSupport.h"
#include "app/storage/StorageService.h"
#include "app/sync/SyncService.h"

#include <QSignalSpy>
#include <QTest>

using namespace onewindow;
using namespace onewindow::sync;
using namespace onewindow::testing;

namespace {

SyncSettings fastSettings(const QString& stateDir)
{
    SyncSettings s;
    s.backoffBaseMs = 50;
    s.backoffCapMs = 400;
    s.heartbeatIntervalMs = 300;
    s.outboxPollMs = 200;
    s.licensesIntervalMs = 600000; // not under test here
    s.catalogIntervalMs = 600000;
    s.reconnectJitterMaxMs = 100;
    s.watchdogMs = 8000;
    s.stateDir = stateDir;
    return s;
}

// tests/hub/connect_proxy.py as a child process; its figures come from its stats file.
class ProxyProcess
{
public:
    ~ProxyProcess() { stop(); }

    // port 0 = a free one. Does not wait for the proxy to listen when `wait` is false (used
    // from the GUI thread's event loop, which must not block).
    bool start(QString* error, int wantedPort = 0, bool deny = false, bool wait = true)
    {
        QFile::remove(statsFile());
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args{sourceDir() + QStringLiteral("/tests/hub/connect_proxy.py"),
                         QStringLiteral("--stats-file"), statsFile(), QStringLiteral("--port"),
                         QString::number(wantedPort)};
        if (deny)
            args << QStringLiteral("--deny");
        m_process->start(QStringLiteral("/usr/bin/python3"), args);
        if (!wait)
            return true;
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("cannot start /usr/bin/python3");
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (stats().value(QStringLiteral("port")).toInt() == 0 && t.elapsed() < 15000) {
            if (m_process->state() != QProcess::Running) {
                *error = QStringLiteral("connect_proxy.py exited at start");
                return false;
            }
            QThread::msleep(20);
        }
        port = stats().value(QStringLiteral("port")).toInt();
        if (port == 0)
            *error = QStringLiteral("connect_proxy.py reported no port");
        return port > 0;
    }
    void stop()
    {
        if (!m_process)
            return;
        m_process->kill(); // our own child, by its handle
        m_process->waitForFinished(5000);
        m_process.reset();
    }
    QJsonObject stats() const
    {
        QFile f(statsFile());
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject{};
    }
    int figure(const char* name) const { return stats().value(QLatin1String(name)).toInt(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }

    int port = 0;

private:
    QString statsFile() const { return m_dir.path() + QStringLiteral("/stats.json"); }
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
};

// Sets the given environment variables (libcurl reads them per transfer), restores on exit.
class ScopedEnvironment
{
public:
    ScopedEnvironment(std::initializer_list<const char*> names, const QByteArray& value)
    {
        for (const char* name : names) {
            m_saved.append({name, qgetenv(name)});
            qputenv(name, value);
        }
    }
    ~ScopedEnvironment()
    {
        for (const auto& [name, value] : m_saved) {
            if (value.isEmpty())
                qunsetenv(name);
            else
                qputenv(name, value);
        }
    }

private:
    QList<QPair<const char*, QByteArray>> m_saved;
};

QString readPin(const QString& pkiDir)
{
    QFile f(pkiDir + QStringLiteral("/hub.pin"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : QString();
}

// A well-formed pin of no key at all (sha256 of nothing we have).
const QString kMadeUpPin =
    QStringLiteral("sha256//") + QString::fromLatin1(QByteArray(32, '\x5a').toBase64());

} // namespace

class TstSyncTransport : public QObject
{
    Q_OBJECT

private:
    HubProcess m_hub;
    QTemporaryDir m_state;
    std::unique_ptr<storage::StorageService> m_storage;
    QStringList m_table;

    QStringList enqueue(int n) { return enqueueSubmissions(*m_storage, n); }
    QString stateOf(const QString& id) { return outboxStateOf(*m_storage, id); }

    struct Run
    {
        qint64 stallMs = 0;
        qint64 elapsedMs = 0;
        int alarms = 0;
        bool sawPaused = false;
        int watchdogRestarts = 0;
    };

    // Starts a SyncService, waits (event loop running) until `done` holds, measures the GUI
    // thread's longest stall meanwhile. `midway` runs once on the event loop after midwayMs.
    void runUntil(Run& run, const HubConfig& config, const SyncSettings& settings,
                  const std::function<bool(const SyncStatusModel&)>& done, int timeoutMs = 20000,
                  const std::function<void(const SyncStatusModel&)>& midway = {}, int midwayMs = 0)
    {
        SyncService service(config, settings, SyncService::runnerFor(*m_storage));
        QSignalSpy alarms(&service, &SyncService::alarm);
        const QDateTime started = QDateTime::currentDateTimeUtc();
        connect(service.statusModel(), &SyncStatusModel::changed, this,
                [&] { run.sawPaused = run.sawPaused || service.statusModel()->pausedAuth(); });
        bool midwayDone = !midway;
        if (midway)
            QTimer::singleShot(midwayMs, this, [&] {
                midway(*service.statusModel());
                midwayDone = true;
            });
        StallMeter meter;
        QElapsedTimer t;
        t.start();
        meter.start();
        service.start();
        auto finished = [&] {
            const SyncStatusModel& m = *service.statusModel();
            return midwayDone && m.status().updatedAt.isValid() && m.status().updatedAt > started && done(m);
        };
        QTRY_VERIFY_WITH_TIMEOUT(finished(), timeoutMs);
        run.stallMs = meter.stop();
        run.elapsedMs = t.elapsed();
        run.alarms = int(alarms.count());
        run.watchdogRestarts = service.watchdogRestarts();
    }
    void runUntil(Run& run, const HubConfig& config, const std::function<bool(const SyncStatusModel&)>& done)
    {
        runUntil(run, config, fastSettings(m_state.path()), done);
    }
    static bool drained(const SyncStatusModel& m) { return m.queueDepth() == 0 && !m.pausedAuth(); }

    void expectDelivered(const QStringList& ids)
    {
        for (const QString& id : ids) {
            QCOMPARE(stateOf(id), QStringLiteral("ACKED"));
            QCOMPARE(m_hub.commits(id), 1);
        }
    }
    void record(const QString& scenario, const QString& outcome, const Run& run)
    {
        QVERIFY2(run.stallMs < 250, qPrintable(QStringLiteral("GUI stall %1 ms").arg(run.stallMs)));
        m_table << QStringLiteral("| %1 | %2 | %3 ms | %4 ms |")
                       .arg(scenario, outcome)
                       .arg(run.elapsedMs)
                       .arg(run.stallMs);
    }
    int connections() const { return m_hub.counters().value(QStringLiteral("connections")).toInt(); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_hub.start(&error), qPrintable(error));
        QVERIFY2(readPin(m_hub.pkiDir).startsWith(QLatin1String("sha256//")), "make-pki.sh wrote no hub.pin");
        storage::StorageConfig config;
        config.stateDir = m_state.path();
        m_storage = std::make_unique<storage::StorageService>(config);
        QSignalSpy opened(m_storage.get(), &storage::StorageService::opened);
        m_storage->start();
        QVERIFY(opened.wait(10000));
    }

    void init() { m_hub.clearFaults(); }

    // ------------------------------------------------------------------ pin

    void pinCorrect()
    {
        // The current and the next key, as an operator pins them before a rotation (§2).
        HubConfig config = m_hub.config();
        config.pin = kMadeUpPin + QLatin1Char(';') + readPin(m_hub.pkiDir);
        const QStringList ids = enqueue(2);
        Run run;
        runUntil(run, config, drained);
        if (QTest::currentTestFailed())
            return;
        expectDelivered(ids);
        QCOMPARE(run.alarms, 0);
        record(QStringLiteral("pin: next;current key"), QStringLiteral("2/2 ACKED, no alarm"), run);
    }

    void pinWrongPausesThenResumes()
    {
        const QStringList ids = enqueue(2);
        HubConfig wrong = m_hub.config();
        wrong.pin = kMadeUpPin;
        const int before = connections();
        QElapsedTimer t;
        t.start();
        Run paused;
        runUntil(paused, wrong,
                 [&](const SyncStatusModel& m) { return m.pausedAuth() && t.elapsed() > 2000; });
        if (QTest::currentTestFailed())
            return;
        const int attempts = connections() - before;
        QVERIFY(paused.sawPaused);
        QVERIFY(paused.alarms >= 1);
        // Paused, not spinning: only the heartbeat probes, with its backoff (≥ 2 s here).
        QVERIFY2(attempts >= 1 && attempts < 25, qPrintable(QString::number(attempts)));
        for (const QString& id : ids) {
            QVERIFY(stateOf(id) != QLatin1String("ACKED"));
            QCOMPARE(m_hub.commits(id), 0); // nothing was sent to a hub with the wrong key
        }
        record(QStringLiteral("pin: made-up key"),
               QStringLiteral("PAUSED_AUTH + %1 alarm(s), %2 handshakes in %3 ms, hub count 0")
                   .arg(paused.alarms)
                   .arg(attempts)
                   .arg(paused.elapsedMs),
               paused);

        // The pin fixed: resumes and drains.
        HubConfig fixed = m_hub.config();
        fixed.pin = readPin(m_hub.pkiDir);
        Run resumed;
        runUntil(resumed, fixed, drained);
        if (QTest::currentTestFailed())
            return;
        expectDelivered(ids);
        record(QStringLiteral("pin: fixed"), QStringLiteral("resumed → 2/2 ACKED, hub count 1"), resumed);
    }

    // ------------------------------------------------------------------ proxy

    void proxyTunnels()
    {
        ProxyProcess proxy;
        QString error;
        QVERIFY2(proxy.start(&error), qPrintable(error));
        HubConfig config = m_hub.config();
        config.proxy = proxy.url();
        // A host's no_proxy must not bypass the configured route either (§2: the kiosk's route
        // is its configuration only).
        ScopedEnvironment bypass({"no_proxy", "NO_PROXY"}, "127.0.0.1,localhost");
        const QStringList ids = enqueue(3);
        Run run;
        runUntil(run, config, drained);
        if (QTest::currentTestFailed())
            return;
        expectDelivered(ids);
        const int tunnels = proxy.figure("tunnels");
        QVERIFY2(tunnels >= 1, qPrintable(QString::number(tunnels)));
        record(QStringLiteral("proxy: CONNECT tunnel"),
               QStringLiteral("3/3 ACKED through %1 tunnel(s)").arg(tunnels), run);
    }

    void proxyDownThenBack()
    {
        // Learn a free port, then take the proxy down: the kiosk starts against a dead proxy.
        auto proxy = std::make_unique<ProxyProcess>();
        QString error;
        QVERIFY2(proxy->start(&error), qPrintable(error));
        const int port = proxy->port;
        HubConfig config = m_hub.config();
        config.proxy = proxy->url();
        proxy->stop();
        const QStringList ids = enqueue(2);
        bool pausedWhileDown = true, ackedWhileDown = true, errorWhileDown = false;
        Run run;
        runUntil(
            run, config, fastSettings(m_state.path()), drained, 20000,
            [&](const SyncStatusModel& m) {
                pausedWhileDown = m.pausedAuth();
                errorWhileDown = !m.online() && !m.lastError().isEmpty();
                ackedWhileDown = stateOf(ids[0]) == QLatin1String("ACKED");
                QString ignored;
                proxy->start(&ignored, port, false, false); // back, on the same port
            },
            1500);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!pausedWhileDown); // a transient failure, not an auth pause
        QVERIFY(errorWhileDown);
        QVERIFY(!ackedWhileDown);
        QVERIFY(!run.sawPaused);
        expectDelivered(ids);
        const int tunnels = proxy->figure("tunnels");
        QVERIFY2(tunnels >= 1, qPrintable(QString::number(tunnels)));
        record(QStringLiteral("proxy: down 1.5 s, then back"),
               QStringLiteral("offline (not paused), retried → 2/2 ACKED through %1 tunnel(s)").arg(tunnels),
               run);
    }

    void environmentProxyIgnored()
    {
        // A proxy that refuses everything and counts: used at all, it would show up (and fail).
        ProxyProcess trap;
        QString error;
        QVERIFY2(trap.start(&error, 0, true), qPrintable(error));
        ScopedEnvironment env({"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"},
                              trap.url().toLatin1());
        ScopedEnvironment noBypass({"no_proxy", "NO_PROXY"}, {});
        // The trap works: plain libcurl (no CURLOPT_PROXY) does take the environment's proxy.
        {
            CURL* e = curl_easy_init();
            const QByteArray url = (m_hub.url() + QStringLiteral("/v1/catalog")).toUtf8();
            curl_easy_setopt(e, CURLOPT_URL, url.constData());
            curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
            curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 5000L);
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_perform(e);
            curl_easy_cleanup(e);
        }
        const int trapped = trap.figure("connects");
        QVERIFY2(trapped >= 1, "the environment proxy did not catch a plain libcurl request");

        HubConfig config = m_hub.config();
        QVERIFY(config.proxy.isEmpty());
        const QStringList ids = enqueue(2);
        Run run;
        runUntil(run, config, drained);
        if (QTest::currentTestFailed())
            return;
        expectDelivered(ids);
        QCOMPARE(trap.figure("connects"), trapped); // the kiosk never asked it
        record(QStringLiteral("proxy: https_proxy/ALL_PROXY set to a refusing proxy, [hub] proxy empty"),
               QStringLiteral("direct → 2/2 ACKED, 0 requests at the env proxy"), run);
    }

    // ------------------------------------------------------------------ watchdog

    void watchdogRestartsStuckWorker()
    {
        // The hub holds the PUT for 6 s; no curl limit ends it sooner (total 60 s, no
        // low-speed limit): only the 1 s watchdog can.
        constexpr int kHoldMs = 6000;
        HubConfig config = m_hub.config();
        config.totalTimeoutMs = 60000;
        config.lowSpeedLimit = 0;
        SyncSettings settings = fastSettings(m_state.path());
        settings.watchdogMs = 1000;
        const QStringList ids = enqueue(1); // one item: PUT
        m_hub.faults({QJsonObject{{"match", "PUT /v1/submissions/"}, {"delay_ms", kHoldMs}, {"times", 1}}});
        Run run;
        runUntil(run, config, settings, drained, 20000);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(run.watchdogRestarts >= 1, qPrintable(QString::number(run.watchdogRestarts)));
        QVERIFY(run.alarms >= 1);
        QVERIFY2(run.elapsedMs < kHoldMs, qPrintable(QString::number(run.elapsedMs))); // not the hub's answer
        QCOMPARE(stateOf(ids[0]), QStringLiteral("ACKED"));
        // Exactly once, also after the held request has been processed by the hub.
        QTRY_VERIFY_WITH_TIMEOUT(m_hub.counters()[QStringLiteral("received")][ids[0]].toInt() >= 2,
                                 kHoldMs + 4000);
        QCOMPARE(m_hub.commits(ids[0]), 1);
        record(QStringLiteral("watchdog: PUT held 6 s, watchdog 1 s, total timeout 60 s"),
               QStringLiteral("%1 restart(s), re-sent → ACKED, hub count 1").arg(run.watchdogRestarts), run);
    }

    void cleanupTestCase()
    {
        qInfo().noquote() << "\ntransport (scenario | outcome | time to settle | max GUI stall):\n"
                          << m_table.join(QLatin1Char('\n'));
        m_storage.reset();
    }
};

QTEST_GUILESS_MAIN(TstSyncTransport)
#include "tst_sync_transport.moc"
