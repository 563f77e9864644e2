// The HMAC-chained audit log: every kind of tampering with audit.db (edit, delete, reorder,
// truncate, forge the head) is detected by verify(); licence use needs purpose and item.
#include "app/storage/AuditLog.h"
#include "app/storage/DatabaseOpener.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using namespace onewindow::storage;

class AuditTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteDb> m_db;
    std::unique_ptr<AuditLog> m_log;
    KeyStore m_keys;
    int m_n = 0;

    void fill(int count)
    {
        const AuditEvent::Kind kinds[] = {AuditEvent::Kind::CardRead,
                                          AuditEvent::Kind::Submission,
                                          AuditEvent::Kind::Print,
                                          AuditEvent::Kind::AdminLoginSuccess,
                                          AuditEvent::Kind::AdminLoginFailure,
                                          AuditEvent::Kind::ConfigChange,
                                          AuditEvent::Kind::Export};
        for (int i = 0; i < count; ++i) {
            AuditEvent e;
            e.kind = kinds[i % 7];
            e.actor = AuditLog::residentActor(m_keys, testing::residentId(i));
            e.objectRef = QStringLiteral("obj-%1").arg(i);
            e.result = QStringLiteral("ok");
            QVERIFY(m_log->append(e).ok());
        }
    }

    AuditVerification verify() { return m_log->verify().value(); }

private slots:
    void init()
    {
        const QString path = m_dir.filePath(QStringLiteral("audit-%1.db").arg(++m_n));
        m_db = DatabaseOpener::open(DatabaseOpener::auditSpec(path), nullptr).value();
        if (!m_keys.isValid())
            m_keys = KeyStore::open(m_dir.filePath(QStringLiteral("keys")), true).value();
        m_log = std::make_unique<AuditLog>(*m_db, m_keys);
    }

    void cleanup()
    {
        m_log.reset();
        m_db.reset();
    }

    void emptyLogVerifies()
    {
        const AuditVerification v = verify();
        QVERIFY(v.ok);
        QCOMPARE(v.events, 0);
    }

    void intactChainVerifies()
    {
        fill(20);
        const AuditVerification v = verify();
        QVERIFY2(v.ok, qPrintable(v.problem));
        QCOMPARE(v.events, 20);
    }

    void licenseUseNeedsPurposeAndItem()
    {
        AuditEvent e;
        e.kind = AuditEvent::Kind::LicenseUse;
        e.actor = QStringLiteral("r:00");
        QCOMPARE(m_log->append(e).error().kind, StorageError::Kind::InvalidInput);
        e.purpose = QStringLiteral("户口迁移 材料免提交");
        e.serviceItem = QStringLiteral("11110105MB0000000X4000112001000");
        QVERIFY(m_log->append(e).ok());
        QCOMPARE(m_log->recent(1).value().first().purpose, e.purpose);
    }

    void appendAllIsOneTransaction()
    {
        fill(2);
        QList<AuditEvent> uses;
        for (int i = 0; i < 3; ++i) {
            AuditEvent e;
            e.kind = AuditEvent::Kind::LicenseUse;
            e.actor = QStringLiteral("r:01");
            e.purpose = QStringLiteral("prefill");
            e.serviceItem = QStringLiteral("SB-%1").arg(i);
            uses.append(e);
        }
        QCOMPARE(m_log->appendAll(uses).value(), 3);
        AuditVerification v = verify();
        QVERIFY2(v.ok, qPrintable(v.problem));
        QCOMPARE(v.events, 5);
        // One bad event: none of the batch is kept, and the chain still verifies.
        uses[1].purpose.clear();
        QCOMPARE(m_log->appendAll(uses).error().kind, StorageError::Kind::InvalidInput);
        v = verify();
        QVERIFY2(v.ok, qPrintable(v.problem));
        QCOMPARE(v.events, 5);
    }

    void editedRowIsDetected()
    {
        fill(10);
        QVERIFY(m_db->exec("UPDATE audit_event SET result = 'denied' WHERE seq = 4").ok());
        const AuditVerification v = verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, 4);
    }

    void editedTimestampIsDetected()
    {
        fill(5);
        QVERIFY(m_db->exec("UPDATE audit_event SET at = at + 1 WHERE seq = 2").ok());
        QCOMPARE(verify().firstBadSeq, 2);
    }

    void deletedRowIsDetected()
    {
        fill(10);
        QVERIFY(m_db->exec("DELETE FROM audit_event WHERE seq = 6").ok());
        const AuditVerification v = verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, 6);
        QVERIFY(v.problem.contains(QLatin1String("missing")));
    }

    void renumberedAfterDeleteIsDetected()
    {
        fill(10);
        QVERIFY(m_db->exec("DELETE FROM audit_event WHERE seq = 6; UPDATE audit_event SET seq = seq - 1 "
                           "WHERE seq > 6;")
                    .ok());
        QVERIFY(!verify().ok);
    }

    void reorderedRowsAreDetected()
    {
        fill(10);
        // Swap the contents (not the seq) of rows 3 and 7.
        QVERIFY(m_db->exec("UPDATE audit_event SET seq = -3 WHERE seq = 3; UPDATE audit_event SET seq = 3 "
                           "WHERE seq = 7; "
                           "UPDATE audit_event SET seq = 7 WHERE seq = -3;")
                    .ok());
        const AuditVerification v = verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, 3);
    }

    void truncatedTailIsDetected()
    {
        fill(10);
        QVERIFY(m_db->exec("DELETE FROM audit_event WHERE seq > 8").ok());
        const AuditVerification v = verify();
        QVERIFY(!v.ok);
        QVERIFY(v.problem.contains(QLatin1String("cut off")));
    }

    void forgedHeadIsDetected()
    {
        fill(10);
        QVERIFY(m_db->exec("DELETE FROM audit_event WHERE seq > 8; UPDATE audit_head SET seq = 8, mac = "
                           "(SELECT mac FROM audit_event WHERE seq = 8)")
                    .ok());
        const AuditVerification v = verify();
        QVERIFY(!v.ok);
        QVERIFY(v.problem.contains(QLatin1String("head")));
    }

    void anotherKeyCannotVerify()
    {
        fill(3);
        QTemporaryDir other;
        AuditLog foreign(*m_db, KeyStore::open(other.filePath(QStringLiteral("keys")), true).value());
        QVERIFY(!foreign.verify().value().ok);
    }

    void actorIsPseudonymous()
    {
        const QString id = testing::residentId(3);
        const QString actor = AuditLog::residentActor(m_keys, id);
        QVERIFY(actor.startsWith(QLatin1String("r:")));
        QCOMPARE(actor.size(), 2 + 32);
        QVERIFY(!actor.contains(id));
        QCOMPARE(AuditLog::residentActor(m_keys, id.toLower()), actor);
    }
};

QTEST_GUILESS_MAIN(AuditTest)
#include "tst_audit.moc"
