// The admin PIN record: scrypt hashing over OpenSSL, the PIN policy, the record file (format,
// mode, atomic replace, tampering) and technician-card entries. Real files in a QTemporaryDir.
#include "app/admin/PinHasher.h"
#include "app/admin/PinPolicy.h"
#include "app/admin/PinStore.h"
#include "app/admin/TechnicianCards.h"
#include "app/platform/KioskConfig.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace onewindow;
using namespace onewindow::admin;

namespace {
// Cheap parameters keep the suite fast; the default (2^15) is exercised in defaultParameters().
const ScryptParams kFast{quint64(1) << 10, 8, 1};

unsigned modeOf(const QString& path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0xFFFF;
    return st.st_mode & 07777;
}
} // namespace

class AdminPinTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString writeRecordWith(const QString& key, const QJsonValue& value)
    {
        auto record = PinHasher::makeRecord(QStringLiteral("480715"), kFast);
        QJsonObject o = QJsonDocument::fromJson(PinStore::serialise(record.value())).object();
        o.insert(key, value);
        const QString path = m_dir.filePath(QStringLiteral("tampered-%1").arg(key));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write test file");
        f.write(QJsonDocument(o).toJson());
        return path;
    }

private slots:
    void hashAndVerify()
    {
        auto record = PinHasher::makeRecord(QStringLiteral("480715"), kFast);
        QVERIFY(record.ok());
        QCOMPARE(record->hash.size(), PinRecord::kHashSize);
        QCOMPARE(record->salt.size(), PinRecord::kSaltSize);
        QVERIFY(PinHasher::verify(record.value(), QStringLiteral("480715")));
        QVERIFY(!PinHasher::verify(record.value(), QStringLiteral("480716")));
        QVERIFY(!PinHasher::verify(record.value(), QString()));
        QVERIFY(!PinHasher::verify(record.value(), QStringLiteral("4807150")));
    }

    void saltDiffersPerRecord()
    {
        auto a = PinHasher::makeRecord(QStringLiteral("480715"), kFast);
        auto b = PinHasher::makeRecord(QStringLiteral("480715"), kFast);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->salt != b->salt);
        QVERIFY(a->hash != b->hash);
    }

    void knownAnswer()
    {
        // RFC 7914 §12, second vector ("password", "NaCl", N=1024, r=8, p=16), first 32 bytes:
        // proves the parameters reach EVP_PBE_scrypt unchanged.
        auto out = PinHasher::derive(QStringLiteral("password"), QByteArrayLiteral("NaCl"), {1024, 8, 16});
        QVERIFY(out.ok());
        QCOMPARE(out->toHex(),
                 QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"));
    }

    void rejectsImplausibleParameters()
    {
        QVERIFY(
            !PinHasher::derive(QStringLiteral("480715"), QByteArray(16, 's'), {1000, 8, 1}).ok()); // not 2^k
        QVERIFY(
            !PinHasher::derive(QStringLiteral("480715"), QByteArray(16, 's'), {quint64(1) << 24, 8, 1}).ok());
        QVERIFY(!PinHasher::derive(QStringLiteral("480715"), QByteArray(), kFast).ok()); // no salt
    }

    void defaultParameters()
    {
        const ScryptParams p;
        QCOMPARE(p.n, quint64(1) << 15);
        QCOMPARE(p.r, 8u);
        QCOMPARE(p.p, 1u);
        auto record = PinHasher::makeRecord(QStringLiteral("480715"));
        QVERIFY(record.ok());
        // A figure, not an assert: the cost one PIN check has on this machine.
        QElapsedTimer t;
        t.start();
        QVERIFY(PinHasher::verify(record.value(), QStringLiteral("480715")));
        qInfo("scrypt N=2^15 r=8 p=1: one verification took %lld ms", t.elapsed());
    }

    void constantTimeEquals()
    {
        QVERIFY(PinHasher::constantTimeEquals(QByteArray("abcdef"), QByteArray("abcdef")));
        QVERIFY(PinHasher::constantTimeEquals(QByteArray(), QByteArray()));
        QVERIFY(!PinHasher::constantTimeEquals(QByteArray("abcdef"), QByteArray("abcdeg")));
        QVERIFY(!PinHasher::constantTimeEquals(QByteArray("bbcdef"), QByteArray("abcdef")));
        QVERIFY(!PinHasher::constantTimeEquals(QByteArray("abcdef"), QByteArray("abcde")));
        QVERIFY(!PinHasher::constantTimeEquals(QByteArray("abc"), QByteArray()));
    }

    void policy_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("5 digits") << "48071" << false;
        QTest::newRow("13 digits") << "4807154807154" << false;
        QTest::newRow("letters") << "48071a" << false;
        QTest::newRow("space") << "480 715" << false;
        QTest::newRow("fullwidth digits") << QStringLiteral("４８０７１５") << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("111111") << "111111" << false;
        QTest::newRow("123456") << "123456" << false;
        QTest::newRow("987654") << "987654" << false;
        QTest::newRow("654321") << "654321" << false;
        QTest::newRow("012345678") << "012345678" << false;
        QTest::newRow("480715") << "480715" << true;
        QTest::newRow("12 digits") << "480715480716" << true;
        QTest::newRow("890123 (wraps, not a run)") << "890123" << true;
        QTest::newRow("112233") << "112233" << true;
    }

    void policy()
    {
        QFETCH(QString, pin);
        QFETCH(bool, accepted);
        const QString reason = PinPolicy::check(pin);
        QCOMPARE(reason.isEmpty(), accepted);
        if (!pin.isEmpty())
            QVERIFY2(!reason.contains(pin), "the reason must not repeat the PIN");
    }

    void storeRoundTrip()
    {
        const QString path = m_dir.filePath(QStringLiteral("admin-pin"));
        auto record = PinHasher::makeRecord(QStringLiteral("480715"), kFast);
        const PinStore store(path);
        QCOMPARE(store.save(record.value()), QString());
        QCOMPARE(modeOf(path), 0640u);
        auto loaded = store.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        QCOMPARE(loaded->salt, record->salt);
        QCOMPARE(loaded->hash, record->hash);
        QCOMPARE(loaded->params.n, kFast.n);
        QCOMPARE(loaded->setAt.toSecsSinceEpoch(), record->setAt.toSecsSinceEpoch());
        QVERIFY(PinHasher::verify(loaded.value(), QStringLiteral("480715")));
        // Stored parameters are in the file, readable for a later upgrade.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("n")).toInteger(), 1024);
        QCOMPARE(o.value(QStringLiteral("r")).toInt(), 8);
        QCOMPARE(o.value(QStringLiteral("p")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("algorithm")).toString(), QStringLiteral("scrypt"));
        QCOMPARE(o.value(QStringLiteral("version")).toInt(), 1);
        // No temporary file is left next to it.
        QCOMPARE(
            QDir(m_dir.path()).entryList({QStringLiteral(".admin-pin*")}, QDir::Hidden | QDir::Files).size(),
            0);
    }

    void saveReplacesAtomically()
    {
        const QString path = m_dir.filePath(QStringLiteral("replace-pin"));
        const PinStore store(path);
        QCOMPARE(store.save(PinHasher::makeRecord(QStringLiteral("480715"), kFast).value()), QString());
        QCOMPARE(store.save(PinHasher::makeRecord(QStringLiteral("592604"), kFast).value()), QString());
        QVERIFY(PinHasher::verify(store.load().value(), QStringLiteral("592604")));
        QVERIFY(!PinHasher::verify(store.load().value(), QStringLiteral("480715")));
        QVERIFY(!PinStore(m_dir.filePath(QStringLiteral("no/such/dir/pin")))
                     .save(PinHasher::makeRecord(QStringLiteral("480715"), kFast).value())
                     .isEmpty());
    }

    void missingFile()
    {
        auto loaded = PinStore(m_dir.filePath(QStringLiteral("absent"))).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, PinStoreError::Kind::Missing);
        QVERIFY(loaded.error().message.contains(QStringLiteral("set-pin")));
    }

    void tampered_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expect");
        QTest::newRow("bad base64 hash")
            << "hash" << QJsonValue(QStringLiteral("@@not base64@@")) << "hash is not base64";
        QTest::newRow("short hash") << "hash"
                                    << QJsonValue(QString::fromLatin1(QByteArray(16, 'h').toBase64()))
                                    << "hash has the wrong length";
        QTest::newRow("long hash") << "hash"
                                   << QJsonValue(QString::fromLatin1(QByteArray(33, 'h').toBase64()))
                                   << "hash has the wrong length";
        QTest::newRow("bad base64 salt")
            << "salt" << QJsonValue(QStringLiteral("!!!!")) << "salt is not base64";
        QTest::newRow("short salt") << "salt"
                                    << QJsonValue(QString::fromLatin1(QByteArray(8, 's').toBase64()))
                                    << "salt has the wrong length";
        QTest::newRow("hash not a string") << "hash" << QJsonValue(42) << "hash is not base64";
        QTest::newRow("huge n") << "n" << QJsonValue(qint64(1) << 30) << "scrypt parameters";
        QTest::newRow("n not power of 2") << "n" << QJsonValue(1000) << "scrypt parameters";
        QTest::newRow("zero r") << "r" << QJsonValue(0) << "scrypt parameters";
        QTest::newRow("algorithm") << "algorithm" << QJsonValue(QStringLiteral("md5")) << "unknown algorithm";
        QTest::newRow("version") << "version" << QJsonValue(2) << "unknown version";
        QTest::newRow("set_at") << "set_at" << QJsonValue(QStringLiteral("yesterday")) << "set_at";
    }

    void tampered()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expect);
        const QString path = writeRecordWith(key, value);
        auto loaded = PinStore(path).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, PinStoreError::Kind::Malformed);
        QVERIFY2(loaded.error().message.contains(expect), qPrintable(loaded.error().message));
    }

    void garbageFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("480715\n");
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4);
        QTest::newRow("huge") << QByteArray(100000, '{');
    }

    void garbageFiles()
    {
        QFETCH(QByteArray, content);
        const QString path = m_dir.filePath(QStringLiteral("garbage"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        auto loaded = PinStore(path).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, PinStoreError::Kind::Malformed);
    }

    void pathFromConfig()
    {
        const QString conf = m_dir.filePath(QStringLiteral("kiosk.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("[kiosk]\nstate_dir=/tmp/x\n");
        f.close();
        QCOMPARE(PinStore::pathFor(KioskConfig::load(conf)), m_dir.filePath(QStringLiteral("admin-pin")));
        KioskConfig overridden = KioskConfig::load(conf);
        overridden.setValue(QStringLiteral("admin/pin_file"), QStringLiteral("/srv/pin"));
        QCOMPARE(PinStore::pathFor(overridden), QStringLiteral("/srv/pin"));
        QCOMPARE(PinStore::pathFor(KioskConfig::load(QString())), QStringLiteral("/etc/onewindow/admin-pin"));
    }

    void technicianCards()
    {
        const QByteArray salt = QByteArray(16, '\x5a');
        const QString id = QStringLiteral("11010519800101999x");
        const QString entry = TechnicianCards::entryFor(salt, id);
        QCOMPARE(entry.size(), 64);
        QVERIFY(!entry.contains(QStringLiteral("110105")));
        // Normalised: trimmed and upper-case X give the same entry.
        QCOMPARE(TechnicianCards::entryFor(salt, QStringLiteral(" 11010519800101999X ")), entry);
        const TechnicianCards cards(
            salt, {QStringLiteral("00").repeated(32), entry.toUpper(), QStringLiteral("zz")});
        QVERIFY(cards.configured());
        QCOMPARE(cards.invalidEntries(), 1);
        QVERIFY(cards.isTechnician(id));
        QVERIFY(!cards.isTechnician(QStringLiteral("110105198001019986")));
        QVERIFY(!cards.isTechnician(QString()));
        // Another kiosk (another salt) does not accept the entry.
        QVERIFY(!TechnicianCards(QByteArray(16, '\x01'), {entry}).isTechnician(id));
        QVERIFY(!TechnicianCards().isTechnician(id));
    }

    void technicianCardsFromConfig()
    {
        const QString conf = m_dir.filePath(QStringLiteral("cards.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QString a = QStringLiteral("ab").repeated(32), b = QStringLiteral("cd").repeated(32);
        f.write(QStringLiteral("[admin]\ntechnician_cards = %1, %2\n").arg(a, b).toLatin1());
        f.close();
        QCOMPARE(TechnicianCards::entriesFrom(KioskConfig::load(conf)), (QStringList{a, b}));
        KioskConfig one = KioskConfig::load(QString());
        one.setValue(QStringLiteral("admin/technician_cards"), a);
        QCOMPARE(TechnicianCards::entriesFrom(one), QStringList{a});
    }
};

QTEST_GUILESS_MAIN(AdminPinTest)
#include "tst_admin_pin.moc"
