// 办件查询 against the reference hub over mutual TLS: online answers come from the hub's
// cases:lookup; when the hub is gone, the kiosk's own records answer and say they are offline.
#include "../sync/SyncTestSupport.h"
#include "app/storage/StorageService.h"
#include "app/storage/StorageWorker.h"
#include "app/sync/SyncEngine.h"
#include "app/sync/SyncService.h"
#include "app/ui/HubProgressSource.h"
#include "app/ui/LocalProgressSource.h"

#include <QSignalSpy>
#include <QTest>

using namespace onewindow;
using namespace onewindow::testing;

class TestHubProgress : public QObject
{
    Q_OBJECT
    HubProcess m_hub;
    QTemporaryDir m_state;

private Q_SLOTS:
    void onlineThenOffline()
    {
        QString error;
        QVERIFY2(m_hub.start(&error), qPrintable(error));
        storage::StorageConfig config;
        config.stateDir = m_state.path();
        storage::StorageService storage(config);
        QSignalSpy opened(&storage, &storage::StorageService::opened);
        storage.start();
        QVERIFY(opened.wait(10000));

        // One submission delivered to the hub through the real engine, run on the storage thread.
        const Submission submission = makeSubmission(1);
        auto client = std::make_shared<sync::HubClient>(m_hub.config());
        sync::SyncSettings settings;
        settings.stateDir = m_state.path();
        sync::SyncEngine engine(client, sync::SyncService::runnerFor(storage), settings);
        QSignalSpy queued(&storage, &storage::StorageService::submissionQueued);
        storage.enqueueSubmission(submission);
        QVERIFY(queued.wait(10000));
        QVERIFY(engine.runCycle(true).allOk());
        QCOMPARE(m_hub.commits(submission.submissionId), 1);

        LocalProgressSource local(&storage);
        HubProgressSource progress(client, &local);
        QSignalSpy answered(&progress, &ProgressSource::answered);
        progress.lookupByIdNumber(submission.applicantIdNumber);
        QVERIFY(answered.wait(10000));
        auto entries = answered.first().at(0).value<QList<ProgressEntry>>();
        QCOMPARE(answered.first().at(1).toBool(), true); // from the hub
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().itemName, submission.serviceItemName);
        QVERIFY(!entries.first().queryCode.isEmpty()); // the hub's 办件编号

        // Hub gone: the same lookup answers from this kiosk's outbox and says so.
        m_hub.stop();
        answered.clear();
        progress.lookupByIdNumber(submission.applicantIdNumber);
        QVERIFY(answered.wait(15000));
        QCOMPARE(answered.first().at(1).toBool(), false);
        entries = answered.first().at(0).value<QList<ProgressEntry>>();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().state, QStringLiteral("ACKED"));
    }
};

QTEST_GUILESS_MAIN(TestHubProgress)
#include "tst_hub_progress.moc"
