// The sync status model: fed by queued signals from another thread, it exposes online state,
// queue depth, the oldest item's age and the last success per stream, and never waits.
#include "app/sync/SyncStatusModel.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace onewindow::sync;

class Emitter : public QObject
{
    Q_OBJECT
signals:
    void status(const onewindow::sync::SyncStatus& s);
};

class TstSyncStatusModel : public QObject
{
    Q_OBJECT

private slots:
    void appliesSnapshots()
    {
        QDateTime now(QDate(2024, 6, 1), QTime(12, 0, 0), Qt::UTC);
        SyncStatusModel model(nullptr, [&] { return now; });
        QVERIFY(!model.online());
        QCOMPARE(model.oldestItemAgeSeconds(), qint64(0));
        QSignalSpy changed(&model, &SyncStatusModel::changed);

        SyncStatus s;
        s.configured = true;
        s.online = true;
        s.queueDepth = 3;
        s.oldestPendingAt = now.addSecs(-90);
        s.lastSuccess.insert(QStringLiteral("outbox"), now.addSecs(-5));
        s.lastSuccess.insert(QStringLiteral("heartbeat"), now.addSecs(-1));
        model.apply(s);
        QCOMPARE(changed.count(), 1);
        QVERIFY(model.online());
        QCOMPARE(model.queueDepth(), 3);
        QCOMPARE(model.oldestItemAgeSeconds(), qint64(90));
        now = now.addSecs(10); // the age grows without a new snapshot
        QCOMPARE(model.oldestItemAgeSeconds(), qint64(100));
        QCOMPARE(model.lastSuccess().value(QStringLiteral("outbox")).toString(),
                 QStringLiteral("2024-06-01T11:59:55Z"));
        QCOMPARE(model.lastSuccessOf(QStringLiteral("heartbeat")),
                 QDateTime(QDate(2024, 6, 1), QTime(11, 59, 59), Qt::UTC));

        s.online = false;
        s.pausedAuth = true;
        s.pauseReason = QStringLiteral("curl 60");
        s.queueDepth = 0;
        model.apply(s);
        QVERIFY(!model.online());
        QVERIFY(model.pausedAuth());
        QCOMPARE(model.pauseReason(), QStringLiteral("curl 60"));
        QCOMPARE(model.oldestItemAgeSeconds(), qint64(0)); // empty queue: no age
    }

    void fedAcrossThreads()
    {
        SyncStatusModel model;
        QThread thread;
        Emitter emitter;
        emitter.moveToThread(&thread);
        connect(&emitter, &Emitter::status, &model, &SyncStatusModel::apply, Qt::QueuedConnection);
        thread.start();
        SyncStatus s;
        s.online = true;
        s.queueDepth = 42;
        QMetaObject::invokeMethod(
            &emitter, [&emitter, s] { emit emitter.status(s); }, Qt::QueuedConnection);
        QTRY_COMPARE(model.queueDepth(), 42);
        QVERIFY(model.online());
        thread.quit();
        thread.wait();
    }
};

QTEST_GUILESS_MAIN(TstSyncStatusModel)
#include "tst_sync_statusmodel.moc"
