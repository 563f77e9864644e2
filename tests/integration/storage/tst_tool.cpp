// onewindow-tool cache stats|lookup, queue, audit verify run as real processes against a state
// directory written by the storage library: JSON shapes, masking, exit codes (DESIGN.md §9).
#include "app/storage/StorageWorker.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#ifndef ONEWINDOW_TOOL_PATH
#error "ONEWINDOW_TOOL_PATH must name the onewindow-tool binary"
#endif

using namespace onewindow;
using namespace onewindow::storage;
using namespace onewindow::testing;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run tool(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ONEWINDOW_CONFIG")); // no configuration: developer defaults
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ONEWINDOW_TOOL_PATH), args);
    p.waitForFinished(30000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class ToolTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_state;
    const QString m_holder = residentId(123);
    const QString m_name = QStringLiteral("测试工具");

private slots:
    void initTestCase()
    {
        m_state = m_dir.filePath(QStringLiteral("state"));
        StorageConfig config;
        config.stateDir = m_state;
        StorageWorker w(config);
        QVERIFY(w.open().ok());
        DeltaPage page;
        page.changes = {upsert(hukou(1, m_holder, m_name, QStringLiteral("址")), 1),
                        upsert(hukou(2, residentId(124), QStringLiteral("其他"), QStringLiteral("址")), 1)};
        page.nextCursor = QStringLiteral("cursor-1");
        QVERIFY(w.cache().applyPage(page).ok());
        // With the test authority's signed issuer keys; the tool trusts its root through
        // kiosk.conf, as the kiosk does.
        QVERIFY(w.cache()
                    .storeCatalog({QStringLiteral("v7"), QStringLiteral("\"e7\""), testCatalogBody(), {}})
                    .ok());
        QFile conf(m_dir.filePath(QStringLiteral("kiosk.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[licenses]\nroot_key=" + testRootKeyValue().toLatin1() +
                   "\n[privacy]\nallow_reveal=true\n");
        for (int i = 0; i < 3; ++i) {
            Submission s;
            s.serviceItemCode = QStringLiteral("ITEM");
            s.payload = "p";
            QVERIFY(w.outbox().enqueue(s).ok());
        }
        const QString sent = w.outbox().takeReady(1).value().first().itemId;
        QVERIFY(w.outbox().markRejected(sent, QStringLiteral("400 validation"), 400).ok());
        AuditEvent e;
        e.kind = AuditEvent::Kind::AdminLoginFailure;
        e.actor = QStringLiteral("admin:tech1");
        QVERIFY(w.audit().append(e).ok());
    }

    void cacheStats()
    {
        const Run r = tool({QStringLiteral("cache"), QStringLiteral("stats"), QStringLiteral("--json"),
                            QStringLiteral("--state-dir"), m_state});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("licenses")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("valid")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("cursor")).toString(), QStringLiteral("cursor-1"));
        QCOMPARE(o.value(QStringLiteral("catalog_etag")).toString(), QStringLiteral("\"e7\""));
        QVERIFY(o.value(QStringLiteral("file_bytes")).toDouble() > 0);
        const Run text = tool(
            {QStringLiteral("cache"), QStringLiteral("stats"), QStringLiteral("--state-dir=") + m_state});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("Licences"));
    }

    void cacheLookupIsMaskedAndAudited()
    {
        const Run r = tool({QStringLiteral("--config"), m_dir.filePath(QStringLiteral("kiosk.conf")),
                            QStringLiteral("cache"), QStringLiteral("lookup"), m_holder,
                            QStringLiteral("--json"), QStringLiteral("--state-dir"), m_state});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("count")).toInt(), 1);
        QVERIFY(!r.out.contains(m_holder.toUtf8()));
        QVERIFY(!r.out.contains(m_name.toUtf8()));
        const QJsonObject holder = o.value(QStringLiteral("licenses"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("holders"))
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(holder.value(QStringLiteral("name")).toString(), QStringLiteral("测***"));
        QCOMPARE(holder.value(QStringLiteral("role")).toString(), QStringLiteral("户主"));
        // --reveal where the configuration allows it.
        const Run revealed =
            tool({QStringLiteral("--config"), m_dir.filePath(QStringLiteral("kiosk.conf")),
                  QStringLiteral("cache"), QStringLiteral("lookup"), m_holder, QStringLiteral("--json"),
                  QStringLiteral("--reveal"), QStringLiteral("--state-dir"), m_state});
        QCOMPARE(revealed.exitCode, 0);
        QVERIFY(revealed.out.contains(m_name.toUtf8()));
        // Nobody: exit 1.
        const Run none = tool({QStringLiteral("cache"), QStringLiteral("lookup"), residentId(999),
                               QStringLiteral("--state-dir"), m_state});
        QCOMPARE(none.exitCode, 1);
        // Without a configuration there is no licence root: nothing is shown as valid.
        const Run untrusted = tool({QStringLiteral("cache"), QStringLiteral("lookup"), m_holder,
                                    QStringLiteral("--json"), QStringLiteral("--state-dir"), m_state});
        QCOMPARE(untrusted.exitCode, 1);
        QCOMPARE(untrusted.json().value(QStringLiteral("refused")).toInt(), 1);
    }

    void queue()
    {
        const Run r =
            tool({QStringLiteral("queue"), QStringLiteral("--json"), QStringLiteral("--state-dir"), m_state});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("by_state")).toObject().value(QStringLiteral("QUEUED")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("by_state")).toObject().value(QStringLiteral("REJECTED")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("pending")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("paused_auth")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("attention")).toArray().size(), 1);
        QVERIFY(!o.value(QStringLiteral("oldest_pending_at")).isNull());
    }

    void auditVerifyThenTamper()
    {
        const Run ok = tool({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json"),
                             QStringLiteral("--state-dir"), m_state});
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(ok.json().value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(ok.json().value(QStringLiteral("events")).toInt() >= 1);
        {
            auto db =
                SqliteDb::open(m_state + QStringLiteral("/audit.db"), SqliteDb::Mode::ReadWrite).value();
            QVERIFY(db->exec("UPDATE audit_event SET result = 'ok' WHERE seq = 1").ok());
        }
        const Run bad = tool({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json"),
                              QStringLiteral("--state-dir"), m_state});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.json().value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(bad.json().value(QStringLiteral("first_bad_seq")).toInt(), 1);
    }

    void usageAndSystemErrors()
    {
        QCOMPARE(tool({QStringLiteral("cache")}).exitCode, 2);
        QCOMPARE(tool({QStringLiteral("cache"), QStringLiteral("bogus")}).exitCode, 2);
        QCOMPARE(
            tool({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--state-dir")}).exitCode,
            2);
        QCOMPARE(tool({QStringLiteral("queue"), QStringLiteral("--reveal"), QStringLiteral("--state-dir"),
                       m_state})
                     .exitCode,
                 2);
        const Run missing = tool(
            {QStringLiteral("queue"), QStringLiteral("--state-dir"), m_dir.filePath(QStringLiteral("nope"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("does not exist"));
        // A state directory without keys: the tool never creates them.
        QTemporaryDir empty;
        const Run noKeys = tool(
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--state-dir"), empty.path()});
        QCOMPARE(noKeys.exitCode, 2);
        QVERIFY(!QFile::exists(empty.filePath(QStringLiteral("keys"))));
        QVERIFY(tool({QStringLiteral("help"), QStringLiteral("cache")}).out.contains("cache lookup ID"));
    }
};

QTEST_GUILESS_MAIN(ToolTest)
#include "tst_tool.moc"
