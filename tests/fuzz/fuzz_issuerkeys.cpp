// Fuzz target: the catalogue's "issuer_keys" block (IssuerKeyring::fromJson, docs/sync-protocol.md
// §6.1), which arrives from the hub. A random block never carries a valid root signature, so
// everything after the signature check (the issuers' DER keys, algorithm names, duplicates) would
// stay unreached: each input is therefore tried twice, as it came and re-signed by a root made at
// start-up over exactly the entries the keyring will read. Whatever verifies must give a keyring
// whose keys are all distinct and no more than the block listed.
#include "app/trust/IssuerKeyring.h"
#include "app/trust/LicenseCanonical.h"
#include "app/trust/SignatureKey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

using namespace onewindow;
using namespace onewindow::trust;

namespace {

const PrivateKey& root()
{
    static const PrivateKey key = [] {
        auto k = PrivateKey::generate(SignatureAlgorithm::EcdsaP256Sha256);
        if (!k)
            __builtin_trap();
        return k.value();
    }();
    return key;
}

// The root's signature over the entries as the keyring reads them; entries it would refuse
// before the signature check are left as they are.
QJsonObject resigned(QJsonObject block)
{
    QList<IssuerKeyEntry> entries;
    for (const QJsonValue& v : block.value(QLatin1String("keys")).toArray()) {
        const QJsonObject o = v.toObject();
        IssuerKeyEntry e;
        e.keyId = o.value(QLatin1String("key_id")).toString();
        e.issuerCode = o.value(QLatin1String("issuer_code")).toString();
        e.alg = o.value(QLatin1String("alg")).toString();
        e.publicKeyDer = QByteArray::fromBase64(o.value(QLatin1String("public_key")).toString().toLatin1());
        entries.append(e);
    }
    const QString alg = algorithmName(SignatureAlgorithm::EcdsaP256Sha256);
    const QByteArray sig =
        root().sign(issuerListSignedBytes(block.value(QLatin1String("version")).toString(), alg, entries));
    block.insert(QStringLiteral("signature"),
                 QJsonObject{{QStringLiteral("alg"), alg},
                             {QStringLiteral("value"), QString::fromLatin1(sig.toBase64())}});
    return block;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    const QJsonObject block = doc.object();
    const PublicKey rootKey = root().publicKey();
    (void)IssuerKeyring::fromJson(block, rootKey); // as sent: the signature must not verify
    const auto ring = IssuerKeyring::fromJson(resigned(block), rootKey);
    if (ring && ring->size() > block.value(QLatin1String("keys")).toArray().size())
        __builtin_trap(); // more keys than were listed
    return 0;
}
