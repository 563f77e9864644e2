#pragma once
// Synthetic residents and licences for the storage tests, the fault tests and the benchmark.
// Every person is made up (测试/样例 names, 99x sequence numbers).
#include "app/core/ELicense.h"
#include "app/core/LicenseIdentifier.h"
#include "app/storage/LicenseCache.h"
#include "app/trust/LicenseAuthority.h"
#include "drivers/idcard/ResidentId.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

namespace onewindow::testing {

// A valid 18-digit resident ID number: region 110105, birth 1980-01-01 + n days, sequence from n.
inline QString residentId(int n)
{
    const QDate birth = QDate(1950, 1, 1).addDays(n % 20000);
    const QString first17 = QStringLiteral("110105%1%2")
                                .arg(birth.toString(QStringLiteral("yyyyMMdd")))
                                .arg(900 + (n / 20000) % 100, 3, 10, QLatin1Char('0'));
    return first17 + QLatin1Char(ResidentId::checkCharacter(first17));
}

// A GB/T 36904 identifier with a correct MOD 37,36 check character.
inline QString licenseIdentifier(const QString& typeCode, qint64 serial, int version = 1)
{
    const QString issuer = QStringLiteral("11110105MB0000000X");
    const QString serialText = QStringLiteral("%1").arg(serial, 10, 10, QLatin1Char('0'));
    const QString versionText = QStringLiteral("%1").arg(version, 3, 10, QLatin1Char('0'));
    const QString body = typeCode + issuer + serialText + versionText;
    return QStringLiteral("1.2.156.3005.2.%1.%2.%3.%4.%5")
        .arg(typeCode, issuer, serialText, versionText, QString(LicenseIdentifier::checkCharacter(body)));
}

// Issuers of the fixtures: the 户口簿 issuer signs with SM2/SM3, the 结婚证 issuer with ECDSA
// P-256, so every cache test runs both algorithms.
inline const QString kHukouIssuer = QStringLiteral("11110105MB0000000X");
inline const QString kMarriageIssuer = QStringLiteral("11110101MB0000001Y");

// One test licence authority per process (keys made at test time, never stored).
inline const trust::LicenseAuthority& testAuthority()
{
    static const trust::LicenseAuthority authority = [] {
        trust::LicenseAuthority a(
            trust::PrivateKey::generate(trust::SignatureAlgorithm::EcdsaP256Sha256).value());
        a.addIssuer(QStringLiteral("test-sm2"), kHukouIssuer,
                    trust::PrivateKey::generate(trust::SignatureAlgorithm::Sm2Sm3).value());
        a.addIssuer(QStringLiteral("test-p256"), kMarriageIssuer,
                    trust::PrivateKey::generate(trust::SignatureAlgorithm::EcdsaP256Sha256).value());
        return a;
    }();
    return authority;
}

// A catalogue body carrying the test authority's signed issuer key list.
inline QByteArray testCatalogBody(const QString& version = QStringLiteral("test-1"))
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("version"), version},
                           {QStringLiteral("items"), QJsonArray()},
                           {QStringLiteral("issuer_keys"), testAuthority().issuerKeysJson(version)}})
        .toJson(QJsonDocument::Compact);
}

inline storage::CatalogBlob testCatalogBlob()
{
    storage::CatalogBlob blob;
    blob.version = QStringLiteral("test-1");
    blob.body = testCatalogBody();
    return blob;
}

// The test root as a `[licenses] root_key` value (inline base64 DER).
inline QString testRootKeyValue()
{
    return QString::fromLatin1(testAuthority().rootPublicKey().der().toBase64());
}

// The cache trusts the test root and holds the test catalogue (with its issuer keys).
inline void installTestTrust(storage::LicenseCache& cache)
{
    cache.setTrustRoot(testAuthority().rootPublicKey());
    if (!cache.storeCatalog(testCatalogBlob()).ok())
        qFatal("test catalogue refused");
}

// Signs with the key of the licence's issuer (as the hub delivers it).
inline ELicense signedLicense(ELicense l)
{
    testAuthority().sign(l, testAuthority().keyIdFor(l.issuerCode));
    return l;
}

inline const QString kHukouType = QStringLiteral("11100000000013127D002");
inline const QString kMarriageType = QStringLiteral("11100000000013127D005");

inline ELicense hukou(qint64 serial, const QString& holderId, const QString& holderName,
                      const QString& address)
{
    ELicense l;
    l.licenseId = licenseIdentifier(kHukouType, serial);
    l.typeCode = kHukouType;
    l.typeName = QStringLiteral("居民户口簿");
    l.licenseName = QStringLiteral("居民户口簿");
    l.licenseNo = QStringLiteral("HK%1").arg(serial, 8, 10, QLatin1Char('0'));
    l.issuerName = QStringLiteral("北京市公安局东城分局");
    l.issuerCode = kHukouIssuer;
    l.issueDate = QDate(2015, 3, 1);
    l.validFrom = QDate(2015, 3, 1);
    l.holders.append({holderName, holderId, QStringLiteral("111"), QStringLiteral("户主")});
    l.face.insert(QStringLiteral("KZ_ZZ"), address);
    return l;
}

inline ELicense marriage(qint64 serial, const QString& husbandId, const QString& husband,
                         const QString& wifeId, const QString& wife)
{
    ELicense l;
    l.licenseId = licenseIdentifier(kMarriageType, serial);
    l.typeCode = kMarriageType;
    l.typeName = QStringLiteral("结婚证");
    l.licenseNo = QStringLiteral("J%1").arg(serial, 8, 10, QLatin1Char('0'));
    l.issuerName = QStringLiteral("东城区民政局");
    l.issuerCode = kMarriageIssuer;
    l.issueDate = QDate(2010, 5, 20);
    l.validFrom = QDate(2010, 5, 20);
    l.holders.append({husband, husbandId, QStringLiteral("111"), QStringLiteral("男方")});
    l.holders.append({wife, wifeId, QStringLiteral("111"), QStringLiteral("女方")});
    return l;
}

inline storage::LicenseChange upsert(const ELicense& l, qint64 hubVersion)
{
    storage::LicenseChange c;
    c.op = storage::LicenseChange::Op::Upsert;
    c.hubVersion = hubVersion;
    c.license = signedLicense(l);
    c.license.sync.hubVersion = hubVersion;
    return c;
}

inline storage::LicenseChange removal(const QString& licenseId, qint64 hubVersion, bool deleteIt)
{
    storage::LicenseChange c;
    c.op = deleteIt ? storage::LicenseChange::Op::Delete : storage::LicenseChange::Op::Revoke;
    c.hubVersion = hubVersion;
    c.license.licenseId = licenseId;
    return c;
}

// QVERIFY2 evaluates its message even on success: never call error() on a good value.
template <typename X> QByteArray why(const X& result)
{
    if (result.ok())
        return {};
    if constexpr (requires { result.error().toString(); })
        return result.error().toString().toUtf8();
    else
        return QByteArray("error");
}

} // namespace onewindow::testing
