// Licence trust (app/trust): the canonical bytes hub and kiosk sign and verify, SM2/SM3 (with
// the GM/T 0009 default ID, set explicitly: OpenSSL 3.0's default is an empty ID) and ECDSA
// P-256, the issuer key list signed by the root, the root key from kiosk.conf.
#include "app/trust/IssuerKeyring.h"
#include "app/trust/LicenseAuthority.h"
#include "app/trust/LicenseCanonical.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using namespace onewindow::trust;

namespace {

QString source(const char* rel)
{
    return qEnvironmentVariable("ONEWINDOW_SOURCE_DIR") + QLatin1Char('/') + QLatin1String(rel);
}

// A licence as the hub sends it (JSON), with every kind of field, CJK and a non-BMP character.
QJsonObject licenceJson()
{
    return QJsonDocument::fromJson(R"({
      "license_id": "1.2.156.3005.2.11100000000013127D002.11110105MB0000000X.0000000001.001.T",
      "type_code": "11100000000013127D002", "type_name": "居民户口簿", "license_name": "居民户口簿",
      "license_no": "HK00000001", "issuer_name": "北京市公安局东城分局", "issuer_code": "11110105MB0000000X",
      "issue_date": "2015-03-01", "valid_from": "2015-03-01", "valid_to": null, "status": "valid",
      "area_code": "110105",
      "holders": [{"name": "测试𠮷", "code": "11010519491231002X", "code_type": "111", "role": "户主"}],
      "face": {"KZ_ZZ": "北京市东城区样例胡同1号", "KZ_HH": "110105900001", "𠮷": "x", "\uffff": "y"},
      "sync": {"hub_version": 3, "op": "upsert"}
    })")
        .object();
}

// `openssl` CLI run with stdin `in`; stdout, or empty when it fails.
QByteArray openssl(const QStringList& args, const QByteArray& in = {})
{
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    p.write(in);
    p.closeWriteChannel();
    p.waitForFinished(20000);
    return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
}

} // namespace

class TrustTest : public QObject
{
    Q_OBJECT

private slots:
    void canonicalBytesAgreeWithTheReferenceHub()
    {
        // tests/hub/licence_signing.py is the hub's encoder: both must give the same bytes.
        ELicense l = ELicense::fromJson(licenceJson());
        l.signature.alg = QStringLiteral("SM2-SM3");
        l.signature.keyId = QStringLiteral("k1");
        QProcess py;
        py.setWorkingDirectory(source("tests/hub"));
        py.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import json,sys; from licence_signing import licence_signed_bytes as b; "
                                 "sys.stdout.write(b(json.load(sys.stdin), 'SM2-SM3', 'k1').hex())")});
        py.write(QJsonDocument(licenceJson()).toJson());
        py.closeWriteChannel();
        QVERIFY(py.waitForFinished(20000));
        QCOMPARE(py.exitCode(), 0);
        QCOMPARE(py.readAllStandardOutput(), licenseSignedBytes(l).toHex());
    }

    void everySignedFieldChangesTheBytes()
    {
        const ELicense base = ELicense::fromJson(licenceJson());
        const QByteArray bytes = licenseSignedBytes(base);
        QList<std::function<void(ELicense&)>> edits = {
            [](ELicense& l) { l.licenseId += QLatin1Char('1'); },
            [](ELicense& l) { l.licenseNo = QStringLiteral("HK9"); },
            [](ELicense& l) { l.issuerCode = QStringLiteral("X"); },
            [](ELicense& l) { l.validTo = QDate(2030, 1, 1); },
            [](ELicense& l) { l.status = ELicense::Status::Revoked; },
            [](ELicense& l) { l.holders[0].name = QStringLiteral("冒名"); },
            [](ELicense& l) { l.holders[0].code.chop(1); },
            [](ELicense& l) { l.holders[0].role = QStringLiteral("父"); },
            [](ELicense& l) { l.holders.append(l.holders.first()); },
            [](ELicense& l) { l.face[QStringLiteral("KZ_ZZ")] = QStringLiteral("别处"); },
            [](ELicense& l) { l.face.insert(QStringLiteral("KZ_NEW"), QString()); },
            [](ELicense& l) { l.signature.keyId = QStringLiteral("other"); },
            // Moving a character between two adjacent fields: lengths keep them apart.
            [](ELicense& l) {
                l.typeName = QStringLiteral("居民户口");
                l.licenseName = QStringLiteral("簿居民户口簿");
            },
        };
        for (int i = 0; i < edits.size(); ++i) {
            ELicense changed = base;
            edits[i](changed);
            QVERIFY2(licenseSignedBytes(changed) != bytes, qPrintable(QString::number(i)));
        }
        // The hub's sync block and the signature value are not signed.
        ELicense resynced = base;
        resynced.sync.hubVersion = 99;
        resynced.signature.value = "x";
        QCOMPARE(licenseSignedBytes(resynced), bytes);
    }

    void sm2UsesTheGmT0009IdLikeTheOpensslCommand()
    {
        QTemporaryDir dir;
        const QString keyPath = dir.filePath(QStringLiteral("sm2.key"));
        openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:SM2"), QStringLiteral("-out"),
                 keyPath});
        QVERIFY(QFile::exists(keyPath));
        const QByteArray pub =
            openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-pubout")});
        auto key = PublicKey::fromPem(pub);
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error()));
        QVERIFY(key->algorithm() == SignatureAlgorithm::Sm2Sm3);
        const QByteArray data = licenseSignedBytes(ELicense::fromJson(licenceJson()));
        auto sign = [&](bool withId) {
            QStringList args{
                QStringLiteral("pkeyutl"), QStringLiteral("-sign"),   QStringLiteral("-inkey"), keyPath,
                QStringLiteral("-rawin"),  QStringLiteral("-digest"), QStringLiteral("sm3")};
            if (withId)
                args << QStringLiteral("-pkeyopt") << QStringLiteral("distid:1234567812345678");
            return openssl(args, data);
        };
        const QByteArray withId = sign(true);
        QVERIFY(!withId.isEmpty());
        QVERIFY(key->verify(data, withId));
        QVERIFY(!key->verify(data + "x", withId));
        // Signed without the ID (OpenSSL 3.0's empty default): not the standard's signature.
        QVERIFY(!key->verify(data, sign(false)));

        // And ours verifies with the command (what an issuer's tooling would check).
        auto priv = PrivateKey::fromPem(openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath}));
        QVERIFY(priv.ok());
        QFile sig(dir.filePath(QStringLiteral("sig")));
        QVERIFY(sig.open(QIODevice::WriteOnly));
        sig.write(priv->sign(data));
        sig.close();
        QFile pubFile(dir.filePath(QStringLiteral("pub.pem")));
        QVERIFY(pubFile.open(QIODevice::WriteOnly));
        pubFile.write(pub);
        pubFile.close();
        QVERIFY(
            openssl({QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                     QStringLiteral("-inkey"), pubFile.fileName(), QStringLiteral("-rawin"),
                     QStringLiteral("-digest"), QStringLiteral("sm3"), QStringLiteral("-pkeyopt"),
                     QStringLiteral("distid:1234567812345678"), QStringLiteral("-sigfile"), sig.fileName()},
                    data)
                .contains("Verified Successfully"));
    }

    void bothAlgorithmsSignAndVerify_data()
    {
        QTest::addColumn<int>("alg");
        QTest::newRow("SM2-SM3") << int(SignatureAlgorithm::Sm2Sm3);
        QTest::newRow("ECDSA-P256-SHA256") << int(SignatureAlgorithm::EcdsaP256Sha256);
    }
    void bothAlgorithmsSignAndVerify()
    {
        QFETCH(int, alg);
        auto key = PrivateKey::generate(SignatureAlgorithm(alg));
        QVERIFY(key.ok());
        const QByteArray sig = key->sign("content");
        QVERIFY(key->publicKey().verify("content", sig));
        QVERIFY(!key->publicKey().verify("Content", sig));
        QVERIFY(!key->publicKey().verify("content", QByteArray()));
        QVERIFY(PrivateKey::generate(SignatureAlgorithm(alg))->publicKey().verify("content", sig) == false);
        // PEM round trip (the demo authority keeps its keys so).
        auto again = PrivateKey::fromPem(key->toPem());
        QVERIFY(again.ok());
        QVERIFY(again->algorithm() == SignatureAlgorithm(alg));
        QVERIFY(again->publicKey().verify("content", sig));
    }

    void issuerListVerifiesOnlyUnderItsRoot()
    {
        LicenseAuthority authority(PrivateKey::generate(SignatureAlgorithm::Sm2Sm3).value());
        authority.addIssuer(QStringLiteral("a"), QStringLiteral("ISSUER-A"),
                            PrivateKey::generate(SignatureAlgorithm::Sm2Sm3).value());
        authority.addIssuer(QStringLiteral("b"), QStringLiteral("ISSUER-B"),
                            PrivateKey::generate(SignatureAlgorithm::EcdsaP256Sha256).value());
        const QJsonObject block = authority.issuerKeysJson(QStringLiteral("v1"));
        auto ring = IssuerKeyring::fromJson(block, authority.rootPublicKey());
        QVERIFY2(ring.ok(), qPrintable(ring.ok() ? QString() : ring.error()));
        QCOMPARE(ring->size(), 2);

        const PublicKey otherRoot = PrivateKey::generate(SignatureAlgorithm::Sm2Sm3)->publicKey();
        QVERIFY(!IssuerKeyring::fromJson(block, otherRoot).ok());
        QVERIFY(!IssuerKeyring::fromJson(block, PublicKey()).ok());
        // The root's algorithm is the key's, not the block's claim.
        QVERIFY(!IssuerKeyring::fromJson(
                     block, PrivateKey::generate(SignatureAlgorithm::EcdsaP256Sha256)->publicKey())
                     .ok());
        // Any edit of the list after signing: refused.
        for (const char* field : {"key_id", "issuer_code", "alg", "public_key"}) {
            QJsonObject edited = block;
            QJsonArray keys = edited[QStringLiteral("keys")].toArray();
            QJsonObject first = keys[0].toObject();
            first[QLatin1String(field)] = field == QByteArrayView("public_key")
                                              ? keys[1].toObject()[QLatin1String(field)]
                                              : QJsonValue(QStringLiteral("B"));
            keys[0] = first;
            edited[QStringLiteral("keys")] = keys;
            QVERIFY2(!IssuerKeyring::fromJson(edited, authority.rootPublicKey()).ok(), field);
        }
        QJsonObject version = block;
        version[QStringLiteral("version")] = QStringLiteral("v2");
        QVERIFY(!IssuerKeyring::fromJson(version, authority.rootPublicKey()).ok());
    }

    void licenceVerdicts()
    {
        LicenseAuthority authority(PrivateKey::generate(SignatureAlgorithm::EcdsaP256Sha256).value());
        authority.addIssuer(QStringLiteral("a"), QStringLiteral("11110105MB0000000X"),
                            PrivateKey::generate(SignatureAlgorithm::Sm2Sm3).value());
        authority.addIssuer(QStringLiteral("b"), QStringLiteral("OTHER"),
                            PrivateKey::generate(SignatureAlgorithm::EcdsaP256Sha256).value());
        const IssuerKeyring ring =
            IssuerKeyring::fromJson(authority.issuerKeysJson(QStringLiteral("v")), authority.rootPublicKey())
                .value();
        ELicense l = ELicense::fromJson(licenceJson());
        QVERIFY(ring.verify(l) == LicenseVerdict::Unsigned);
        QVERIFY(authority.sign(l, QStringLiteral("a")));
        QVERIFY(ring.verify(l) == LicenseVerdict::Verified);
        // Survives the JSON round trip of the cache payload.
        QVERIFY(ring.verify(ELicense::fromJson(l.toJson())) == LicenseVerdict::Verified);

        ELicense wrongIssuer = l;
        authority.sign(wrongIssuer, QStringLiteral("b"));
        QVERIFY(ring.verify(wrongIssuer) == LicenseVerdict::WrongIssuer);
        ELicense downgraded = l;
        downgraded.signature.alg = QStringLiteral("ECDSA-P256-SHA256");
        QVERIFY(ring.verify(downgraded) == LicenseVerdict::AlgorithmMismatch);
        ELicense unknown = l;
        unknown.signature.keyId = QStringLiteral("zz");
        QVERIFY(ring.verify(unknown) == LicenseVerdict::UnknownKey);
        ELicense changed = l;
        changed.face[QStringLiteral("KZ_ZZ")] = QStringLiteral("别处");
        QVERIFY(ring.checkShape(changed) == LicenseVerdict::Verified); // ingest cannot tell
        QVERIFY(ring.verify(changed) == LicenseVerdict::BadSignature);
        ELicense notBase64 = ELicense::fromJson(QJsonObject(licenceJson()));
        QJsonObject o = l.toJson();
        o[QStringLiteral("signature")] =
            QJsonObject{{QStringLiteral("alg"), l.signature.alg},
                        {QStringLiteral("key_id"), l.signature.keyId},
                        {QStringLiteral("value"), QStringLiteral("!!not base64!!")}};
        notBase64 = ELicense::fromJson(o);
        QVERIFY(ring.verify(notBase64) == LicenseVerdict::Unsigned);
    }

    void rootKeyFromTheConfiguration()
    {
        QTemporaryDir dir;
        const PublicKey root = PrivateKey::generate(SignatureAlgorithm::Sm2Sm3)->publicKey();
        const QString inlineValue = QString::fromLatin1(root.der().toBase64());
        QCOMPARE(PublicKey::fromConfigValue(inlineValue)->der(), root.der());
        // A path to a PEM file.
        const QString path = dir.filePath(QStringLiteral("root.pem"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("-----BEGIN PUBLIC KEY-----\n" + root.der().toBase64() + "\n-----END PUBLIC KEY-----\n");
        f.close();
        QCOMPARE(PublicKey::fromConfigValue(path)->der(), root.der());
        QVERIFY(PublicKey::fromConfigValue(QString()).error().contains(QStringLiteral("root_key")));
        QVERIFY(!PublicKey::fromConfigValue(QStringLiteral("not a key")).ok());
        QVERIFY(!PublicKey::fromConfigValue(dir.filePath(QStringLiteral("missing.pem"))).ok());
        QVERIFY(!PublicKey::fromConfigValue(QStringLiteral("/dev/zero")).ok()); // size limit, no hang
        // An RSA key is neither of the two algorithms.
        const QByteArray rsa =
            openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:1024")});
        const QByteArray rsaPub = openssl({QStringLiteral("pkey"), QStringLiteral("-pubout")}, rsa);
        QVERIFY(!rsaPub.isEmpty());
        QVERIFY(!PublicKey::fromPem(rsaPub).ok());
    }
};

QTEST_GUILESS_MAIN(TrustTest)
#include "tst_trust.moc"
