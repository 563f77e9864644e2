// The health report's JSON shape and the ok/warn/fail table, as pure functions: disk
// thresholds from injected free-space figures, sync staleness from injected statuses.
#include "app/health/HealthReport.h"
#include "app/health/HealthRules.h"
#include "app/health/HealthSettings.h"
#include "app/health/HealthWatchdog.h"
#include "app/platform/KioskConfig.h"

#include <QJsonArray>
#include <QTest>

using namespace onewindow;
using namespace onewindow::health;

namespace {

constexpr qint64 kMb = 1024 * 1024;

HealthCheck check(const QString& name, HealthStatus status)
{
    HealthCheck c;
    c.name = name;
    c.status = status;
    c.detail = QStringLiteral("d");
    return c;
}

} // namespace

class TstHealthRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportJsonShape()
    {
        HealthReport r;
        r.at = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        HealthCheck a = check(QStringLiteral("reader_thread"), HealthStatus::Ok);
        a.since = r.at.addSecs(-60);
        r.checks << a << check(QStringLiteral("sync"), HealthStatus::Warn);
        const QJsonObject j = r.toJson();
        QCOMPARE(j.keys(), (QStringList{"at", "checks", "healthy"}));
        QCOMPARE(j.value("healthy").toBool(), true); // a warning is still healthy
        QCOMPARE(j.value("at").toString(), QStringLiteral("2026-01-02T03:04:05Z"));
        const QJsonArray checks = j.value("checks").toArray();
        QCOMPARE(checks.size(), 2);
        const QJsonObject first = checks.at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{"detail", "name", "since", "status"}));
        QCOMPARE(first.value("name").toString(), QStringLiteral("reader_thread"));
        QCOMPARE(first.value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(first.value("since").toString(), QStringLiteral("2026-01-02T03:03:05Z"));
        QCOMPARE(checks.at(1).toObject().value("status").toString(), QStringLiteral("warn"));
        QVERIFY(checks.at(1).toObject().value("since").isNull());

        r.checks << check(QStringLiteral("outbox_db"), HealthStatus::Fail);
        QCOMPARE(r.toJson().value("healthy").toBool(), false);
        QCOMPARE(r.failedChecks(), QStringList{"outbox_db"});
        QCOMPARE(HealthWatchdog::statusLine(r), QStringLiteral("unhealthy: outbox_db"));
        r.checks.removeLast();
        QCOMPARE(HealthWatchdog::statusLine(r), QStringLiteral("kiosk running; warnings: sync"));
        r.complete = false; // a probe has not answered yet: not healthy, whatever the rest says
        QVERIFY(!r.healthy());
    }

    void sinceCarriesOverUntilTheStatusChanges()
    {
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        HealthReport before;
        before.checks = HealthReport::carrySince({}, {check("disk", HealthStatus::Ok)}, t0);
        QCOMPARE(before.checks.at(0).since, t0);
        const QDateTime t1 = t0.addSecs(10);
        QCOMPARE(HealthReport::carrySince(before, {check("disk", HealthStatus::Ok)}, t1).at(0).since, t0);
        QCOMPARE(HealthReport::carrySince(before, {check("disk", HealthStatus::Warn)}, t1).at(0).since, t1);
    }

    void diskThresholds_data()
    {
        QTest::addColumn<qint64>("freeBytes");
        QTest::addColumn<int>("expected");
        QTest::newRow("plenty") << 2000 * kMb << int(HealthStatus::Ok);
        QTest::newRow("at warn line") << 500 * kMb << int(HealthStatus::Ok);
        QTest::newRow("below warn") << 500 * kMb - 1 << int(HealthStatus::Warn);
        QTest::newRow("at fail line") << 50 * kMb << int(HealthStatus::Warn);
        QTest::newRow("below fail") << 50 * kMb - 1 << int(HealthStatus::Fail);
        QTest::newRow("full") << qint64(0) << int(HealthStatus::Fail);
        QTest::newRow("unknown") << qint64(-1) << int(HealthStatus::Warn);
    }
    void diskThresholds()
    {
        QFETCH(qint64, freeBytes);
        QFETCH(int, expected);
        const HealthCheck c = diskCheck(freeBytes, HealthSettings{});
        QCOMPARE(c.name, QStringLiteral("disk"));
        QCOMPARE(int(c.status), expected);
        QVERIFY(!c.detail.isEmpty());
    }

    void thresholdsFromConfiguration()
    {
        KioskConfig config;
        config.setValue(QStringLiteral("health/disk_fail_mb"), 100);
        config.setValue(QStringLiteral("health/disk_warn_mb"), 1000);
        config.setValue(QStringLiteral("health/interval_seconds"), 3);
        config.setValue(QStringLiteral("health/sync_stale_minutes"), QStringLiteral("nonsense"));
        const HealthSettings s = HealthSettings::fromKioskConfig(config);
        QCOMPARE(s.diskFailMb, 100);
        QCOMPARE(s.diskWarnMb, 1000);
        QCOMPARE(s.intervalMs, 3000);
        QCOMPARE(s.syncStaleMinutes, 30); // a typo keeps the default, never turns the check off
        QCOMPARE(int(diskCheck(99 * kMb, s).status), int(HealthStatus::Fail));
        QCOMPARE(int(diskCheck(999 * kMb, s).status), int(HealthStatus::Warn));
    }

    void syncStaleIsAWarningNeverAFailure()
    {
        const HealthSettings s;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        sync::SyncStatus st;
        st.configured = true;
        st.queueDepth = 3;
        st.oldestPendingAt = now.addSecs(-3 * 3600);
        st.lastSuccess.insert(QStringLiteral("outbox"), now.addSecs(-31 * 60));
        HealthCheck c = syncCheck(true, st, now, s);
        QCOMPARE(int(c.status), int(HealthStatus::Warn));
        QVERIFY(c.detail.contains(QStringLiteral("3 items waiting")));

        st.lastSuccess.insert(QStringLiteral("outbox"), now.addSecs(-5 * 60));
        QCOMPARE(int(syncCheck(true, st, now, s).status), int(HealthStatus::Ok));

        // Never an upload since start: the age of the oldest waiting item counts.
        st.lastSuccess.clear();
        QCOMPARE(int(syncCheck(true, st, now, s).status), int(HealthStatus::Warn));
        st.oldestPendingAt = now.addSecs(-60);
        QCOMPARE(int(syncCheck(true, st, now, s).status), int(HealthStatus::Ok));

        // An empty queue is fine however long the hub has been away.
        st.queueDepth = 0;
        st.oldestPendingAt = {};
        QCOMPARE(int(syncCheck(true, st, now, s).status), int(HealthStatus::Ok));

        st.pausedAuth = true;
        QCOMPARE(int(syncCheck(true, st, now, s).status), int(HealthStatus::Warn));

        // Whatever the status, sync never fails (a restart does not bring a network back).
        for (int depth : {0, 1, 1000}) {
            for (bool paused : {false, true}) {
                st.queueDepth = depth;
                st.pausedAuth = paused;
                st.lastSuccess.insert(QStringLiteral("outbox"), now.addDays(-30));
                QVERIFY(syncCheck(true, st, now, s).status != HealthStatus::Fail);
            }
        }
    }

    void syncNotConfigured()
    {
        const HealthCheck c =
            syncCheck(false, std::nullopt, QDateTime::currentDateTimeUtc(), HealthSettings{});
        QCOMPARE(int(c.status), int(HealthStatus::Ok));
        QCOMPARE(c.detail, QStringLiteral("no hub configured"));
    }

    void readerAndDatabaseChecks()
    {
        QCOMPARE(int(readerThreadCheck(ReaderThreadState::Answering, 5000).status), int(HealthStatus::Ok));
        QCOMPARE(int(readerThreadCheck(ReaderThreadState::NotAnswering, 5000).status),
                 int(HealthStatus::Fail));
        QCOMPARE(int(readerThreadCheck(ReaderThreadState::NotRunning, 5000).status), int(HealthStatus::Fail));
        QCOMPARE(readerThreadCheck(ReaderThreadState::NotAnswering, 5000).name,
                 QStringLiteral("reader_thread"));
        QCOMPARE(int(databaseCheck(QStringLiteral("outbox_db"), {}).status), int(HealthStatus::Ok));
        const HealthCheck bad = databaseCheck(QStringLiteral("outbox_db"), QStringLiteral("disk I/O error"));
        QCOMPARE(int(bad.status), int(HealthStatus::Fail));
        QVERIFY(bad.detail.contains(QStringLiteral("disk I/O error")));
        QCOMPARE(int(databaseTimeoutCheck(QStringLiteral("cache_db"), 5000).status), int(HealthStatus::Fail));
    }
};

QTEST_GUILESS_MAIN(TstHealthRules)
#include "tst_health_rules.moc"
