// onewindow-tool selftest as a real process against real state directories: key files made
// by KeyStore, databases made by DatabaseOpener (the kiosk's own code paths), then broken one
// way at a time. Every broken case must fail its own check and give exit status 1.
#include "app/platform/KeyStore.h"
#include "app/storage/DatabaseOpener.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using namespace onewindow::storage;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json;

    QString status(const QString& check) const
    {
        for (const QJsonValue& v : json.value(QStringLiteral("checks")).toArray()) {
            if (v.toObject().value(QStringLiteral("name")).toString() == check)
                return v.toObject().value(QStringLiteral("status")).toString();
        }
        return QStringLiteral("(missing)");
    }
};

Run runTool(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ONEWINDOW_CONFIG"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ONEWINDOW_TOOL_PATH), args);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.json = QJsonDocument::fromJson(r.out).object();
    return r;
}

} // namespace

class SelftestTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_state;
    QString m_config;

    void writeConfig(const QByteArray& body,
                     QFile::Permissions perms = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup)
    {
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("[kiosk]\nstate_dir=" + QFile::encodeName(m_state) + "\n" + body);
        f.close();
        QVERIFY(QFile::setPermissions(m_config, perms));
    }

    // A state directory as a kiosk leaves it after its first start.
    void makeHealthyState()
    {
        QVERIFY(QDir().mkpath(m_state));
        QVERIFY(QFile::setPermissions(m_state, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        auto keys = KeyStore::open(m_state + QStringLiteral("/keys"), /*create=*/true);
        QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error()));
        for (const DatabaseSpec& spec : {DatabaseOpener::outboxSpec(m_state + QStringLiteral("/outbox.db")),
                                         DatabaseOpener::cacheSpec(m_state + QStringLiteral("/cache.db")),
                                         DatabaseOpener::auditSpec(m_state + QStringLiteral("/audit.db"))}) {
            OpenReport report;
            auto db = DatabaseOpener::open(spec, &report);
            QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        }
    }

    Run selftest(const QStringList& extra = {})
    {
        return runTool(QStringList{QStringLiteral("--config"), m_config, QStringLiteral("selftest"),
                                   QStringLiteral("--json")} +
                       extra);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_state = m_tmp.filePath(QStringLiteral("state-%1").arg(QTest::currentTestFunction()));
        m_config = m_tmp.filePath(QStringLiteral("kiosk-%1.conf").arg(QTest::currentTestFunction()));
        writeConfig("[readers]\nbackends=sim\n");
    }

    void healthyKioskPasses()
    {
        makeHealthyState();
        const Run r = selftest();
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(!r.json.value(QStringLiteral("version")).toString().isEmpty());
        for (const char* check :
             {"config", "state_dir", "key_file", "outbox.db", "cache.db", "audit.db", "readers"})
            QCOMPARE(r.status(QLatin1String(check)), QStringLiteral("ok"));
        // Installed by scripts/install-deps.sh; a missing one must name its package.
        const QString qml = r.status(QStringLiteral("qml_modules"));
        QVERIFY2(qml == QLatin1String("ok"), r.out.constData());
        QCOMPARE(r.json.value(QStringLiteral("checks")).toArray().size(), 9);
        // No PIN provisioned in this state: admin mode would refuse every PIN, a warning only.
        QCOMPARE(r.status(QStringLiteral("admin_pin")), QStringLiteral("warn"));
        // The probe file is gone again.
        QCOMPARE(QDir(m_state)
                     .entryList(QStringList{QStringLiteral(".selftest-*")}, QDir::Hidden | QDir::Files)
                     .size(),
                 0);
    }

    void freshInstallWarnsButPasses()
    {
        QVERIFY(QDir().mkpath(m_state));
        QVERIFY(QFile::setPermissions(m_state, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const Run r = selftest();
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.status(QStringLiteral("key_file")), QStringLiteral("warn"));
        QCOMPARE(r.status(QStringLiteral("outbox.db")), QStringLiteral("warn"));
        QCOMPARE(r.status(QStringLiteral("audit.db")), QStringLiteral("warn"));
        // Nothing was created by the check.
        QVERIFY(!QFile::exists(m_state + QStringLiteral("/outbox.db")));
        QVERIFY(!QFile::exists(m_state + QStringLiteral("/keys")));
    }

    void missingStateDirFails()
    {
        const Run r = selftest();
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(r.status(QStringLiteral("state_dir")), QStringLiteral("fail"));
    }

    void openStateDirFails()
    {
        makeHealthyState();
        QVERIFY(QFile::setPermissions(m_state, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                   QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                   QFile::ExeOther));
        const Run r = selftest();
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.status(QStringLiteral("state_dir")), QStringLiteral("fail"));
        QVERIFY(r.out.contains("0755"));
    }

    void readableKeyFileFails()
    {
        makeHealthyState();
        QVERIFY(QFile::setPermissions(m_state + QStringLiteral("/keys"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                          QFile::ReadOther));
        const Run r = selftest();
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.status(QStringLiteral("key_file")), QStringLiteral("fail"));
        QCOMPARE(r.status(QStringLiteral("outbox.db")), QStringLiteral("ok"));
    }

    void corruptDatabaseFails()
    {
        makeHealthyState();
        const QString path = m_state + QStringLiteral("/audit.db");
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 4096);
        // Every page after the header page: b-tree pages turn into garbage.
        QVERIFY(f.seek(4096));
        QVERIFY(f.write(QByteArray(int(size - 4096), '\xA5')) == size - 4096);
        f.close();
        const Run r = selftest();
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.status(QStringLiteral("audit.db")), QStringLiteral("fail"));
        QCOMPARE(r.status(QStringLiteral("outbox.db")), QStringLiteral("ok"));
        // The check never repairs or moves a file.
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFileInfo(path).size(), size);
    }

    void invalidConfigurationFails()
    {
        makeHealthyState();
        writeConfig("[readers]\nbackends=pcsc,teleport\n[ui]\ndefault_language=fr\n");
        const Run r = selftest();
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.status(QStringLiteral("config")), QStringLiteral("fail"));
        QCOMPARE(r.status(QStringLiteral("readers")), QStringLiteral("fail"));
        QVERIFY(r.out.contains("teleport"));
        QVERIFY(r.out.contains("default_language"));
    }

    void worldReadableConfigurationFails()
    {
        makeHealthyState();
        writeConfig("[readers]\nbackends=sim\n",
                    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        const Run r = selftest();
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.status(QStringLiteral("config")), QStringLiteral("fail"));
    }

    void serialBackendWithoutPortsFails()
    {
        makeHealthyState();
        writeConfig("[readers]\nbackends=serial\n");
        const Run r = selftest();
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.status(QStringLiteral("readers")), QStringLiteral("fail"));
    }

    void textOutputAndUsage()
    {
        makeHealthyState();
        const Run text = runTool({QStringLiteral("--config"), m_config, QStringLiteral("selftest")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("state_dir"));
        QVERIFY(text.out.contains("OK"));
        const Run extra = runTool(
            {QStringLiteral("--config"), m_config, QStringLiteral("selftest"), QStringLiteral("now")});
        QCOMPARE(extra.exitCode, 2);
        const Run badOption = runTool({QStringLiteral("selftest"), QStringLiteral("--reveal")});
        QCOMPARE(badOption.exitCode, 2);
        const Run help = runTool({QStringLiteral("help"), QStringLiteral("selftest")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("quick_check"));
    }
};

QTEST_GUILESS_MAIN(SelftestTest)
#include "tst_packaging_selftest.moc"
