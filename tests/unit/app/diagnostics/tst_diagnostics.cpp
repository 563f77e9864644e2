// The diagnostics report, the shared database check, the tar writer and the bundle (issue 7),
// against a real state directory made by the storage code and a certificate made by openssl.
#include "DiagFixtures.h"
#include "app/diagnostics/DatabaseCheck.h"
#include "app/diagnostics/DiagnosticsBundle.h"
#include "app/diagnostics/DiagnosticsReport.h"
#include "app/diagnostics/TarWriter.h"
#include "app/platform/KioskConfig.h"
#include "app/platform/LogRedaction.h"
#include "app/storage/Schemas.h"
#include "tests/unit/app/platform/LogTestResidents.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace onewindow;
using namespace onewindow::diagnostics;
using namespace onewindow::testing;

namespace {

// Extracts a tar with the system's tar: proves the archive is a real ustar file.
QMap<QString, QByteArray> untar(const QString& archive, const QString& into)
{
    QMap<QString, QByteArray> files;
    QDir().mkpath(into);
    QProcess p;
    p.start(QStringLiteral("tar"), {QStringLiteral("-xf"), archive, QStringLiteral("-C"), into});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return files;
    for (const QFileInfo& fi : QDir(into).entryInfoList(QDir::Files)) {
        QFile f(fi.filePath());
        if (f.open(QIODevice::ReadOnly))
            files.insert(fi.fileName(), f.readAll());
    }
    return files;
}

} // namespace

class TestDiagnostics : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_state;
    QString m_cert;
    QString m_configPath;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_state = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(makeKioskState(m_state));
        m_cert = makeCertificate(m_dir.path(), 30);
        QVERIFY2(!m_cert.isEmpty(), "openssl could not make a test certificate");
        m_configPath = writeConfig(m_dir.path(), m_state, m_cert);
        QVERIFY(!m_configPath.isEmpty());
    }
    void cleanup() { LogRedaction::clearSessionTerms(); }

    void databaseCheckStates()
    {
        const DatabaseCheck good = DatabaseCheck::run(
            QStringLiteral("audit.db"), m_state + QStringLiteral("/audit.db"), storage::auditMigrations());
        QCOMPARE(good.status, DatabaseCheck::Status::Ok);
        QCOMPARE(good.quickCheck, QStringLiteral("ok"));
        QVERIFY(good.sizeBytes > 0);
        QVERIFY(good.schemaVersion > 0);
        const DatabaseCheck missing = DatabaseCheck::run(
            QStringLiteral("x.db"), m_dir.filePath(QStringLiteral("none.db")), storage::auditMigrations());
        QCOMPARE(missing.status, DatabaseCheck::Status::Warn);
        QVERIFY(!missing.exists);
        QFile junk(m_dir.filePath(QStringLiteral("junk.db")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'J'));
        junk.close();
        const DatabaseCheck broken =
            DatabaseCheck::run(QStringLiteral("junk.db"), junk.fileName(), storage::auditMigrations());
        QCOMPARE(broken.status, DatabaseCheck::Status::Fail);
        QVERIFY(!broken.detail.isEmpty());
        // Read-only: the check never creates a -wal or changes the file.
        QVERIFY(!QFileInfo::exists(junk.fileName() + QStringLiteral("-wal")));
        QCOMPARE(QFileInfo(junk.fileName()).size(), 8192);
    }

    void reportShape()
    {
        const KioskConfig config = KioskConfig::load(m_configPath);
        QVERIFY(config.ok());
        DiagnosticsInputs in;
        in.config = &config;
        const QJsonObject r = DiagnosticsReport::collect(in);
        for (const char* key : {"version", "hostname", "kiosk_id", "generated_at"})
            QVERIFY2(r.value(QLatin1String(key)).isString(), key);
        QCOMPARE(r.value(QStringLiteral("kiosk_id")).toString(), QStringLiteral("kiosk-test-07"));
        for (const char* key : {"uptime", "clock", "disk", "memory", "databases", "queue", "audit",
                                "tls_client_certificate", "readers", "config"})
            QVERIFY2(r.value(QLatin1String(key)).isObject(), key);
        QVERIFY(r[QStringLiteral("uptime")][QStringLiteral("system_s")].toDouble() > 0);
        QVERIFY(r[QStringLiteral("uptime")][QStringLiteral("process_s")].toDouble() >= 0);
        QVERIFY(r[QStringLiteral("clock")][QStringLiteral("hub_offset_ms")].isNull());
        QVERIFY(r[QStringLiteral("disk")][QStringLiteral("free_bytes")].toDouble() > 0);
        QVERIFY(r[QStringLiteral("memory")][QStringLiteral("process_rss_bytes")].toDouble() > 1e6);
        QVERIFY(r[QStringLiteral("memory")][QStringLiteral("system_available_bytes")].toDouble() > 0);
        QVERIFY(r[QStringLiteral("databases")][QStringLiteral("ok")].toBool());
        const QJsonArray files = r[QStringLiteral("databases")][QStringLiteral("files")].toArray();
        QCOMPARE(files.size(), 3);
        for (const QJsonValue& f : files) {
            QCOMPARE(f[QStringLiteral("status")].toString(), QStringLiteral("ok"));
            QCOMPARE(f[QStringLiteral("quick_check")].toString(), QStringLiteral("ok"));
        }
        const QJsonObject queue = r[QStringLiteral("queue")].toObject();
        QVERIFY2(queue[QStringLiteral("by_state")].isObject(), qPrintable(QJsonDocument(queue).toJson()));
        QVERIFY(queue[QStringLiteral("by_state")].toObject().contains(QStringLiteral("QUEUED")));
        QCOMPARE(queue[QStringLiteral("pending")].toInt(), 0);
        const QJsonObject audit = r[QStringLiteral("audit")].toObject();
        QVERIFY2(audit[QStringLiteral("ok")].toBool(), qPrintable(QJsonDocument(audit).toJson()));
        QCOMPARE(audit[QStringLiteral("events")].toInt(), 1);
        const QJsonObject tls = r[QStringLiteral("tls_client_certificate")].toObject();
        QVERIFY2(tls[QStringLiteral("days_left")].toInt() >= 29 &&
                     tls[QStringLiteral("days_left")].toInt() <= 30,
                 qPrintable(QJsonDocument(tls).toJson()));
        QVERIFY(!tls[QStringLiteral("expired")].toBool());
        QCOMPARE(r[QStringLiteral("readers")][QStringLiteral("backends")].toArray(),
                 QJsonArray{QStringLiteral("sim")});
        QCOMPARE(r[QStringLiteral("config")][QStringLiteral("hub_host")].toString(),
                 QStringLiteral("hub.example.invalid"));
        QVERIFY(r[QStringLiteral("sync")].isNull());
        QVERIFY(r[QStringLiteral("health")].isNull());
        const QString text = QString::fromUtf8(QJsonDocument(r).toJson());
        for (const QString& secret : configSecrets())
            QVERIFY2(!text.contains(secret), qPrintable(secret.left(6)));
        QVERIFY(DiagnosticsReport::toText(r).contains(QStringLiteral("audit.events")));
    }

    void optionalInputsMerged()
    {
        const KioskConfig config = KioskConfig::load(m_configPath);
        DiagnosticsInputs in;
        in.config = &config;
        sync::SyncStatus s;
        s.configured = true;
        s.online = true;
        s.clockOffsetMs = -1500;
        s.lastError = QStringLiteral("hub refused 110105195803120029");
        in.syncStatus = s;
        in.healthReport = QJsonObject{{QStringLiteral("overall"), QStringLiteral("ok")}};
        in.liveReaders = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("sim0")}}};
        const QJsonObject r = DiagnosticsReport::collect(in);
        QCOMPARE(r[QStringLiteral("clock")][QStringLiteral("hub_offset_ms")].toInt(), -1500);
        QVERIFY(r[QStringLiteral("sync")][QStringLiteral("online")].toBool());
        QVERIFY(!r[QStringLiteral("sync")][QStringLiteral("last_error")].toString().contains(
            QStringLiteral("110105195803120029")));
        QCOMPARE(r[QStringLiteral("health")][QStringLiteral("overall")].toString(), QStringLiteral("ok"));
        QCOMPARE(r[QStringLiteral("readers")][QStringLiteral("live")].toArray().size(), 1);
    }

    void certificateProblems()
    {
        QVERIFY(DiagnosticsReport::certificate(m_dir.filePath(QStringLiteral("none.pem")))
                    .contains(QStringLiteral("error")));
        QVERIFY(DiagnosticsReport::certificate(m_configPath).contains(QStringLiteral("error")));
        QVERIFY(!DiagnosticsReport::certificate({})[QStringLiteral("configured")].toBool());
    }

    void missingStateIsReportedNotFatal()
    {
        KioskConfig config = KioskConfig::load(QString());
        DiagnosticsInputs in;
        in.config = &config;
        in.stateDir = m_dir.filePath(QStringLiteral("no-such-state"));
        const QJsonObject r = DiagnosticsReport::collect(in);
        QVERIFY(r[QStringLiteral("queue")].toObject().contains(QStringLiteral("error")));
        QVERIFY(r[QStringLiteral("audit")].toObject().contains(QStringLiteral("error")));
        QVERIFY(!r[QStringLiteral("disk")][QStringLiteral("valid")].toBool());
    }

    void tarWriterMakesRealArchives()
    {
        TarWriter tar;
        QVERIFY(tar.addFile(QStringLiteral("a.txt"), "hello\n"));
        QVERIFY(tar.addFile(QStringLiteral("empty.log"), QByteArray()));
        QVERIFY(tar.addFile(QStringLiteral("big.bin"), QByteArray(1500, 'x')));
        QVERIFY(!tar.addFile(QString(120, QLatin1Char('n')), "x"));
        QVERIFY(!tar.addFile(QString(), "x"));
        const QByteArray archive = tar.finish();
        QCOMPARE(archive.size() % 512, 0);
        const QString path = m_dir.filePath(QStringLiteral("t.tar"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(archive);
        f.close();
        const auto files = untar(path, m_dir.filePath(QStringLiteral("untar-t")));
        QCOMPARE(files.value(QStringLiteral("a.txt")), QByteArray("hello\n"));
        QVERIFY(files.contains(QStringLiteral("empty.log")));
        QCOMPARE(files.value(QStringLiteral("big.bin")), QByteArray(1500, 'x'));
    }

    void bundleHasFiveRedactedFiles()
    {
        const KioskConfig config = KioskConfig::load(m_configPath);
        const QList<LogResident> residents = logResidents();
        QVERIFY(residents.size() >= 5);
        const LogResident& r = residents.at(4); // the HMT permit holder: name, address, ID, permit
        LogRedaction::setSessionIdentity(r.identity);
        DiagnosticsBundle::Contents contents;
        contents.inputs.config = &config;
        // Lines that slipped through unredacted into the buffer still leave redacted.
        contents.recentLines = {leakyMessage(r, QStringLiteral("line1")), QStringLiteral("ordinary line")};
        // A byte count shaped like a mobile number stays a number (only strings are redacted).
        contents.inputs.healthReport = QJsonObject{{QStringLiteral("disk_free_bytes"), 13912345678.0}};
        const QString target = m_dir.filePath(QStringLiteral("usb"));
        QVERIFY(QDir().mkpath(target));
        auto written = DiagnosticsBundle::write(target, contents);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
        const QString path = written.value();
        QVERIFY(QFileInfo(path).fileName().startsWith(QStringLiteral("onewindow-diag-kiosk-test-07-")));
        QVERIFY(path.endsWith(QStringLiteral(".tar")));
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0640);
        QCOMPARE(QDir(target).entryList(QDir::Files | QDir::Hidden).size(), 1); // no .partial left
        const auto files = untar(path, m_dir.filePath(QStringLiteral("untar-b")));
        QCOMPARE(QStringList(files.keys()),
                 (QStringList{QStringLiteral("audit-verify.json"), QStringLiteral("diagnostics.json"),
                              QStringLiteral("journal.log"), QStringLiteral("kiosk.conf"),
                              QStringLiteral("recent.log")}));
        const QJsonDocument report = QJsonDocument::fromJson(files.value(QStringLiteral("diagnostics.json")));
        QVERIFY(report.isObject());
        QCOMPARE(report[QStringLiteral("health")][QStringLiteral("disk_free_bytes")].toDouble(),
                 13912345678.0);
        QVERIFY(
            QJsonDocument::fromJson(files.value(QStringLiteral("audit-verify.json")))[QStringLiteral("ok")]
                .toBool());
        QVERIFY(files.value(QStringLiteral("recent.log")).contains("line1"));
        QVERIFY(files.value(QStringLiteral("recent.log")).contains("ordinary line"));
        const QString conf = QString::fromUtf8(files.value(QStringLiteral("kiosk.conf")));
        QVERIFY(conf.contains(QStringLiteral("client_key_password=(removed)")));
        QVERIFY(conf.contains(QStringLiteral("pin_file=(removed)")));
        QVERIFY(conf.contains(QStringLiteral("url=https://hub.example.invalid:8443")));
        QString all;
        for (const QByteArray& content : files)
            all += QString::fromUtf8(content);
        for (const QString& secret : configSecrets())
            QVERIFY2(!all.contains(secret), qPrintable(secret.left(6)));
        for (const QString& s : r.secrets + alwaysSecret())
            QVERIFY2(!all.contains(s, Qt::CaseInsensitive), "a personal string is in the bundle");
        // The client key's contents are never copied.
        QFile key(m_dir.filePath(QStringLiteral("client.key")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        const QByteArray keyLine = key.readAll().split('\n').value(1);
        QVERIFY(keyLine.size() > 20);
        QVERIFY(!all.toUtf8().contains(keyLine));
    }

    void bundleRefusesBadTargets()
    {
        const KioskConfig config = KioskConfig::load(m_configPath);
        DiagnosticsBundle::Contents contents;
        contents.inputs.config = &config;
        contents.includeJournal = false;
        // Under a regular file: not a directory even for root (CI runs as root).
        const QString file = m_dir.filePath(QStringLiteral("file.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto underFile = DiagnosticsBundle::write(file + QStringLiteral("/sub"), contents);
        QVERIFY(!underFile.ok());
        QVERIFY(underFile.error().contains(QStringLiteral("not a directory")));
        auto isFile = DiagnosticsBundle::write(file, contents);
        QVERIFY(!isFile.ok());
        auto empty = DiagnosticsBundle::write(QString(), contents);
        QVERIFY(!empty.ok());
        // A read-only file system refuses even root: /proc is one.
        auto readOnly = DiagnosticsBundle::write(QStringLiteral("/proc/self"), contents);
        QVERIFY(!readOnly.ok());
    }

    void removableTargetsAreMountedDirectories()
    {
        for (const DiagnosticsBundle::Volume& v : DiagnosticsBundle::removableTargets()) {
            QVERIFY(QFileInfo(v.rootPath).isDir());
            QVERIFY(v.freeBytes >= 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
