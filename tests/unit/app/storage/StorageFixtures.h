#pragma once
// Synthetic residents and licences for the storage tests, the fault tests and the benchmark.
// Every person is made up (测试/样例 names, 99x sequence numbers).
#include "app/core/ELicense.h"
#include "app/core/LicenseIdentifier.h"
#include "app/storage/LicenseCache.h"
#include "drivers/idcard/ResidentId.h"

#include <QByteArray>
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
    l.issuerCode = QStringLiteral("11110105MB0000000X");
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
    c.license = l;
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
