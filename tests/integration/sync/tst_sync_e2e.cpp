// End to end against the reference hub over mutual TLS (issue 5 "Tests", first bullet):
// submissions exactly once (batch and PUT), licence deltas, 410 → full reload, catalogue 304,
// ratings, a heartbeat command executed and acknowledged. The engine runs its cycles on the
// test thread here (the fault matrix runs it on its own thread behind SyncService).
#include "SyncTestSupport.h"
#include "app/storage/StorageWorker.h"
#include "app/sync/SyncEngine.h"

#include <QSignalSpy>
#include <QTest>

using namespace onewindow;
using namespace onewindow::sync;
using namespace onewindow::testing;

class TstSyncE2e : public QObject
{
    Q_OBJECT

private:
    HubProcess m_hub;
    QTemporaryDir m_state;
    std::unique_ptr<storage::StorageWorker> m_worker;
    std::shared_ptr<HubClient> m_client;
    std::unique_ptr<SyncEngine> m_engine;

    SyncSettings settings() const
    {
        SyncSettings s;
        s.backoffBaseMs = 20;
        s.backoffCapMs = 200;
        s.reconnectJitterMaxMs = 0;
        s.stateDir = m_state.path();
        s.seed = 42;
        return s;
    }
    QString enqueue(const Submission& s)
    {
        auto r = m_worker->outbox().enqueue(s);
        return r ? r.value().itemId : QString();
    }
    QString stateOf(const QString& id)
    {
        auto e = m_worker->outbox().entry(id);
        return e ? QString::fromLatin1(storage::outboxStateName(e.value().state)) : QStringLiteral("?");
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_hub.start(&error), qPrintable(error));
        storage::StorageConfig config;
        config.stateDir = m_state.path();
        config.licenseRootKey = m_hub.licenceRoot();
        m_worker = std::make_unique<storage::StorageWorker>(config);
        QVERIFY(m_worker->open().ok());
        m_client = std::make_shared<HubClient>(m_hub.config());
        m_engine = std::make_unique<SyncEngine>(
            m_client,
            [this](const std::function<void(storage::StorageWorker&)>& fn) {
                fn(*m_worker);
                return true;
            },
            settings());
    }

    void submissionsExactlyOnce()
    {
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids << enqueue(makeSubmission(i));
        auto report = m_engine->runCycle(true);
        QVERIFY2(report.allOk(), QJsonDocument(report.toJson()).toJson());
        QCOMPARE(report.streams.value(QStringLiteral("outbox")).acked, 5);
        for (const QString& id : ids) {
            QCOMPARE(stateOf(id), QStringLiteral("ACKED"));
            QCOMPARE(m_hub.commits(id), 1);
            auto e = m_worker->outbox().entry(id);
            QVERIFY(!e.value().hubReceiptId.isEmpty()); // the hub's 办件编号
            QVERIFY(!e.value().promisedDate.isEmpty());
        }
        QCOMPARE(m_hub.requests(QStringLiteral("POST /v1/submissions:batch")), 1);

        // A single item goes by PUT with its Idempotency-Key.
        const QString single = enqueue(makeSubmission(99));
        report = m_engine->runCycle(true);
        QCOMPARE(stateOf(single), QStringLiteral("ACKED"));
        QCOMPARE(m_hub.requests(QStringLiteral("PUT /v1/submissions/{id}")), 1);
        QCOMPARE(m_hub.commits(single), 1);

        // Nothing left: another cycle sends nothing.
        report = m_engine->runCycle(true);
        QCOMPARE(report.streams.value(QStringLiteral("outbox")).sent, 0);
        QCOMPARE(m_hub.counters().value(QStringLiteral("stored")).toInt(), 6);
    }

    void licenceFullLoadThenDeltas()
    {
        // The first licence cycle had no cursor: a full load into cache.new.db and a swap.
        const QDate today = QDate::currentDate();
        auto found = m_worker->cache().lookupValid(u"110105198001019010", today);
        QVERIFY(found.ok());
        QCOMPARE(found.value().size(), 2); // 户口簿 + 结婚证 (as 男方)
        const QString cursorBefore = m_worker->cache().cursor().value();
        QVERIFY(!cursorBefore.isEmpty());

        // A new licence for 样例丁 and a revocation of 测试甲's 户口簿, as deltas.
        QJsonObject lic = m_hub.admin(
            QStringLiteral("/admin/licenses/changes"),
            {{"changes", QJsonArray{QJsonObject{
                             {"op", "upsert"},
                             {"fixture", QJsonObject{{"type", "hukou"},
                                                     {"serial", 40},
                                                     {"holders", QJsonArray{QJsonArray{"d", "户主"}}}}}}}}});
        QCOMPARE(lic.value(QStringLiteral("hub_versions")).toArray().size(), 1);
        auto d = m_worker->cache().lookupValid(u"110105199007079246", today);
        const int dBefore = int(d.value().size());
        auto report = m_engine->runCycle(true);
        const auto lr = report.streams.value(QStringLiteral("licenses"));
        QVERIFY2(lr.ok, qPrintable(lr.error));
        QVERIFY(!lr.fullReload);
        QCOMPARE(lr.applied, 1);
        d = m_worker->cache().lookupValid(u"110105199007079246", today);
        QCOMPARE(int(d.value().size()), dBefore + 1);
        QVERIFY(m_worker->cache().cursor().value() != cursorBefore);
    }

    void cursorExpiredMeansFullReload()
    {
        m_hub.admin(QStringLiteral("/admin/licenses/expire-cursors"));
        const int gets = m_hub.requests(QStringLiteral("GET /v1/licenses/changes"));
        auto report = m_engine->runCycle(true);
        const auto lr = report.streams.value(QStringLiteral("licenses"));
        QVERIFY2(lr.ok, qPrintable(lr.error));
        QVERIFY(lr.fullReload);
        QVERIFY(m_hub.requests(QStringLiteral("GET /v1/licenses/changes")) >= gets + 2); // 410, then pages
        QVERIFY(m_worker->cache().cursor().value().startsWith(QLatin1String("v1.2.")));
        auto found = m_worker->cache().lookupValid(u"110105198001019010", QDate::currentDate());
        QCOMPARE(found.value().size(), 2);
        QVERIFY(!QFile::exists(m_state.path() + QStringLiteral("/cache.new.db")));
    }

    void catalogueEtag()
    {
        // Stored by the earlier cycles; now unchanged → 304.
        auto stored = m_worker->cache().catalog();
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().version, QStringLiteral("2024.06.1"));
        auto report = m_engine->runCycle(true);
        QVERIFY(report.streams.value(QStringLiteral("catalog")).notModified);
        m_hub.admin(QStringLiteral("/admin/catalog"), {{"version", "2024.07.1"}});
        report = m_engine->runCycle(true);
        QVERIFY(!report.streams.value(QStringLiteral("catalog")).notModified);
        QCOMPARE(m_worker->cache().catalog().value().version, QStringLiteral("2024.07.1"));
    }

    void ratingsDelivered()
    {
        Rating r;
        r.submissionId = QStringLiteral("local-1");
        r.serviceItemCode = QStringLiteral("11110105MB0000000X4000111100001");
        r.serviceItemName = QStringLiteral("居住证签注");
        r.level = Rating::Level::VerySatisfied;
        r.indicators = {QStringLiteral("101")};
        r.raterIdNumber = QStringLiteral("110105198001019010");
        auto receipt = m_worker->outbox().enqueue(r);
        QVERIFY(receipt.ok());
        m_engine->runCycle(true);
        QCOMPARE(stateOf(receipt.value().itemId), QStringLiteral("ACKED"));
        const QJsonObject ratings = m_hub.counters().value(QStringLiteral("ratings")).toObject();
        QCOMPARE(ratings.value(receipt.value().itemId).toInt(), 1);
    }

    void heartbeatCommandExecutedAndAcknowledged()
    {
        const QJsonObject cmd = m_hub.admin(QStringLiteral("/admin/commands"), {{"type", "purge_cache"}});
        const QString id = cmd.value(QStringLiteral("id")).toString();
        QSignalSpy spy(m_engine.get(), &SyncEngine::commandReceived);
        auto report = m_engine->runCycle(true);
        QCOMPARE(report.streams.value(QStringLiteral("heartbeat")).commands, 1);
        QCOMPARE(spy.count(), 1);
        // purge_cache forgot the cursor, so this same cycle reloaded the licences in full.
        QVERIFY(report.streams.value(QStringLiteral("licenses")).fullReload);
        QVERIFY(m_hub.counters().value(QStringLiteral("pending_commands")).toArray().contains(id));
        // Acknowledged in the next heartbeat; not executed twice.
        report = m_engine->runCycle(true);
        QCOMPARE(spy.count(), 1);
        const QJsonObject counters = m_hub.counters();
        QVERIFY(counters.value(QStringLiteral("pending_commands")).toArray().isEmpty());
        bool acked = false;
        for (const QJsonValue& a : counters.value(QStringLiteral("acks")).toArray())
            acked = acked || (a[QStringLiteral("id")].toString() == id &&
                              a[QStringLiteral("status")].toString() == QLatin1String("done"));
        QVERIFY(acked);
        QVERIFY(m_engine->status().lastSuccess.contains(QStringLiteral("heartbeat")));
    }

    void eidRelayAnswers501()
    {
        HubRequest r;
        r.method = "POST";
        r.path = QStringLiteral("/v1/eid/sessions");
        r.body = "{}";
        QCOMPARE(m_client->perform(r).httpStatus, 501);
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_client.reset();
        m_worker.reset();
    }
};

QTEST_GUILESS_MAIN(TstSyncE2e)
#include "tst_sync_e2e.moc"
