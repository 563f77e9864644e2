#pragma once

#include "app/core/ELicense.h"
#include "app/trust/LicenseCanonical.h"
#include "app/trust/SignatureKey.h"

#include <QHash>
#include <QJsonObject>

namespace onewindow::trust {

// Why a licence may or may not fill a form. Only Verified may.
enum class LicenseVerdict
{
    Verified,
    NoTrust,           // no root key configured, or no verified issuer key list
    Unsigned,          // the record carries no signature
    UnknownKey,        // key_id not in the verified issuer list
    WrongIssuer,       // the key belongs to another issuer_code
    AlgorithmMismatch, // the record names another algorithm than the catalogue gives the key
    BadSignature,      // the signature does not verify: content changed, or another record's
};
const char* verdictName(LicenseVerdict v);

// The issuer keys of the catalogue's "issuer_keys" block (docs/sync-protocol.md), accepted only
// when the block's signature verifies under the root key from kiosk.conf. Immutable once built;
// shared between threads read-only.
class IssuerKeyring
{
public:
    static constexpr int kMaxKeys = 1000;
    static constexpr int kMaxKeyBytes = 1024;
    static constexpr int kMaxSignatureBytes = 256;

    // Fails (with a technician's reason) when the block is malformed, the root's algorithm
    // differs from the one named, or the signature does not verify.
    static Expected<IssuerKeyring, QString> fromJson(const QJsonObject& block, const PublicKey& root);

    QString version() const { return m_version; }
    int size() const { return int(m_keys.size()); }

    // Without cryptography, for ingest: a record that could never verify (no signature, a key
    // this list does not have, another issuer's key, another algorithm).
    LicenseVerdict checkShape(const ELicense& licence) const;
    // The full check: shape, then the signature over licenseSignedBytes().
    LicenseVerdict verify(const ELicense& licence) const;
    // Shape check without any list (none verified yet): only "is it signed at all".
    static LicenseVerdict checkSigned(const ELicense& licence);

private:
    struct Key
    {
        IssuerKeyEntry entry;
        PublicKey key;
    };
    const Key* keyFor(const ELicense& licence, LicenseVerdict* verdict) const;

    QString m_version;
    QHash<QString, Key> m_keys;
};

} // namespace onewindow::trust
