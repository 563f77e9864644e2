// The hub heartbeat carries the health report and the readers (issue 7): a real SyncEngine
// posts to the reference hub (tests/hub/hub.py) over mutual TLS, with the provider of a real
// HealthMonitor watching a real ReaderManager thread.
#include "app/health/HealthMonitor.h"
#include "app/sync/SyncEngine.h"
#include "drivers/reader/ReaderManager.h"
#include "tests/integration/sync/SyncTestSupport.h"

#include <QTest>

using namespace onewindow;
using namespace onewindow::health;
using namespace onewindow::testing;

namespace {

// The smallest backend that announces one reader: the heartbeat needs a reader snapshot, and
// no real reader is attached here (the reader thread and its snapshots are real).
class OneReaderBackend : public ReaderBackend
{
public:
    QString backendName() const override { return QStringLiteral("one"); }
    void start() override
    {
        ReaderInfo info;
        info.name = QStringLiteral("Test Reader 0");
        info.backend = backendName();
        Q_EMIT readerAdded(info);
    }
    void stop() override {}
};

} // namespace

class TstHealthHeartbeat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heartbeatCarriesHealthAndReaders()
    {
        HubProcess hub;
        QString error;
        QVERIFY2(hub.start(&error), qPrintable(error));
        QTemporaryDir state;
        QVERIFY(state.isValid());
        storage::StorageConfig config;
        config.stateDir = state.path();
        storage::StorageWorker worker(config);
        QVERIFY(worker.open().ok());

        ReaderManager readers;
        readers.registerBackend(QStringLiteral("one"), [] { return std::make_unique<OneReaderBackend>(); });
        readers.start({QStringLiteral("one")});
        HealthSettings hs;
        hs.intervalMs = 200;
        hs.probeTimeoutMs = 1000;
        HealthMonitor monitor(hs);
        monitor.setReaderManager(&readers);
        monitor.setSyncConfigured(true);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.healthy() && monitor.readersJson().size() == 1, 5000);

        sync::SyncSettings settings;
        settings.reconnectJitterMaxMs = 0;
        settings.stateDir = state.path();
        settings.seed = 7;
        settings.healthProvider = monitor.heartbeatProvider();
        sync::SyncEngine engine(
            std::make_shared<sync::HubClient>(hub.config()),
            [&worker](const std::function<void(storage::StorageWorker&)>& fn) {
                fn(worker);
                return true;
            },
            settings);
        const auto report = engine.runCycle(true);
        QVERIFY2(report.allOk(), QJsonDocument(report.toJson()).toJson());

        const QJsonObject last = hub.counters().value(QStringLiteral("last_heartbeat")).toObject();
        const QJsonObject health = last.value(QStringLiteral("health")).toObject();
        QCOMPARE(health.value(QStringLiteral("healthy")).toBool(), true);
        QStringList names;
        for (const QJsonValue& c : health.value(QStringLiteral("checks")).toArray())
            names << c[QStringLiteral("name")].toString();
        QCOMPARE(names, (QStringList{"reader_thread", "sync"}));
        QVERIFY(!health.value(QStringLiteral("at")).toString().isEmpty());
        const QJsonArray list = last.value(QStringLiteral("readers")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Test Reader 0"));
        QCOMPARE(list.at(0)[QStringLiteral("backend")].toString(), QStringLiteral("one"));
        QCOMPARE(list.at(0)[QStringLiteral("status")].toString(), QStringLiteral("ready"));
        monitor.stop();
        readers.stop();
    }
};

QTEST_GUILESS_MAIN(TstHealthHeartbeat)
#include "tst_health_heartbeat.moc"
