#include "app/trust/LicenseAuthority.h"

#include "app/trust/LicenseCanonical.h"

#include <QJsonArray>

namespace onewindow::trust {

void LicenseAuthority::addIssuer(const QString& keyId, const QString& issuerCode, const PrivateKey& key)
{
    m_issuers.append({keyId, issuerCode, key});
}

QJsonObject LicenseAuthority::issuerKeysJson(const QString& version) const
{
    QList<IssuerKeyEntry> entries;
    QJsonArray keys;
    for (const Issuer& i : m_issuers) {
        IssuerKeyEntry e{i.keyId, i.issuerCode, algorithmName(i.key.algorithm()), i.key.publicKey().der()};
        entries.append(e);
        keys.append(
            QJsonObject{{QStringLiteral("key_id"), e.keyId},
                        {QStringLiteral("issuer_code"), e.issuerCode},
                        {QStringLiteral("alg"), e.alg},
                        {QStringLiteral("public_key"), QString::fromLatin1(e.publicKeyDer.toBase64())}});
    }
    const QString rootAlg = algorithmName(m_root.algorithm());
    const QByteArray signature = m_root.sign(issuerListSignedBytes(version, rootAlg, entries));
    return {{QStringLiteral("version"), version},
            {QStringLiteral("keys"), keys},
            {QStringLiteral("signature"),
             QJsonObject{{QStringLiteral("alg"), rootAlg},
                         {QStringLiteral("value"), QString::fromLatin1(signature.toBase64())}}}};
}

bool LicenseAuthority::sign(ELicense& licence, const QString& keyId) const
{
    for (const Issuer& i : m_issuers) {
        if (i.keyId != keyId)
            continue;
        licence.signature.alg = algorithmName(i.key.algorithm());
        licence.signature.keyId = keyId;
        licence.signature.value = i.key.sign(licenseSignedBytes(licence));
        return !licence.signature.value.isEmpty();
    }
    return false;
}

QString LicenseAuthority::keyIdFor(const QString& issuerCode) const
{
    for (const Issuer& i : m_issuers) {
        if (i.issuerCode == issuerCode)
            return i.keyId;
    }
    return {};
}

} // namespace onewindow::trust
