// kill -9 in the middle of enqueue loops (issue 4): a child process enqueues durably and
// reports each success; the test kills it at a random moment, many times, then checks that
// every enqueue that returned success is present in outbox.db and decrypts to the same bytes
// (I1). ONEWINDOW_KILL_LOOPS sets the number of kills (ctest: 20; the long run: 200+).
// A second case deletes the -wal (and -shm) after each kill.
#include "app/platform/Crypto.h"
#include "app/storage/DatabaseOpener.h"
#include "app/storage/OutboxStore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#ifndef ONEWINDOW_CHILD_PATH
#error "ONEWINDOW_CHILD_PATH must name storage_enqueue_child"
#endif

using namespace onewindow;
using namespace onewindow::storage;

class KillLoopTest : public QObject
{
    Q_OBJECT

    int loops() const
    {
        bool ok = false;
        const int n = qEnvironmentVariableIntValue("ONEWINDOW_KILL_LOOPS", &ok);
        return ok && n > 0 ? n : 20;
    }

    // Runs the child until it has confirmed a random number of items (or a random time has
    // passed), kills it with SIGKILL and returns the confirmed id → sha256 pairs.
    QMap<QString, QByteArray> runAndKill(const QString& stateDir, QRandomGenerator& rng, int* killedMidRun)
    {
        QProcess child;
        child.setProgram(QStringLiteral(ONEWINDOW_CHILD_PATH));
        child.setArguments({stateDir});
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start();
        if (!child.waitForStarted(10000))
            qFatal("child did not start");
        const int delayMs = 5 + int(rng.bounded(120));
        QElapsedTimer t;
        t.start();
        QByteArray out;
        while (t.elapsed() < delayMs + 2000 && !out.contains("READY"))
            if (child.waitForReadyRead(50))
                out += child.readAllStandardOutput();
        QTest::qWait(0);
        QElapsedTimer run;
        run.start();
        while (run.elapsed() < delayMs) {
            child.waitForReadyRead(1);
            out += child.readAllStandardOutput();
        }
        const bool stillRunning = child.state() == QProcess::Running;
        child.kill(); // SIGKILL
        child.waitForFinished(10000);
        out += child.readAllStandardOutput();
        if (stillRunning)
            ++*killedMidRun;
        QMap<QString, QByteArray> confirmed;
        // Only complete lines count: a line cut by the kill was never a confirmed success.
        const QList<QByteArray> lines = out.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> f = lines.at(i).split(' ');
            if (f.size() == 3 && f.at(0) == "OK")
                confirmed.insert(QString::fromLatin1(f.at(1)), f.at(2));
        }
        return confirmed;
    }

    void verifyAll(const QString& stateDir, const QMap<QString, QByteArray>& confirmed)
    {
        OpenReport report;
        auto db = DatabaseOpener::open(DatabaseOpener::outboxSpec(stateDir + QStringLiteral("/outbox.db")),
                                       &report);
        QVERIFY(db.ok());
        QVERIFY2(!report.salvaged, qPrintable(report.alarm));
        QCOMPARE(DatabaseOpener::quickCheck(*db.value()), QStringLiteral("ok"));
        KeyStore keys = KeyStore::open(stateDir + QStringLiteral("/keys"), false).value();
        OutboxStore outbox(*db.value(), keys);
        int missing = 0;
        int damaged = 0;
        for (auto it = confirmed.cbegin(); it != confirmed.cend(); ++it) {
            auto payload = outbox.payload(it.key());
            if (!payload.ok())
                ++missing;
            else if (crypto::sha256(payload.value()).toHex() != it.value())
                ++damaged;
        }
        QCOMPARE(missing, 0);
        QCOMPARE(damaged, 0);
        // No duplicates: item ids are unique by schema; the row count is at least the confirmed.
        QVERIFY(db.value()->queryInt("SELECT COUNT(*) FROM outbox_item").value() >= confirmed.size());
    }

private slots:
    void killDuringEnqueue()
    {
        QTemporaryDir dir;
        const QString state = dir.filePath(QStringLiteral("state"));
        QRandomGenerator rng(quint32(QDateTime::currentMSecsSinceEpoch()));
        QMap<QString, QByteArray> confirmed;
        int killedMidRun = 0;
        for (int i = 0; i < loops(); ++i)
            confirmed.insert(runAndKill(state, rng, &killedMidRun));
        qInfo("kill loop: %d kills (%d while enqueueing), %lld confirmed enqueues", loops(), killedMidRun,
              qlonglong(confirmed.size()));
        QVERIFY(killedMidRun >= loops() * 3 / 4);
        QVERIFY(confirmed.size() > loops());
        verifyAll(state, confirmed);
    }

    void deletedWalAfterKill()
    {
        QTemporaryDir dir;
        const QString state = dir.filePath(QStringLiteral("state"));
        QRandomGenerator rng(quint32(QDateTime::currentMSecsSinceEpoch() ^ 0x5a5a));
        QMap<QString, QByteArray> confirmed;
        int killedMidRun = 0;
        const int n = qMax(5, loops() / 4);
        for (int i = 0; i < n; ++i) {
            confirmed.insert(runAndKill(state, rng, &killedMidRun));
            // A technician "cleaning up", or a crash of the file system's metadata.
            QFile::remove(state + QStringLiteral("/outbox.db-wal"));
            QFile::remove(state + QStringLiteral("/outbox.db-shm"));
        }
        qInfo("deleted -wal: %d kills, %lld confirmed enqueues", n, qlonglong(confirmed.size()));
        // Each enqueue checkpoints before it reports success, so nothing confirmed lived only
        // in the deleted WAL.
        verifyAll(state, confirmed);
    }
};

QTEST_GUILESS_MAIN(KillLoopTest)
#include "tst_killloop.moc"
