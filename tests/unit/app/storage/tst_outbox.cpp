// The outbox (app/storage/OutboxStore) on a real outbox.db: every state transition of
// DESIGN.md §6, the invariants I1–I4, idempotent enqueue, PAUSED_AUTH, retention purge with
// its masked stub, encryption of payloads and key rotation.
#include "app/storage/DatabaseOpener.h"
#include "app/storage/OutboxStore.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace onewindow;
using namespace onewindow::storage;
using onewindow::testing::why;

class OutboxTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteDb> m_db;
    KeyStore m_keys;
    std::unique_ptr<OutboxStore> m_outbox;
    qint64 m_now = 1'700'000'000'000;

    Submission sample(const QString& id = {})
    {
        Submission s;
        s.submissionId = id;
        s.serviceItemCode = QStringLiteral("11110105MB0000000X4000112001000");
        s.serviceItemName = QStringLiteral("户口迁移");
        s.applicantIdNumber = testing::residentId(7);
        s.applicantName = QStringLiteral("测试甲");
        s.payload =
            QByteArrayLiteral(R"({"name":"测试甲","address":"北京市东城区样例路1号","phone":"13800000000"})");
        return s;
    }

    QString stateOf(const QString& id)
    {
        return QLatin1String(outboxStateName(m_outbox->entry(id).value().state));
    }

    QString queued()
    {
        auto r = m_outbox->enqueue(sample());
        if (!r.ok())
            qFatal("enqueue failed");
        return r->itemId;
    }

    QString sending()
    {
        const QString id = queued();
        auto taken = m_outbox->takeReady(100);
        if (!taken.ok())
            qFatal("takeReady failed");
        return id;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path =
            m_dir.filePath(QStringLiteral("outbox-%1.db").arg(QUuid::createUuid().toString(QUuid::Id128)));
        OpenReport report;
        auto db = DatabaseOpener::open(DatabaseOpener::outboxSpec(path), &report);
        QVERIFY2(db.ok(), why(db).constData());
        QVERIFY(report.created);
        m_db = std::move(db).value();
        if (!m_keys.isValid())
            m_keys = KeyStore::open(m_dir.filePath(QStringLiteral("keys")), true).value();
        m_outbox = std::make_unique<OutboxStore>(*m_db, m_keys, [this] { return m_now; });
        m_outbox->setRetentionMs(3600 * 1000);
    }

    void cleanup()
    {
        m_outbox.reset();
        m_db.reset();
    }

    void pragmasAreSet()
    {
        QCOMPARE(m_db->queryText("PRAGMA journal_mode").value(), QStringLiteral("wal"));
        QCOMPARE(m_db->queryInt("PRAGMA synchronous").value(), 2); // FULL
        QCOMPARE(m_db->queryInt("PRAGMA secure_delete").value(), 1);
        QCOMPARE(m_db->queryInt("PRAGMA user_version").value(), 1);
        QVERIFY(m_db->queryText("SELECT sql FROM sqlite_schema WHERE name = 'outbox_item'")
                    .value()
                    .contains(QLatin1String("STRICT")));
    }

    void enqueueCommitsEncryptedWithUuidAndQueryCode()
    {
        auto r = m_outbox->enqueue(sample());
        QVERIFY2(r.ok(), why(r).constData());
        QVERIFY(!QUuid::fromString(r->itemId).isNull());
        QCOMPARE(r->queryCode.size(), 10);
        QVERIFY(!r->alreadyQueued);
        const OutboxEntry e = m_outbox->entry(r->itemId).value();
        QCOMPARE(e.state, OutboxState::Queued);
        QCOMPARE(e.applicantMask, QStringLiteral("测**"));
        QVERIFY(e.hasPayload);
        QCOMPARE(m_outbox->payload(r->itemId).value(), sample().payload);
        // At rest: ciphertext only.
        Statement st(*m_db, "SELECT payload_ct FROM outbox_item");
        QVERIFY(st.next());
        QVERIFY(!st.blob(0).contains("测试甲"));
        QVERIFY(!st.blob(0).contains("13800000000"));
    }

    void enqueueIsIdempotentOnItsKey()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto first = m_outbox->enqueue(sample(id));
        auto again = m_outbox->enqueue(sample(id));
        QVERIFY(first.ok() && again.ok());
        QVERIFY(again->alreadyQueued);
        QCOMPARE(again->queryCode, first->queryCode);
        QCOMPARE(m_outbox->stats()->byState.value(QStringLiteral("QUEUED")), 1);

        Submission changed = sample(id);
        changed.payload = "{\"other\":1}";
        auto conflict = m_outbox->enqueue(changed);
        QVERIFY(!conflict.ok());
        QCOMPARE(conflict.error().kind, StorageError::Kind::Conflict);
    }

    void badInputIsRefused()
    {
        Submission s = sample();
        s.payload.clear();
        QCOMPARE(m_outbox->enqueue(s).error().kind, StorageError::Kind::InvalidInput);
        s = sample(QStringLiteral("not-a-uuid"));
        QCOMPARE(m_outbox->enqueue(s).error().kind, StorageError::Kind::InvalidInput);
        QCOMPARE(m_outbox->stats()->pending, 0);
    }

    void happyPath_queued_sending_acked_purged()
    {
        const QString id = queued();
        auto taken = m_outbox->takeReady(10);
        QVERIFY(taken.ok());
        QCOMPARE(taken->size(), 1);
        QCOMPARE(taken->first().state, OutboxState::Sending);
        QCOMPARE(taken->first().attempts, 1);
        QVERIFY(m_outbox->markAcked(id, QStringLiteral("BJ2024000123"), QStringLiteral("2024-06-30")).ok());
        OutboxEntry e = m_outbox->entry(id).value();
        QCOMPARE(e.state, OutboxState::Acked);
        QCOMPARE(e.hubReceiptId, QStringLiteral("BJ2024000123"));
        QCOMPARE(e.purgeAfter.toMSecsSinceEpoch(), m_now + 3600 * 1000);

        // I4: not before the retention period…
        QCOMPARE(m_outbox->purgeExpired().value(), 0);
        QVERIFY(m_outbox->payload(id).ok());
        // …then the payload goes and a masked stub stays.
        m_now += 3600 * 1000;
        QCOMPARE(m_outbox->purgeExpired().value(), 1);
        e = m_outbox->entry(id).value();
        QCOMPARE(e.state, OutboxState::Purged);
        QVERIFY(!e.hasPayload);
        QVERIFY(!e.queryCode.isEmpty());
        QCOMPARE(e.serviceItemName, QStringLiteral("户口迁移"));
        QCOMPARE(e.applicantMask, QStringLiteral("测**"));
        QVERIFY(e.createdAt.isValid() && e.ackedAt.isValid() && e.purgedAt.isValid());
        QCOMPARE(m_outbox->payload(id).error().kind, StorageError::Kind::NotFound);
        // The stub is still found by query code and by the applicant's ID number.
        QCOMPARE(m_outbox->entryByQueryCode(e.queryCode.toLower()).value().itemId, id);
        QCOMPARE(m_outbox->entriesForApplicant(testing::residentId(7)).value().size(), 1);
    }

    void transientFailureThenRetry()
    {
        const QString id = sending();
        QVERIFY(m_outbox->markRetry(id, m_now + 5000, QStringLiteral("curl 7"), 0).ok());
        QCOMPARE(stateOf(id), QStringLiteral("RETRY_WAIT"));
        // Not ready before its time, ready after.
        QCOMPARE(m_outbox->takeReady(10)->size(), 0);
        m_now += 5000;
        QCOMPARE(m_outbox->takeReady(10)->size(), 1);
        QCOMPARE(m_outbox->entry(id)->attempts, 2);
        QVERIFY(m_outbox->markAcked(id, QStringLiteral("R1")).ok());
    }

    void rejectedDoesNotBlockOthers()
    {
        const QString bad = queued();
        const QString good = queued();
        QCOMPARE(m_outbox->takeReady(1)->first().itemId, bad); // FIFO
        QVERIFY(m_outbox->markRejected(bad, QStringLiteral("422 fingerprint mismatch"), 422).ok());
        QCOMPARE(stateOf(bad), QStringLiteral("REJECTED"));
        auto next = m_outbox->takeReady(10);
        QCOMPARE(next->size(), 1);
        QCOMPARE(next->first().itemId, good);
        // REJECTED keeps its payload for manual handling.
        QVERIFY(m_outbox->payload(bad).ok());
    }

    void sendingBecomesRetryWaitAtStartup()
    {
        const QString a = sending();
        const QString b = queued();
        QCOMPARE(m_outbox->recoverAfterRestart().value(), 1);
        QCOMPARE(stateOf(a), QStringLiteral("RETRY_WAIT"));
        QCOMPARE(stateOf(b), QStringLiteral("QUEUED"));
        QCOMPARE(m_outbox->takeReady(10)->size(), 2);
    }

    void forbiddenTransitionsAreRefused_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("queued→acked") << "QUEUED"
                                      << "ACKED";
        QTest::newRow("queued→rejected") << "QUEUED"
                                         << "REJECTED";
        QTest::newRow("queued→retry") << "QUEUED"
                                      << "RETRY_WAIT";
        QTest::newRow("retry→acked") << "RETRY_WAIT"
                                     << "ACKED";
        QTest::newRow("rejected→sending") << "REJECTED"
                                          << "SENDING";
        QTest::newRow("acked→retry") << "ACKED"
                                     << "RETRY_WAIT";
        QTest::newRow("acked→rejected") << "ACKED"
                                        << "REJECTED";
    }

    void forbiddenTransitionsAreRefused()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QString id;
        if (from == QLatin1String("QUEUED")) {
            id = queued();
        } else if (from == QLatin1String("RETRY_WAIT")) {
            id = sending();
            QVERIFY(m_outbox->markRetry(id, m_now + 100000, QStringLiteral("x")).ok());
        } else if (from == QLatin1String("REJECTED")) {
            id = sending();
            QVERIFY(m_outbox->markRejected(id, QStringLiteral("400")).ok());
        } else {
            id = sending();
            QVERIFY(m_outbox->markAcked(id, QStringLiteral("R")).ok());
        }
        if (to == QLatin1String("SENDING")) {
            // Only QUEUED and RETRY_WAIT rows are ever picked up.
            auto taken = m_outbox->takeReady(10);
            QVERIFY(taken.ok());
            QVERIFY(taken->isEmpty());
            QCOMPARE(stateOf(id), from);
            return;
        }
        Status s = Ok{};
        if (to == QLatin1String("ACKED"))
            s = m_outbox->markAcked(id, QStringLiteral("R"));
        else if (to == QLatin1String("REJECTED"))
            s = m_outbox->markRejected(id, QStringLiteral("x"));
        else
            s = m_outbox->markRetry(id, 0, QStringLiteral("x"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, StorageError::Kind::InvalidTransition);
        QCOMPARE(stateOf(id), from);
    }

    void duplicateAckIsHarmless()
    {
        const QString id = sending();
        QVERIFY(m_outbox->markAcked(id, QStringLiteral("R1")).ok());
        QVERIFY(m_outbox->markAcked(id, QStringLiteral("R1")).ok());
        QCOMPARE(stateOf(id), QStringLiteral("ACKED"));
        QCOMPARE(m_outbox->markAcked(QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("R"))
                     .error()
                     .kind,
                 StorageError::Kind::NotFound);
    }

    // The triggers hold the line even for SQL that bypasses OutboxStore (I2, I4).
    void databaseRefusesBypasses()
    {
        const QString id = queued();
        QVERIFY(!m_db->exec("UPDATE outbox_item SET state = 'ACKED'").ok());
        QVERIFY(!m_db->exec("UPDATE outbox_item SET payload_ct = NULL").ok());
        QVERIFY(!m_db->exec("DELETE FROM outbox_item").ok());
        QVERIFY(!m_db->exec("UPDATE outbox_item SET state = 'BOGUS'").ok());
        QCOMPARE(stateOf(id), QStringLiteral("QUEUED"));
        QVERIFY(m_outbox->payload(id).ok());
        // Purge before retention is refused even from SQL.
        m_outbox->takeReady(1);
        QVERIFY(m_outbox->markAcked(id, QStringLiteral("R")).ok());
        QVERIFY(
            !m_db->exec("UPDATE outbox_item SET state = 'PURGED', payload_ct = NULL, purged_at = 0").ok());
        QCOMPARE(stateOf(id), QStringLiteral("ACKED"));
    }

    void pausedAuthStopsTheWholeQueue()
    {
        queued();
        QVERIFY(m_outbox->pauseAuth(QStringLiteral("certificate expired")).ok());
        auto taken = m_outbox->takeReady(10);
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().kind, StorageError::Kind::Paused);
        QueueStats stats = m_outbox->stats().value();
        QVERIFY(stats.pausedAuth);
        QCOMPARE(stats.pauseReason, QStringLiteral("certificate expired"));
        QCOMPARE(stats.byState.value(QStringLiteral("QUEUED")), 1); // items keep their state
        QVERIFY(m_outbox->resumeAuth().ok());
        QCOMPARE(m_outbox->takeReady(10)->size(), 1);
    }

    void statsCountEveryState()
    {
        queued();
        const QString s = sending();
        QVERIFY(m_outbox->markRetry(s, m_now + 1, QStringLiteral("x")).ok());
        QueueStats stats = m_outbox->stats().value();
        QCOMPARE(stats.byState.size(), 6);
        QCOMPARE(stats.pending, 2);
        QCOMPARE(stats.oldestPendingAt.toMSecsSinceEpoch(), m_now);
    }

    void tamperedPayloadIsAnErrorNotGarbage()
    {
        const QString a = queued();
        const QString b = queued();
        // Flip one byte of a's ciphertext.
        {
            Statement read(*m_db, "SELECT payload_ct FROM outbox_item WHERE seq = 1");
            QVERIFY(read.next());
            QByteArray ct = read.blob(0);
            ct[20] = char(ct[20] ^ 0x01);
            Statement write(*m_db, "UPDATE outbox_item SET payload_ct = ? WHERE seq = 1");
            write.bind(1, ct);
            QVERIFY(write.run().ok());
        }
        QCOMPARE(m_outbox->payload(a).error().kind, StorageError::Kind::Crypto);
        // Move b's ciphertext into another row: the AAD binds it to b.
        QVERIFY(
            m_db->exec(
                    "UPDATE outbox_item SET payload_ct = (SELECT payload_ct FROM outbox_item WHERE seq = 2) "
                    "WHERE seq = 1")
                .ok());
        QCOMPARE(m_outbox->payload(a).error().kind, StorageError::Kind::Crypto);
        QVERIFY(m_outbox->payload(b).ok());
    }

    void keyRotationAndReencrypt()
    {
        QTemporaryDir keysDir;
        KeyStore keys = KeyStore::open(keysDir.filePath(QStringLiteral("keys")), true).value();
        OutboxStore outbox(*m_db, keys, [this] { return m_now; });
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids.append(outbox.enqueue(sample()).value().itemId);
        QVERIFY(keys.rotate().ok());
        outbox.setKeys(keys);
        ids.append(outbox.enqueue(sample()).value().itemId);
        QCOMPARE(outbox.entry(ids.last())->keyVersion, 2);
        QCOMPARE(outbox.entry(ids.first())->keyVersion, 1);
        QVERIFY(outbox.payload(ids.first()).ok()); // old rows readable
        QCOMPARE(outbox.reencrypt(3).value(), 3);
        QCOMPARE(outbox.reencrypt(3).value(), 2);
        QCOMPARE(outbox.reencrypt(3).value(), 0);
        for (const QString& id : ids) {
            QCOMPARE(outbox.entry(id)->keyVersion, 2);
            QCOMPARE(outbox.payload(id).value(), sample().payload);
        }
    }

    void ratingsQueueToo()
    {
        Rating r;
        r.submissionId = queued();
        r.serviceItemCode = QStringLiteral("11110105MB0000000X4000112001000");
        r.level = Rating::Level::VerySatisfied;
        r.text = QStringLiteral("很方便");
        auto receipt = m_outbox->enqueue(r);
        QVERIFY2(receipt.ok(), why(receipt).constData());
        QCOMPARE(m_outbox->entry(receipt->itemId)->kind, QStringLiteral("rating"));
        QVERIFY(m_outbox->payload(receipt->itemId)->contains("很方便"));
    }
};

QTEST_GUILESS_MAIN(OutboxTest)
#include "tst_outbox.moc"
