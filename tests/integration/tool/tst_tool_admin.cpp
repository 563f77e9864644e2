// `onewindow-tool admin …` run as the real binary (QProcess) with piped standard input, against
// real files in a temporary directory: the PIN record's mode and group, the policy's exit status,
// the status --json shape, card-entry against TechnicianCards, and unlock (root; audited into a
// real audit.db). CI runs as root, so the root-only parts really run there.
#include "app/admin/LockoutState.h"
#include "app/admin/PinStore.h"
#include "app/admin/TechnicianCards.h"
#include "app/platform/KeyStore.h"
#include "app/storage/AuditLog.h"
#include "app/storage/DatabaseOpener.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ONEWINDOW_TOOL_PATH
#error "ONEWINDOW_TOOL_PATH must name the onewindow-tool binary"
#endif

using namespace onewindow;
using namespace onewindow::admin;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run tool(const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ONEWINDOW_CONFIG"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ONEWINDOW_TOOL_PATH), args);
    if (!p.waitForStarted(10000))
        qFatal("onewindow-tool did not start");
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        qFatal("onewindow-tool did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

struct stat statOf(const QString& path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        st.st_mode = 0;
    return st;
}

constexpr gid_t kNoGroup = 65534; // "nogroup" on Debian
constexpr uid_t kNobody = 65534;

} // namespace

class ToolAdminTest : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;

    QString pinPath() const { return m_dir->filePath(QStringLiteral("admin-pin")); }
    QStringList pinArgs(const QString& sub) const
    {
        return {QStringLiteral("admin"),       sub,          QStringLiteral("--pin-file"), pinPath(),
                QStringLiteral("--state-dir"), m_dir->path()};
    }

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void setPinWritesRecord()
    {
        const Run r = tool(pinArgs(QStringLiteral("set-pin")), "480715\n480715\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("480715"));
        QVERIFY(!r.err.contains("480715"));
        QCOMPARE(statOf(pinPath()).st_mode & 07777, 0640u);
        auto record = PinStore(pinPath()).load();
        QVERIFY(record.ok());
        QVERIFY(PinHasher::verify(record.value(), QStringLiteral("480715")));
        QCOMPARE(record->params.n, quint64(1) << 15);
    }

    // Issue 16 finding 5: --pin-file in a symlinked directory, or naming a symlink, is refused;
    // what the link points to is untouched.
    void pinFileRefusesSymlinks()
    {
        const QString victimDir = m_dir->filePath(QStringLiteral("victim"));
        QVERIFY(QDir().mkpath(victimDir));
        const QString linkDir = m_dir->filePath(QStringLiteral("link-dir"));
        QVERIFY(QFile::link(victimDir, linkDir));
        const Run viaDir =
            tool({QStringLiteral("admin"), QStringLiteral("set-pin"), QStringLiteral("--pin-file"),
                  linkDir + QStringLiteral("/admin-pin"), QStringLiteral("--state-dir"), m_dir->path()},
                 "480715\n480715\n");
        QCOMPARE(viaDir.exitCode, 2);
        QVERIFY2(viaDir.err.contains("symbolic link"), viaDir.err.constData());
        QVERIFY(QDir(victimDir).entryList(QDir::Files | QDir::Hidden).isEmpty());

        QFile victim(m_dir->filePath(QStringLiteral("victim-file")));
        QVERIFY(victim.open(QIODevice::WriteOnly));
        victim.write("untouched\n");
        victim.close();
        const QString linkFile = m_dir->filePath(QStringLiteral("admin-pin-link"));
        QVERIFY(QFile::link(victim.fileName(), linkFile));
        const Run viaFile =
            tool({QStringLiteral("admin"), QStringLiteral("set-pin"), QStringLiteral("--pin-file"), linkFile,
                  QStringLiteral("--state-dir"), m_dir->path()},
                 "480715\n480715\n");
        QCOMPARE(viaFile.exitCode, 2);
        QVERIFY2(viaFile.err.contains("symbolic link"), viaFile.err.constData());
        QVERIFY(QFileInfo(linkFile).isSymLink());
        QVERIFY(victim.open(QIODevice::ReadOnly));
        QCOMPARE(victim.readAll(), QByteArray("untouched\n"));
    }

    void recordTakesTheDirectorysGroup()
    {
        if (::geteuid() != 0)
            QSKIP("changing a directory's group to nogroup needs root (CI runs as root)");
        QCOMPARE(::chown(QFile::encodeName(m_dir->path()).constData(), uid_t(-1), kNoGroup), 0);
        const Run r = tool(pinArgs(QStringLiteral("set-pin")), "480715\n480715\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const struct stat st = statOf(pinPath());
        QCOMPARE(st.st_gid, kNoGroup);
        QCOMPARE(st.st_uid, ::geteuid());
        QCOMPARE(st.st_mode & 07777, 0640u);
    }

    void defaultPathIsNextToTheConfig()
    {
        const QString conf = m_dir->filePath(QStringLiteral("kiosk.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[kiosk]\nstate_dir=%1\n").arg(m_dir->path()).toUtf8());
        f.close();
        const Run r =
            tool({QStringLiteral("--config"), conf, QStringLiteral("admin"), QStringLiteral("set-pin")},
                 "592604\n592604\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFile::exists(pinPath()));
    }

    void refusedPins_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("ascending") << QByteArray("123456\n123456\n") << 1 << QByteArray("run of digits");
        QTest::newRow("repeated") << QByteArray("111111\n111111\n") << 1 << QByteArray("repeat");
        QTest::newRow("short") << QByteArray("48071\n48071\n") << 1 << QByteArray("6 to 12");
        QTest::newRow("letters") << QByteArray("48o715\n48o715\n") << 1 << QByteArray("digits");
        QTest::newRow("mismatch") << QByteArray("480715\n480716\n") << 1 << QByteArray("differ");
        QTest::newRow("once only") << QByteArray("480715\n") << 2 << QByteArray("twice");
        QTest::newRow("nothing") << QByteArray() << 2 << QByteArray("twice");
    }

    void refusedPins()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, reason);
        // A previous record stays untouched.
        QCOMPARE(tool(pinArgs(QStringLiteral("set-pin")), "480715\n480715\n").exitCode, 0);
        QFile f(pinPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const Run r = tool(pinArgs(QStringLiteral("set-pin")), input);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(reason), r.err.constData());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void statusJson()
    {
        Run r = tool(pinArgs(QStringLiteral("status")) << QStringLiteral("--json"));
        QCOMPARE(r.exitCode, 0);
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("provisioned")).toBool(true), false);
        QVERIFY(o.value(QStringLiteral("set_at")).isNull());
        QVERIFY(o.value(QStringLiteral("error")).isString());

        QCOMPARE(tool(pinArgs(QStringLiteral("set-pin")), "480715\n480715\n").exitCode, 0);
        const LockoutState lockout(LockoutState::pathIn(m_dir->path()));
        lockout.recordFailure();
        lockout.recordFailure();
        r = tool(pinArgs(QStringLiteral("status")) << QStringLiteral("--json"));
        QCOMPARE(r.exitCode, 0);
        o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("provisioned")).toBool(), true);
        QVERIFY(QDateTime::fromString(o.value(QStringLiteral("set_at")).toString(), Qt::ISODate).isValid());
        QVERIFY(o.value(QStringLiteral("error")).isNull());
        QCOMPARE(o.value(QStringLiteral("locked")).toBool(true), false);
        QVERIFY(o.value(QStringLiteral("locked_until")).isNull());
        QCOMPARE(o.value(QStringLiteral("failures")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("max_failures")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("lockout_minutes")).toInt(), 15);
        QCOMPARE(o.value(QStringLiteral("pin_file")).toString(), pinPath());
        // No secrets: neither salt nor hash appear.
        QVERIFY(!r.out.contains("salt") && !r.out.contains("hash"));
        for (int i = 0; i < 3; ++i)
            lockout.recordFailure();
        o = QJsonDocument::fromJson(tool(pinArgs(QStringLiteral("status")) << QStringLiteral("--json")).out)
                .object();
        QCOMPARE(o.value(QStringLiteral("locked")).toBool(), true);
        const QDateTime until =
            QDateTime::fromString(o.value(QStringLiteral("locked_until")).toString(), Qt::ISODate);
        QVERIFY(until > QDateTime::currentDateTimeUtc().addSecs(14 * 60));
        QVERIFY(until <= QDateTime::currentDateTimeUtc().addSecs(15 * 60 + 1));
    }

    void cardEntryMatchesTechnicianCards()
    {
        // Without a PIN record there is no salt: a clear usage error.
        Run r = tool(pinArgs(QStringLiteral("card-entry")), "11010519800101999X\n");
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(tool(pinArgs(QStringLiteral("set-pin")), "480715\n480715\n").exitCode, 0);
        r = tool(pinArgs(QStringLiteral("card-entry")), "11010519800101999x\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString entry = QString::fromLatin1(r.out.trimmed());
        QCOMPARE(entry.size(), 64);
        QVERIFY(!r.out.contains("110105"));
        const QByteArray salt = PinStore(pinPath()).load().value().salt;
        QCOMPARE(entry, TechnicianCards::entryFor(salt, QStringLiteral("11010519800101999X")));
        QVERIFY(TechnicianCards(salt, {entry}).isTechnician(QStringLiteral("11010519800101999X")));
        QCOMPARE(tool(pinArgs(QStringLiteral("card-entry")), "not a number; rm -rf\n").exitCode, 1);
        QCOMPARE(tool(pinArgs(QStringLiteral("card-entry")), "").exitCode, 2);
    }

    void unlockClearsAndAudits()
    {
        if (::geteuid() != 0)
            QSKIP("admin unlock is root-only (CI runs as root)");
        // A real audit.db and key file in the state directory, as a running kiosk has them.
        {
            auto keys = KeyStore::open(m_dir->filePath(QStringLiteral("keys")), true);
            QVERIFY(keys.ok());
            auto db = storage::DatabaseOpener::open(
                storage::DatabaseOpener::auditSpec(m_dir->filePath(QStringLiteral("audit.db"))), nullptr);
            QVERIFY(db.ok());
        }
        const LockoutState lockout(LockoutState::pathIn(m_dir->path()));
        for (int i = 0; i < 5; ++i)
            lockout.recordFailure();
        QVERIFY(lockout.read().locked());
        // The kiosk user owns the state directory: the cleared file must stay theirs.
        QCOMPARE(::chown(QFile::encodeName(m_dir->path()).constData(), kNobody, kNoGroup), 0);

        const Run r = tool(pinArgs(QStringLiteral("unlock")) << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QVERIFY2(o.value(QStringLiteral("audited")).toBool(), r.out.constData());
        QVERIFY(!lockout.read().locked());
        QCOMPARE(lockout.read().failures, 0);
        const struct stat st = statOf(lockout.path());
        QCOMPARE(st.st_uid, kNobody);
        QCOMPARE(st.st_mode & 07777, 0600u);

        auto keys = KeyStore::open(m_dir->filePath(QStringLiteral("keys")), false);
        auto db = storage::DatabaseOpener::open(
            storage::DatabaseOpener::auditSpec(m_dir->filePath(QStringLiteral("audit.db"))), nullptr);
        QVERIFY(keys.ok() && db.ok());
        storage::AuditLog log(*db.value(), keys.value());
        const auto recent = log.recent(5);
        QVERIFY(recent.ok());
        QCOMPARE(recent.value().size(), 1);
        QCOMPARE(recent.value().first().kind, storage::AuditEvent::Kind::AdminAction);
        QCOMPARE(recent.value().first().detail, QStringLiteral("unlock"));
        QVERIFY(log.verify().value().ok);
    }

    void usageErrors()
    {
        QCOMPARE(tool({QStringLiteral("admin")}).exitCode, 2);
        QCOMPARE(tool({QStringLiteral("admin"), QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(
            tool({QStringLiteral("admin"), QStringLiteral("status"), QStringLiteral("--reveal")}).exitCode,
            2);
        const Run help = tool({QStringLiteral("help"), QStringLiteral("admin")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("set-pin"));
        QVERIFY(tool({QStringLiteral("--help")}).out.contains("admin set-pin"));
    }
};

QTEST_GUILESS_MAIN(ToolAdminTest)
#include "tst_tool_admin.moc"
