// The key file (app/platform/KeyStore): created once with mode 0600, reloaded with the same
// keys, rotated without losing old rows, refused when others can read it; the row binding and
// the blind index.
#include "app/platform/KeyStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace onewindow;

namespace {
// QVERIFY2 evaluates its message even on success: never call error() on a good value.
template <typename X> QByteArray why(const X& result)
{
    return result.ok() ? QByteArray() : result.error().toUtf8();
}
} // namespace

class KeyStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void createdOnceWithMode0600()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/keys"));
        auto first = KeyStore::open(path, true);
        QVERIFY2(first.ok(), why(first).constData());
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QCOMPARE(first->currentVersion(), 1);

        // A second start reads the same keys (same blind index, old ciphertext opens).
        const RowBinding binding{QStringLiteral("outbox_item"), "uuid-1", QStringLiteral("payload")};
        const SealedValue sealed = first->seal("hello", binding).value();
        auto second = KeyStore::open(path, true);
        QVERIFY(second.ok());
        QCOMPARE(second->blindIndex(u"11010519491231002X"), first->blindIndex(u"11010519491231002X"));
        QCOMPARE(second->open(sealed.keyVersion, sealed.blob, binding).value(), QByteArray("hello"));
    }

    void missingFileWithoutCreateIsAnError()
    {
        QTemporaryDir dir;
        auto store = KeyStore::open(dir.filePath(QStringLiteral("keys")), false);
        QVERIFY(!store.ok());
        QVERIFY(store.error().contains(QLatin1String("does not exist")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("keys"))));
    }

    void readableByOthersIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys"));
        QVERIFY(KeyStore::open(path, true).ok());
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
        auto store = KeyStore::open(path, true);
        QVERIFY(!store.ok());
        QVERIFY(store.error().contains(QLatin1String("chmod 600")));
    }

    void garbageFileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("format 1\nindex 00\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        auto store = KeyStore::open(path, true);
        QVERIFY(!store.ok());
        QVERIFY(store.error().contains(QLatin1String("incomplete")));
    }

    void rotationKeepsOldRowsReadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys"));
        KeyStore store = KeyStore::open(path, true).value();
        const RowBinding binding{QStringLiteral("license"), "k1", QStringLiteral("payload_ct")};
        const SealedValue old = store.seal("v1 data", binding).value();
        const QByteArray bidx = store.blindIndex(u"110105194912310021");

        auto rotated = store.rotate();
        QVERIFY2(rotated.ok(), why(rotated).constData());
        QCOMPARE(rotated.value(), 2);
        const SealedValue fresh = store.seal("v2 data", binding).value();
        QCOMPARE(fresh.keyVersion, 2);

        // Persisted: a restart sees both versions, v2 current, blind index unchanged.
        KeyStore reloaded = KeyStore::open(path, false).value();
        QCOMPARE(reloaded.versions(), QList<int>({1, 2}));
        QCOMPARE(reloaded.currentVersion(), 2);
        QCOMPARE(reloaded.open(old.keyVersion, old.blob, binding).value(), QByteArray("v1 data"));
        QCOMPARE(reloaded.open(fresh.keyVersion, fresh.blob, binding).value(), QByteArray("v2 data"));
        QCOMPARE(reloaded.blindIndex(u"110105194912310021"), bidx);
        // A ciphertext relabelled with the other key version fails, never decrypts.
        QVERIFY(!reloaded.open(2, old.blob, binding).ok());
        QCOMPARE(reloaded.open(9, old.blob, binding).error(), crypto::CryptoError::BadKey);
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
    }

    void bindingIsPartOfTheCiphertext()
    {
        QTemporaryDir dir;
        KeyStore store = KeyStore::open(dir.filePath(QStringLiteral("keys")), true).value();
        const RowBinding a{QStringLiteral("outbox_item"), "id-a", QStringLiteral("payload")};
        const SealedValue sealed = store.seal("form", a).value();
        for (const RowBinding& other :
             {RowBinding{QStringLiteral("outbox_item"), "id-b", QStringLiteral("payload")},
              RowBinding{QStringLiteral("license"), "id-a", QStringLiteral("payload")},
              RowBinding{QStringLiteral("outbox_item"), "id-a", QStringLiteral("other")}}) {
            auto opened = store.open(sealed.keyVersion, sealed.blob, other);
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error(), crypto::CryptoError::AuthenticationFailed);
        }
        // Length prefixes: shifting a character between fields changes the AAD.
        QVERIFY(RowBinding({QStringLiteral("ab"), "c", QStringLiteral("d")}).aad(1) !=
                RowBinding({QStringLiteral("a"), "bc", QStringLiteral("d")}).aad(1));
    }

    void blindIndexNormalisesAndSeparates()
    {
        QTemporaryDir dir;
        KeyStore store = KeyStore::open(dir.filePath(QStringLiteral("keys")), true).value();
        const QByteArray a = store.blindIndex(u"11010519491231002X");
        QCOMPARE(a.size(), 32);
        QCOMPARE(store.blindIndex(u" 11010519491231002x "), a);
        QVERIFY(store.blindIndex(u"110105194912310021") != a);
        QVERIFY(store.blindIndex(u"11010519491231002X", u"001") != a);
        // Another kiosk's keys give another index: the index is not a plain hash.
        QTemporaryDir other;
        KeyStore store2 = KeyStore::open(other.filePath(QStringLiteral("keys")), true).value();
        QVERIFY(store2.blindIndex(u"11010519491231002X") != a);
    }

    void twoCreatorsAgree()
    {
        // The loser of a creation race reads the winner's file (link() never overwrites).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys"));
        KeyStore a = KeyStore::open(path, true).value();
        KeyStore b = KeyStore::open(path, true).value();
        QCOMPARE(a.blindIndex(u"x"), b.blindIndex(u"x"));
    }
};

QTEST_GUILESS_MAIN(KeyStoreTest)
#include "tst_keystore.moc"
