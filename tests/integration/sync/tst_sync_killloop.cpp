// kill -9 during enqueue and sync, in a loop (issue 5): a child process enqueues and syncs
// against the reference hub and is killed at random moments; afterwards `onewindow-tool sync`
// drains the queue. Every enqueue the child confirmed must be at the hub exactly once, the
// hub must hold nothing else, and no payload may have been stored twice under two IDs.
// ctest runs ONEWINDOW_KILL_LOOPS=20; the long run is
//   ONEWINDOW_KILL_LOOPS=200 build/<dir>/tests/integration/sync/tst_sync_killloop
#include "SyncTestSupport.h"
#include "app/storage/StorageWorker.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace onewindow;
using namespace onewindow::testing;

class TstSyncKillLoop : public QObject
{
    Q_OBJECT

private:
    static QString writeToolConfig(const QString& stateDir, const HubProcess& hub)
    {
        QFile conf(stateDir + QStringLiteral("/kiosk.conf"));
        if (!conf.open(QIODevice::WriteOnly))
            return {};
        const auto c = hub.config();
        conf.write(
            QStringLiteral("[kiosk]\nstate_dir=%1\n[hub]\nurl=%2\nkiosk_id=%3\nca=%4\ncert=%5\nkey=%6\n"
                           "backoff_base_ms=20\nbackoff_cap_ms=200\n")
                .arg(stateDir, c.url, c.kioskId, c.caFile, c.certFile, c.keyFile)
                .toUtf8());
        return conf.fileName();
    }

private slots:
    // Issue 22: `onewindow-tool sync` next to the running kiosk used to reset the kiosk's in-flight
    // items and send them side by side. The outbox's owner (here this process, as the kiosk would
    // be) holds the state directory's lock; the tool refuses, touches nothing and sends nothing.
    void toolRefusesToSyncWhileTheKioskOwnsTheOutbox()
    {
        HubProcess hub;
        QString error;
        QVERIFY2(hub.start(&error), qPrintable(error));
        QTemporaryDir state;
        const QString conf = writeToolConfig(state.path(), hub);
        QVERIFY(!conf.isEmpty());
        QString id;
        {
            storage::StorageConfig sc;
            sc.stateDir = state.path();
            storage::StorageWorker kiosk(sc);
            QVERIFY(kiosk.open().ok());
            id = kiosk.outbox().enqueue(makeSubmission(1)).value().itemId;
            QCOMPARE(kiosk.outbox().takeReady(1)->size(), 1); // the kiosk is sending it

            QProcess tool;
            tool.start(QStringLiteral(ONEWINDOW_TOOL_PATH),
                       {QStringLiteral("--config"), conf, QStringLiteral("sync"), QStringLiteral("--once")});
            QVERIFY(tool.waitForFinished(30000));
            const QByteArray err = tool.readAllStandardError();
            QCOMPARE(tool.exitCode(), 2);
            QVERIFY2(err.contains("in use by another process"), err.constData());
            QCOMPARE(kiosk.outbox().entry(id)->state, storage::OutboxState::Sending); // not "recovered"
            const QJsonObject received = hub.counters()[QStringLiteral("received")].toObject();
            int n = 0;
            for (auto it = received.begin(); it != received.end(); ++it)
                n += it.value().toInt();
            QCOMPARE(n, 0); // nothing left for the hub
        }
        // Once the owner is gone the tool owns it: it recovers the item and delivers it once.
        QProcess tool;
        tool.start(QStringLiteral(ONEWINDOW_TOOL_PATH),
                   {QStringLiteral("--config"), conf, QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY(tool.waitForFinished(30000));
        QVERIFY2(tool.exitCode() == 0, tool.readAllStandardError().constData());
        const QJsonArray records =
            hub.admin(QStringLiteral("/admin/submissions"), {}, false)[QStringLiteral("submissions")]
                .toArray();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0)[QStringLiteral("submission_id")].toString(), id);
    }

    void killLoop()
    {
        HubProcess hub;
        QString error;
        QVERIFY2(hub.start(&error), qPrintable(error));
        QTemporaryDir state;
        const int loops = qEnvironmentVariableIntValue("ONEWINDOW_KILL_LOOPS") > 0
                              ? qEnvironmentVariableIntValue("ONEWINDOW_KILL_LOOPS")
                              : 20;
        QSet<QString> confirmed;
        QRandomGenerator rng(20240601);
        int killed = 0;
        for (int i = 0; i < loops; ++i) {
            QProcess child;
            child.start(QStringLiteral(ONEWINDOW_CHILD_PATH), {state.path(), hub.url(), hub.pkiDir});
            QVERIFY(child.waitForStarted(5000));
            QThread::msleep(20 + rng.bounded(250));
            if (child.state() == QProcess::Running) {
                child.kill(); // SIGKILL, to our own child
                ++killed;
            }
            child.waitForFinished(5000);
            for (const QByteArray& line : child.readAllStandardOutput().split('\n')) {
                if (line.startsWith("OK "))
                    confirmed.insert(QString::fromLatin1(line.mid(3)));
            }
        }
        QVERIFY(!confirmed.isEmpty());

        // Drain with the technicians' tool: it also recovers SENDING rows from the last kill.
        const QString conf = writeToolConfig(state.path(), hub);
        QVERIFY(!conf.isEmpty());
        QProcess tool;
        tool.start(QStringLiteral(ONEWINDOW_TOOL_PATH),
                   {QStringLiteral("--config"), conf, QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY(tool.waitForFinished(50000));
        const QByteArray out = tool.readAllStandardOutput();
        QVERIFY2(tool.exitCode() == 0, out + tool.readAllStandardError());
        const QJsonObject report = QJsonDocument::fromJson(out).object();
        QCOMPARE(report.value(QStringLiteral("queue"))[QStringLiteral("pending")].toInt(), 0);

        // Every committed item (confirmed or not) is ACKED and at the hub exactly once.
        storage::StorageConfig sc;
        sc.stateDir = state.path();
        storage::StorageWorker worker(sc);
        QVERIFY(worker.open().ok());
        const auto entries = worker.outbox().entries(1000000);
        QVERIFY(entries.ok());
        QSet<QString> local;
        for (const auto& e : entries.value()) {
            local.insert(e.itemId);
            QCOMPARE(QString::fromLatin1(storage::outboxStateName(e.state)), QStringLiteral("ACKED"));
        }
        for (const QString& id : confirmed)
            QVERIFY2(local.contains(id), qPrintable(id)); // I1: a confirmed enqueue survives kill -9
        const QJsonArray records =
            hub.admin(QStringLiteral("/admin/submissions"), {}, false)[QStringLiteral("submissions")]
                .toArray();
        QSet<QString> atHub, fingerprints;
        for (const QJsonValue& r : records) {
            const QString id = r[QStringLiteral("submission_id")].toString();
            QCOMPARE(r[QStringLiteral("commits")].toInt(), 1);
            atHub.insert(id);
            fingerprints.insert(r[QStringLiteral("fingerprint")].toString());
        }
        QCOMPARE(atHub, local);                      // nothing lost, nothing extra
        QCOMPARE(fingerprints.size(), atHub.size()); // never one payload under two IDs
        for (const QString& id : confirmed)
            QVERIFY(atHub.contains(id));
        qInfo().noquote() << QStringLiteral(
                                 "kill loop: %1 runs, %2 killed, %3 confirmed enqueues, %4 items queued, "
                                 "%5 at the hub (each once), %6 received by the hub in total")
                                 .arg(loops)
                                 .arg(killed)
                                 .arg(confirmed.size())
                                 .arg(local.size())
                                 .arg(atHub.size())
                                 .arg([&] {
                                     int n = 0;
                                     const QJsonObject rec =
                                         hub.counters()[QStringLiteral("received")].toObject();
                                     for (auto it = rec.begin(); it != rec.end(); ++it)
                                         n += it.value().toInt();
                                     return n;
                                 }());
    }
};

QTEST_GUILESS_MAIN(TstSyncKillLoop)
#include "tst_sync_killloop.moc"
