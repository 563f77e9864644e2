// Every file the project creates in the state directory is 0600 whatever the umask (issue 16,
// finding 3): SQLite's default mode is 0644 & ~umask, and outside systemd (the tool, a shell)
// nothing narrows the umask. A real run under umask 022 and 000: the storage opens (key file,
// outbox.db, cache.db, audit.db with their -wal/-shm), enqueues, checkpoints, builds a full
// reload's cache.new.db, writes the admin override file, and the real tool runs on the result.
#include "app/platform/ConfigOverrides.h"
#include "app/storage/CacheReload.h"
#include "app/storage/StorageWorker.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

#ifndef ONEWINDOW_TOOL_PATH
#error "ONEWINDOW_TOOL_PATH must name the onewindow-tool binary"
#endif

using namespace onewindow;
using namespace onewindow::storage;
using namespace onewindow::testing;

namespace {

// "name 0644" for every regular file in `dir` whose mode is not 0600.
QStringList filesNot0600(const QString& dir, QStringList* seen)
{
    QStringList wrong;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st
        {};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        const QString name = QDir(dir).relativeFilePath(path);
        seen->append(name);
        if ((st.st_mode & 07777) != 0600)
            wrong << QStringLiteral("%1 %2").arg(name).arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
    }
    return wrong;
}

class UmaskGuard
{
public:
    explicit UmaskGuard(mode_t mask) : m_old(::umask(mask)) {}
    ~UmaskGuard() { ::umask(m_old); }

private:
    mode_t m_old;
};

} // namespace

class TstFileModes : public QObject
{
    Q_OBJECT

private slots:
    void everyFileIs0600_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("umask 022") << 022;
        QTest::newRow("umask 000") << 0;
    }

    void everyFileIs0600()
    {
        QFETCH(int, mask);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString state = tmp.filePath(QStringLiteral("state"));
        const UmaskGuard guard{mode_t(mask)}; // also the tool's: a child inherits the umask
        QStringList seen;
        {
            StorageConfig config;
            config.stateDir = state;
            StorageWorker w(config);
            QVERIFY(w.open().ok());
            Submission s;
            s.serviceItemCode = QStringLiteral("ITEM");
            s.payload = "p";
            QVERIFY(w.outbox().enqueue(s).ok());
            DeltaPage page;
            page.changes = {upsert(hukou(1, residentId(7), QStringLiteral("测试"), QStringLiteral("址")), 1)};
            page.nextCursor = QStringLiteral("c1");
            QVERIFY(w.cache().applyPage(page).ok());
            AuditEvent e;
            e.kind = AuditEvent::Kind::AdminLoginFailure;
            e.actor = QStringLiteral("admin:tech1");
            QVERIFY(w.audit().append(e).ok());
            // A full reload's file while it is being built (with its journal) …
            auto builder = CacheBuilder::start(config.cacheNewPath(), w.keys());
            QVERIFY(builder.ok());
            QVERIFY(builder.value()->applyPage(page).ok());
            const QStringList building = filesNot0600(state, &seen);
            QVERIFY2(building.isEmpty(), qPrintable(building.join(QStringLiteral(", "))));
            QVERIFY2(seen.contains(QStringLiteral("outbox.db-wal")), qPrintable(seen.join(QLatin1Char(' '))));
            QVERIFY(seen.contains(QStringLiteral("outbox.db-shm")));
            QVERIFY(seen.contains(QStringLiteral("cache.new.db")));
            // … finished and swapped in.
            QVERIFY(builder.value()->finish().ok());
            QVERIFY(w.swapInCache().ok());
            // Signed licences (issue 16): the catalogue's issuer keys, trusted by the tool through
            // kiosk.conf's root as the kiosk trusts them, so the lookup below finds the licence.
            QVERIFY(w.cache()
                        .storeCatalog({QStringLiteral("v7"), QStringLiteral("\"e7\""), testCatalogBody(), {}})
                        .ok());
            QString error;
            QVERIFY2(ConfigOverrides::write(ConfigOverrides::pathFor(state),
                                            {{QStringLiteral("printer/name"), QStringLiteral("p1")}}, &error),
                     qPrintable(error));
            seen.clear();
            const QStringList open = filesNot0600(state, &seen);
            QVERIFY2(open.isEmpty(), qPrintable(open.join(QStringLiteral(", "))));
        }
        // The tool on the same state: a lookup (audited) and the queue. Its configuration lies
        // outside the state directory, so it is not one of the files judged here.
        const QString conf = tmp.filePath(QStringLiteral("kiosk.conf"));
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[licenses]\nroot_key=" + testRootKeyValue().toLatin1() + "\n");
        }
        for (const QStringList& args :
             {QStringList{QStringLiteral("cache"), QStringLiteral("lookup"), residentId(7),
                          QStringLiteral("--json")},
              QStringList{QStringLiteral("queue"), QStringLiteral("--json")},
              QStringList{QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")}}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("ONEWINDOW_CONFIG"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(ONEWINDOW_TOOL_PATH),
                    QStringList{QStringLiteral("--config"), conf} + args +
                        QStringList{QStringLiteral("--state-dir"), state});
            QVERIFY(p.waitForFinished(30000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        }
        seen.clear();
        const QStringList after = filesNot0600(state, &seen);
        QVERIFY2(after.isEmpty(), qPrintable(after.join(QStringLiteral(", "))));
        for (const char* name : {"keys", "outbox.db", "cache.db", "audit.db", "admin-settings.conf"})
            QVERIFY2(seen.contains(QLatin1String(name)), name);
    }
};

QTEST_GUILESS_MAIN(TstFileModes)
#include "tst_file_modes.moc"
