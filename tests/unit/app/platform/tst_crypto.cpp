// AES-256-GCM and keyed hashes (app/platform/Crypto): round trips, and above all that any
// change to a sealed value, its AAD or its key gives an error and never plaintext.
#include "app/platform/Crypto.h"

#include <QTest>

using namespace onewindow;

class CryptoTest : public QObject
{
    Q_OBJECT

private:
    QByteArray key = QByteArray(32, '\x42');

private slots:
    void roundTrip()
    {
        const QByteArray plain = QByteArrayLiteral("张三 110105199001011234 北京市东城区");
        auto sealed = crypto::seal(key, plain, "aad");
        QVERIFY(sealed.ok());
        QCOMPARE(sealed->size(), plain.size() + crypto::kSealOverhead);
        QVERIFY(!sealed->contains(plain));
        auto opened = crypto::open(key, sealed.value(), "aad");
        QVERIFY(opened.ok());
        QCOMPARE(opened.value(), plain);
    }

    void emptyPlaintext()
    {
        auto sealed = crypto::seal(key, {}, "x");
        QVERIFY(sealed.ok());
        auto opened = crypto::open(key, sealed.value(), "x");
        QVERIFY(opened.ok());
        QVERIFY(opened->isEmpty());
    }

    void noncesDiffer()
    {
        auto a = crypto::seal(key, "same", "aad");
        auto b = crypto::seal(key, "same", "aad");
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value() != b.value());
    }

    // Every single-byte flip at every position is detected.
    void everyFlippedByteIsAnError()
    {
        const QByteArray plain = QByteArrayLiteral("payload of a licence");
        const QByteArray sealed = crypto::seal(key, plain, "row").value();
        for (qsizetype i = 0; i < sealed.size(); ++i) {
            for (char mask : {char(0x01), char(0x80), char(0xFF)}) {
                QByteArray bad = sealed;
                bad[i] = char(bad[i] ^ mask);
                auto opened = crypto::open(key, bad, "row");
                QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("flip at %1 decrypted").arg(i)));
                QVERIFY(opened.error() == crypto::CryptoError::AuthenticationFailed ||
                        (i == 0 && opened.error() == crypto::CryptoError::Truncated));
            }
        }
    }

    void wrongAadOrKeyFails()
    {
        const QByteArray sealed = crypto::seal(key, "secret", "table|row1|col").value();
        QCOMPARE(crypto::open(key, sealed, "table|row2|col").error(),
                 crypto::CryptoError::AuthenticationFailed);
        QCOMPARE(crypto::open(key, sealed, {}).error(), crypto::CryptoError::AuthenticationFailed);
        QCOMPARE(crypto::open(QByteArray(32, '\x43'), sealed, "table|row1|col").error(),
                 crypto::CryptoError::AuthenticationFailed);
    }

    void truncatedAndBadKey()
    {
        const QByteArray sealed = crypto::seal(key, "secret", "a").value();
        for (int n = 0; n < crypto::kSealOverhead; ++n)
            QCOMPARE(crypto::open(key, sealed.left(n), "a").error(), crypto::CryptoError::Truncated);
        // Cutting ciphertext bytes keeps the length plausible: the tag catches it.
        QCOMPARE(crypto::open(key, sealed.left(sealed.size() - 1), "a").error(),
                 crypto::CryptoError::AuthenticationFailed);
        QCOMPARE(crypto::seal(QByteArray(16, 'k'), "x", {}).error(), crypto::CryptoError::BadKey);
        QCOMPARE(crypto::open(QByteArray(31, 'k'), sealed, "a").error(), crypto::CryptoError::BadKey);
    }

    // RFC 4231 test case 2.
    void hmacKnownAnswer()
    {
        QCOMPARE(crypto::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        QCOMPARE(crypto::sha256("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void constantTimeEquals()
    {
        QVERIFY(crypto::constantTimeEquals("abc", "abc"));
        QVERIFY(!crypto::constantTimeEquals("abc", "abd"));
        QVERIFY(!crypto::constantTimeEquals("abc", "ab"));
    }

    void randomBytes()
    {
        const QByteArray a = crypto::randomBytes(32);
        QCOMPARE(a.size(), 32);
        QVERIFY(a != crypto::randomBytes(32));
    }
};

QTEST_GUILESS_MAIN(CryptoTest)
#include "tst_crypto.moc"
