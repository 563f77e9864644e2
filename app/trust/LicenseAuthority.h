#pragma once

#include "app/core/ELicense.h"
#include "app/trust/SignatureKey.h"

#include <QJsonObject>
#include <QList>

namespace onewindow::trust {

// The signing side of licence trust: a root key and issuer keys, producing the catalogue's
// signed "issuer_keys" block and signed licences. Used by demo mode (a demo root of its own,
// see DemoAuthority) and by tests; production kiosks only verify.
class LicenseAuthority
{
public:
    explicit LicenseAuthority(PrivateKey root) : m_root(std::move(root)) {}

    // `keyId` signs licences whose issuer_code is `issuerCode`.
    void addIssuer(const QString& keyId, const QString& issuerCode, const PrivateKey& key);
    PublicKey rootPublicKey() const { return m_root.publicKey(); }
    QJsonObject issuerKeysJson(const QString& version) const;
    // Sets licence.signature with `keyId`'s key; false when the key is unknown or signing fails.
    bool sign(ELicense& licence, const QString& keyId) const;
    // The key registered for the licence's issuer_code (first match); empty when none.
    QString keyIdFor(const QString& issuerCode) const;

private:
    struct Issuer
    {
        QString keyId;
        QString issuerCode;
        PrivateKey key;
    };
    PrivateKey m_root;
    QList<Issuer> m_issuers;
};

} // namespace onewindow::trust
