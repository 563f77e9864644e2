// files::OutputDirectory and files::ensurePrivateFile (issue 16, findings 3 and 5): a symlinked
// directory or target is refused, system directories are refused for exports, a file is made
// relative to the opened directory with the asked mode whatever the umask.
#include "base/files/OutputDirectory.h"
#include "base/files/PrivateFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace onewindow::files;

namespace {

unsigned modeOf(const QString& path)
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? unsigned(st.st_mode & 07777) : 0u;
}

} // namespace

class TstOutputDirectory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void systemDirectories_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("system");
        for (const char* p : {"/",
                              "/etc",
                              "/etc/onewindow",
                              "/usr/local/lib",
                              "/bin",
                              "/sbin",
                              "/lib64",
                              "/boot",
                              "/proc/self",
                              "/sys",
                              "/dev",
                              "/dev/shm",
                              "/run",
                              "/var",
                              "/var/lib",
                              "/var/lib/onewindow",
                              "/var/lib/onewindow/x",
                              "/root",
                              "/home",
                              "/etc/../etc"})
            QTest::newRow(p) << QString::fromLatin1(p) << true;
        for (const char* p : {"/media/usb0", "/run/media/tech/STICK", "/mnt/export", "/tmp", "/home/tech",
                              "/var/tmp", "/etcetera", "/var/lib/onewindow-export"})
            QTest::newRow(p) << QString::fromLatin1(p) << false;
    }

    void systemDirectories()
    {
        QFETCH(QString, path);
        QFETCH(bool, system);
        QCOMPARE(OutputDirectory::isSystemDirectory(path), system);
    }

    void refusesSymlinks()
    {
        const QString real = m_dir.filePath(QStringLiteral("real"));
        QVERIFY(QDir().mkpath(real));
        const QString link = m_dir.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(real, link));
        QString error;
        QVERIFY(!OutputDirectory::open(link, OutputDirectory::Policy::Private, &error));
        QVERIFY2(error.contains(QLatin1String("symbolic link")), qPrintable(error));
        QVERIFY(!OutputDirectory::open(link + QStringLiteral("/"), OutputDirectory::Policy::Private, &error));
        const auto dir = OutputDirectory::open(real, OutputDirectory::Policy::Private, &error);
        QVERIFY2(dir, qPrintable(error));
        // A link planted at the name is not followed and not replaced.
        const QString victim = m_dir.filePath(QStringLiteral("victim"));
        QFile v(victim);
        QVERIFY(v.open(QIODevice::WriteOnly));
        v.write("keep");
        v.close();
        QVERIFY(QFile::link(victim, real + QStringLiteral("/out.txt")));
        QVERIFY(
            dir->writeFile(QStringLiteral("out.txt"), "new", 0600).contains(QLatin1String("symbolic link")));
        QVERIFY(v.open(QIODevice::ReadOnly));
        QCOMPARE(v.readAll(), QByteArray("keep"));
        QVERIFY(!dir->writeFile(QStringLiteral("../escape"), "x", 0600).isEmpty());
        QVERIFY(!OutputDirectory::open(QStringLiteral("/etc"), OutputDirectory::Policy::Export, &error));
        QVERIFY(!OutputDirectory::open(real, OutputDirectory::Policy::Export, &error, {m_dir.path()}));
    }

    void modeWhateverTheUmask()
    {
        const mode_t old = ::umask(0);
        const auto dir = OutputDirectory::open(m_dir.path(), OutputDirectory::Policy::Export, nullptr);
        QVERIFY(dir);
        QCOMPARE(dir->writeFile(QStringLiteral("a"), "1", 0600), QString());
        QCOMPARE(dir->writeFile(QStringLiteral("b"), "2", 0640), QString());
        const QString db = m_dir.filePath(QStringLiteral("x.db"));
        QCOMPARE(ensurePrivateFile(db, true), QString());
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QCOMPARE(ensurePrivateFile(db, false), QString()); // narrowed back
        ::umask(old);
        QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("a"))), 0600u);
        QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("b"))), 0640u);
        QCOMPARE(modeOf(db), 0600u);
        QCOMPARE(ensurePrivateFile(m_dir.filePath(QStringLiteral("none")), false), QString());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none"))));
        QVERIFY(!ensurePrivateFile(QStringLiteral("/dev/null"), false).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstOutputDirectory)
#include "tst_output_directory.moc"
