// `onewindow-tool diag` as a real process against a real state directory (issue 7): the
// --json shape (keys and types), the table, --bundle into a directory and into a bad target,
// and that neither the output nor stderr holds a secret or a personal string.
#include "app/platform/KioskConfig.h"
#include "tests/unit/app/diagnostics/DiagFixtures.h"
#include "tests/unit/app/platform/LogTestResidents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::testing;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run tool(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(ONEWINDOW_TOOL_PATH), args);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestDiagnosticsTool : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_state;
    QString m_config;

    void verifyNoSecrets(const QString& text)
    {
        for (const QString& s : configSecrets())
            QVERIFY2(!text.contains(s), qPrintable(s.left(6)));
        for (const LogResident& r : logResidents()) {
            for (const QString& s : r.secrets)
                QVERIFY2(!text.contains(s), "a personal string in the tool's output");
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_state = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(makeKioskState(m_state));
        const QString cert = makeCertificate(m_dir.path(), 90);
        QVERIFY(!cert.isEmpty());
        m_config = writeConfig(m_dir.path(), m_state, cert);
    }

    void jsonShape()
    {
        const Run r =
            tool({QStringLiteral("diag"), QStringLiteral("--json"), QStringLiteral("--config"), m_config});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error{};
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QStringList strings{QStringLiteral("version"), QStringLiteral("hostname"),
                                  QStringLiteral("kiosk_id"), QStringLiteral("generated_at")};
        for (const QString& k : strings)
            QVERIFY2(o.value(k).isString(), qPrintable(k));
        const QStringList objects{QStringLiteral("uptime"),    QStringLiteral("clock"),
                                  QStringLiteral("disk"),      QStringLiteral("memory"),
                                  QStringLiteral("databases"), QStringLiteral("queue"),
                                  QStringLiteral("audit"),     QStringLiteral("tls_client_certificate"),
                                  QStringLiteral("readers"),   QStringLiteral("config")};
        for (const QString& k : objects)
            QVERIFY2(o.value(k).isObject(), qPrintable(k));
        QVERIFY(o.contains(QStringLiteral("sync")) && o.value(QStringLiteral("sync")).isNull());
        QVERIFY(o.contains(QStringLiteral("health")));
        QVERIFY(o[QStringLiteral("uptime")][QStringLiteral("process_s")].isDouble());
        QVERIFY(o[QStringLiteral("disk")][QStringLiteral("total_bytes")].isDouble());
        QVERIFY(o[QStringLiteral("memory")][QStringLiteral("process_rss_bytes")].isDouble());
        QVERIFY(o[QStringLiteral("databases")][QStringLiteral("files")].isArray());
        QVERIFY(o[QStringLiteral("queue")][QStringLiteral("by_state")].isObject());
        QVERIFY(o[QStringLiteral("queue")][QStringLiteral("oldest_pending_age_s")].isDouble());
        QCOMPARE(o[QStringLiteral("audit")][QStringLiteral("ok")].toBool(), true);
        const int days = o[QStringLiteral("tls_client_certificate")][QStringLiteral("days_left")].toInt();
        QVERIFY2(days >= 89 && days <= 90, qPrintable(QString::number(days)));
        QVERIFY(o[QStringLiteral("tls_client_certificate")][QStringLiteral("not_after")].isString());
        QVERIFY(o[QStringLiteral("readers")][QStringLiteral("backends")].isArray());
        verifyNoSecrets(QString::fromUtf8(r.out) + r.err);
    }

    void stateDirOption()
    {
        const QString other = m_dir.filePath(QStringLiteral("empty-state"));
        const Run r = tool({QStringLiteral("diag"), QStringLiteral("--json"), QStringLiteral("--config"),
                            m_config, QStringLiteral("--state-dir"), other});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("config")][QStringLiteral("state_dir")].toString(), other);
        QVERIFY(o[QStringLiteral("audit")].toObject().contains(QStringLiteral("error")));
    }

    void table()
    {
        const Run r = tool({QStringLiteral("diag"), QStringLiteral("--config"), m_config});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.contains(QStringLiteral("kiosk_id")));
        QVERIFY(text.contains(QStringLiteral("audit.ok")));
        verifyNoSecrets(text + r.err);
        const Run help = tool({QStringLiteral("help"), QStringLiteral("diag")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--bundle DIR"));
        QVERIFY(tool({QStringLiteral("--help")}).out.contains("diag [--bundle DIR]"));
    }

    void bundle()
    {
        const QString usb = m_dir.filePath(QStringLiteral("usb"));
        QVERIFY(QDir().mkpath(usb));
        const Run r = tool({QStringLiteral("diag"), QStringLiteral("--json"), QStringLiteral("--config"),
                            m_config, QStringLiteral("--bundle"), usb});
        QCOMPARE(r.exitCode, 0);
        const QString path = QJsonDocument::fromJson(r.out)[QStringLiteral("bundle")].toString();
        QVERIFY(path.startsWith(usb + QStringLiteral("/onewindow-diag-kiosk-test-07-")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray archive = f.readAll();
        for (const char* name :
             {"diagnostics.json", "recent.log", "journal.log", "kiosk.conf", "audit-verify.json"})
            QVERIFY2(archive.contains(name), name);
        verifyNoSecrets(QString::fromUtf8(archive) + r.err);
    }

    void badBundleTarget()
    {
        QFile file(m_dir.filePath(QStringLiteral("plain.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Run r = tool({QStringLiteral("diag"), QStringLiteral("--config"), m_config,
                            QStringLiteral("--bundle"), file.fileName() + QStringLiteral("/sub")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not a directory")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        const Run twice = tool({QStringLiteral("diag"), QStringLiteral("--bundle"), m_dir.path(),
                                QStringLiteral("--bundle"), m_dir.path()});
        QCOMPARE(twice.exitCode, 2);
        const Run wrongCommand = tool({QStringLiteral("queue"), QStringLiteral("--bundle"), m_dir.path()});
        QCOMPARE(wrongCommand.exitCode, 2);
    }

    // Issue 16 finding 5: a symlink given as the bundle directory is refused (as root it
    // pointed the tar into /etc); the directory it points to stays untouched. A link to a
    // temporary "victim" directory stands in for /etc, so a failing run damages nothing.
    void bundleRefusesSymlinkedDirectory()
    {
        const QString victim = m_dir.filePath(QStringLiteral("victim"));
        QVERIFY(QDir().mkpath(victim));
        const QString link = m_dir.filePath(QStringLiteral("usb-link"));
        QVERIFY(QFile::link(victim, link));
        for (const QString& target : {link, link + QLatin1Char('/')}) {
            const Run r = tool({QStringLiteral("diag"), QStringLiteral("--config"), m_config,
                                QStringLiteral("--bundle"), target});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("symbolic link")), qPrintable(r.err));
            QVERIFY2(QDir(victim).entryList(QDir::Files | QDir::Hidden).isEmpty(),
                     qPrintable(QDir(victim).entryList(QDir::Files | QDir::Hidden).join(QLatin1Char(' '))));
        }
    }

    // System directories are refused even when given directly. /run (a writable tmpfs as root)
    // stands in for /etc: a failing run leaves at most a tar there, which is removed.
    void bundleRefusesSystemDirectory()
    {
        const QStringList before =
            QDir(QStringLiteral("/run")).entryList({QStringLiteral("onewindow-diag-*")});
        const Run r = tool({QStringLiteral("diag"), QStringLiteral("--config"), m_config,
                            QStringLiteral("--bundle"), QStringLiteral("/run")});
        for (const QString& name :
             QDir(QStringLiteral("/run")).entryList({QStringLiteral("onewindow-diag-*")}))
            if (!before.contains(name))
                QFile::remove(QStringLiteral("/run/") + name);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("system directory")), qPrintable(r.err));
        const Run etc = tool({QStringLiteral("diag"), QStringLiteral("--config"), m_config,
                              QStringLiteral("--bundle"), QStringLiteral("/etc/")});
        QCOMPARE(etc.exitCode, 2);
        QVERIFY2(etc.err.contains(QStringLiteral("system directory")), qPrintable(etc.err));
        // The kiosk's own state directory is no export target either.
        const Run state = tool({QStringLiteral("diag"), QStringLiteral("--config"), m_config,
                                QStringLiteral("--bundle"), m_state});
        QCOMPARE(state.exitCode, 2);
        QVERIFY2(state.err.contains(QStringLiteral("system directory")), qPrintable(state.err));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticsTool)
#include "tst_diagnostics_tool.moc"
