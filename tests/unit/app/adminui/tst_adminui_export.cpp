// The admin page's rejected-list export (issue 16, finding 5): a symlinked target directory
// and a system directory are refused (as root a link to /etc would have put the file there),
// the link's target stays untouched, and a real directory gets a 0600 file whatever the umask.
#include "app/adminui/AdminPages.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace onewindow;
using namespace onewindow::adminui;

class TestAdminUiExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejectedExportRefusesLinksAndSystemDirectories()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList actions;
        AdminHooks hooks;
        hooks.record = [&actions](const QString& action, const QString&, const QString& result,
                                  const QString&) {
            actions << action + QLatin1Char(':') + result;
        };
        AdminPages pages({}, hooks);
        const QString victim = dir.filePath(QStringLiteral("victim"));
        QVERIFY(QDir().mkpath(victim));
        const QString link = dir.filePath(QStringLiteral("stick"));
        QVERIFY(QFile::link(victim, link));

        pages.exportRejected(link);
        QTRY_COMPARE(actions.size(), 1);
        QCOMPARE(actions.last(), QStringLiteral("export_rejected:error"));
        QVERIFY2(pages.message().contains(QLatin1String("symbolic link")), qPrintable(pages.message()));
        QVERIFY(QDir(victim).entryList(QDir::Files | QDir::Hidden).isEmpty());

        pages.exportRejected(QStringLiteral("/proc"));
        QTRY_COMPARE(actions.size(), 2);
        QCOMPARE(actions.last(), QStringLiteral("export_rejected:error"));
        QVERIFY2(pages.message().contains(QLatin1String("system directory")), qPrintable(pages.message()));

        const mode_t old = ::umask(0);
        pages.exportRejected(victim);
        QTRY_COMPARE(actions.size(), 3);
        ::umask(old);
        QCOMPARE(actions.last(), QStringLiteral("export_rejected:ok"));
        const QStringList files = QDir(victim).entryList({QStringLiteral("onewindow-rejected-*.json")});
        QCOMPARE(files.size(), 1);
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(victim + QLatin1Char('/') + files.first()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
    }
};

QTEST_GUILESS_MAIN(TestAdminUiExport)
#include "tst_adminui_export.moc"
