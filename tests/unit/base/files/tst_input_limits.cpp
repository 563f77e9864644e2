// Every file the project reads has a size limit and must be a regular file (issue 16,
// finding 4). Each reader is fed a valid file padded just past its limit, /dev/zero (which
// never ends) and a FIFO without a writer (which would block an open() for ever): each must
// refuse at once with a clear message, and the safe fallback must hold (a refused lockout
// file locks, a refused override is not applied).
#include "app/admin/LockoutState.h"
#include "app/admin/PinStore.h"
#include "app/catalog/Catalog.h"
#include "app/platform/ConfigOverrides.h"
#include "app/platform/KeyStore.h"
#include "app/platform/KioskConfig.h"
#include "base/files/BoundedRead.h"
#include "drivers/reader/ReaderProfile.h"
#include "drivers/sim/SimIdentities.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <sys/stat.h>

using namespace onewindow;

namespace {

// A committed file of the source tree (resources/…).
QByteArray resource(const QString& relative)
{
    const QString root =
        qEnvironmentVariable("ONEWINDOW_SOURCE_DIR", QStringLiteral(ONEWINDOW_SOURCE_DIR_FALLBACK));
    QFile f(root + QLatin1Char('/') + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// `content` followed by `pad` bytes until the file is one byte over `limit`.
bool writePadded(const QString& path, const QByteArray& content, char pad, qint64 limit)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(content);
    const QByteArray block(64 * 1024, pad);
    qint64 left = limit + 1 - content.size();
    while (left > 0) {
        const qint64 n = qMin<qint64>(left, block.size());
        f.write(block.constData(), n);
        left -= n;
    }
    return f.size() == limit + 1;
}

struct Loader
{
    // A valid file of this kind, written to `path` and padded past the limit; false on failure.
    std::function<bool(const QString& path)> writeOversized;
    // Loads `path` the way the kiosk does. Returns the error shown (empty = the file was taken).
    std::function<QString(const QString& path)> load;
};

QMap<QString, Loader> loaders(const QString& scratch)
{
    QMap<QString, Loader> m;
    m[QStringLiteral("kiosk.conf")] = {[](const QString& p) {
                                           return writePadded(p, "[kiosk]\nstate_dir=/tmp/x\n#", '#',
                                                              files::kConfigMaxBytes);
                                       },
                                       [](const QString& p) {
                                           const KioskConfig c = KioskConfig::load(p);
                                           return c.ok() ? QString() : c.errorString();
                                       }};
    m[QStringLiteral("admin-settings.conf")] = {
        [](const QString& p) {
            return writePadded(p, "[printer]\nname=over\n#", '#', files::kOverridesMaxBytes);
        },
        [](const QString& p) {
            KioskConfig c;
            ConfigOverrides::applyTo(c, p);
            // The override must not be applied; the reason goes to the log.
            return c.value(QStringLiteral("printer/name")).toString() == QLatin1String("over")
                       ? QString()
                       : QStringLiteral("not applied");
        }};
    m[QStringLiteral("reader profile")] = {
        [](const QString& p) {
            QDir().mkpath(p);
            return writePadded(p + QStringLiteral("/big.json"),
                               resource(QStringLiteral("resources/readers/field-convention.json")), ' ',
                               files::kReaderProfileMaxBytes);
        },
        [](const QString& p) {
            // A directory of profiles, or one file (a link in the directory to /dev/zero, a FIFO).
            QString dir = p;
            if (!QFileInfo(p).isDir()) {
                dir = p + QStringLiteral(".d");
                QDir().mkpath(dir);
                QFile::remove(dir + QStringLiteral("/x.json"));
                QFile::link(p, dir + QStringLiteral("/x.json"));
            }
            const ProfileSet set = loadReaderProfiles(dir);
            if (!set.errors.isEmpty())
                return set.errors.first().message;
            return set.profiles.isEmpty() ? QStringLiteral("skipped") : QString();
        }};
    m[QStringLiteral("catalogue")] = {[](const QString& p) {
                                          return writePadded(
                                              p, resource(QStringLiteral("resources/demo/catalog.json")), ' ',
                                              files::kCatalogMaxBytes);
                                      },
                                      [](const QString& p) {
                                          auto c = catalog::Catalog::fromFile(p);
                                          return c ? QString() : c.error();
                                      }};
    m[QStringLiteral("demo residents")] = {
        [](const QString& p) {
            return writePadded(p, resource(QStringLiteral("resources/demo/identities.json")), ' ',
                               files::kDemoDataMaxBytes);
        },
        [](const QString& p) {
            auto cards = loadSimCards(p);
            return cards ? QString() : cards.error();
        }};
    m[QStringLiteral("key file")] = {[scratch](const QString& p) {
                                         const QString made = scratch + QStringLiteral("/made-keys");
                                         if (!KeyStore::open(made, true).ok())
                                             return false;
                                         QFile f(made);
                                         const bool ok = f.open(QIODevice::ReadOnly) &&
                                                         writePadded(p, f.readAll() + "\n#", '#',
                                                                     files::kSmallStateMaxBytes);
                                         QFile::setPermissions(p, QFile::ReadOwner | QFile::WriteOwner);
                                         return ok;
                                     },
                                     [](const QString& p) {
                                         auto keys = KeyStore::open(p, false);
                                         return keys ? QString() : keys.error();
                                     }};
    m[QStringLiteral("PIN record")] = {
        [](const QString& p) { return writePadded(p, "{}", ' ', files::kSmallStateMaxBytes); },
        [](const QString& p) {
            auto record = admin::PinStore(p).load();
            return record ? QString() : record.error().message;
        }};
    m[QStringLiteral("lockout file")] = {
        [](const QString& p) { return writePadded(p, "{\"failures\":0}", ' ', files::kSmallStateMaxBytes); },
        [](const QString& p) {
            const auto s = admin::LockoutState(p).read();
            return s.error; // a refused file reads as locked, with the reason
        }};
    return m;
}

} // namespace

class TstInputLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void refused_data()
    {
        QTest::addColumn<QString>("loader");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // a word of the message ("" = any refusal)
        for (const QString& name : loaders(m_dir.path()).keys()) {
            const QByteArray n = name.toUtf8();
            QTest::newRow((n + " over its limit").constData())
                << name << QStringLiteral("oversized") << QString();
            QTest::newRow((n + " /dev/zero").constData()) << name << QStringLiteral("/dev/zero") << QString();
            QTest::newRow((n + " FIFO").constData()) << name << QStringLiteral("fifo") << QString();
        }
    }

    void refused()
    {
        QFETCH(QString, loader);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const Loader l = loaders(m_dir.path()).value(loader);
        const QString base = m_dir.filePath(QString(loader).replace(QLatin1Char(' '), QLatin1Char('-')));
        QString path = input;
        if (input == QLatin1String("oversized")) {
            path = base + QStringLiteral(".big");
            QVERIFY(l.writeOversized(path));
        } else if (input == QLatin1String("fifo")) {
            path = base + QStringLiteral(".fifo");
            QFile::remove(path);
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        }
        if (loader == QLatin1String("admin-settings.conf"))
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("admin-settings|override")));
        QElapsedTimer t;
        t.start();
        const QString error = l.load(path);
        QVERIFY2(!error.isEmpty(), "the file was accepted");
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        if (loader != QLatin1String("admin-settings.conf") && loader != QLatin1String("reader profile")) {
            const bool clear = error.contains(QLatin1String("too large")) ||
                               error.contains(QLatin1String("not a regular file"));
            QVERIFY2(clear, qPrintable(error));
            QVERIFY2(error.contains(path), qPrintable(error));
        }
    }

    // The helper itself: a file exactly at the limit is read whole; one byte more is refused.
    void limitIsInclusive()
    {
        const QString p = m_dir.filePath(QStringLiteral("exact"));
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100, 'a'));
        f.close();
        const auto ok = files::readRegularFile(p, 100, QStringLiteral("test file"));
        QVERIFY2(ok.ok(), qPrintable(ok.error));
        QCOMPARE(ok.bytes.size(), 100);
        const auto over = files::readRegularFile(p, 99, QStringLiteral("test file"));
        QVERIFY(!over.ok());
        QVERIFY(over.bytes.isEmpty());
        QVERIFY2(over.error.contains(QLatin1String("too large")), qPrintable(over.error));
        const auto missing =
            files::readRegularFile(p + QStringLiteral(".no"), 99, QStringLiteral("test file"));
        QVERIFY(missing.missing);
        const auto link = m_dir.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(p, link));
        QVERIFY(files::readRegularFile(link, 100, QStringLiteral("x")).ok());
        const auto refused = files::readRegularFile(link, 100, QStringLiteral("x"), files::Symlinks::Refuse);
        QVERIFY2(refused.error.contains(QLatin1String("symbolic link")), qPrintable(refused.error));
    }
};

QTEST_GUILESS_MAIN(TstInputLimits)
#include "tst_input_limits.moc"
