#include "app/trust/IssuerKeyring.h"

#include <QJsonArray>

namespace onewindow::trust {

namespace {

using KeyringResult = Expected<IssuerKeyring, QString>;

std::optional<QByteArray> base64Field(const QJsonObject& o, const char* key, int maxBytes)
{
    const QString text = o.value(QLatin1String(key)).toString();
    if (text.isEmpty() || text.size() > (maxBytes * 4) / 3 + 4)
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

} // namespace

const char* verdictName(LicenseVerdict v)
{
    switch (v) {
    case LicenseVerdict::Verified:
        return "verified";
    case LicenseVerdict::NoTrust:
        return "no_trusted_issuer_keys";
    case LicenseVerdict::Unsigned:
        return "unsigned";
    case LicenseVerdict::UnknownKey:
        return "unknown_key";
    case LicenseVerdict::WrongIssuer:
        return "wrong_issuer";
    case LicenseVerdict::AlgorithmMismatch:
        return "algorithm_mismatch";
    case LicenseVerdict::BadSignature:
        return "bad_signature";
    }
    return "bad_signature";
}

KeyringResult IssuerKeyring::fromJson(const QJsonObject& block, const PublicKey& root)
{
    auto refuse = [](const QString& why) {
        return KeyringResult::failure(why);
    };
    if (root.isNull())
        return refuse(QStringLiteral("no licence root key configured ([licenses] root_key)"));
    if (block.isEmpty())
        return refuse(QStringLiteral("the catalogue carries no issuer_keys"));
    const QJsonArray keys = block.value(QLatin1String("keys")).toArray();
    if (keys.isEmpty() || keys.size() > kMaxKeys)
        return refuse(QStringLiteral("issuer_keys.keys: 1 to %1 keys expected").arg(kMaxKeys));
    const QJsonObject sig = block.value(QLatin1String("signature")).toObject();
    const QString rootAlg = sig.value(QLatin1String("alg")).toString();
    if (rootAlg != algorithmName(root.algorithm()))
        return refuse(QStringLiteral("issuer_keys are signed with %1, the root key is %2")
                          .arg(rootAlg.left(32), algorithmName(root.algorithm())));
    const auto signature = base64Field(sig, "value", kMaxSignatureBytes);
    if (!signature)
        return refuse(QStringLiteral("issuer_keys.signature.value missing or not base64"));

    IssuerKeyring ring;
    ring.m_version = block.value(QLatin1String("version")).toString().left(64);
    QList<IssuerKeyEntry> entries;
    for (const QJsonValue& v : keys) {
        const QJsonObject o = v.toObject();
        IssuerKeyEntry e;
        e.keyId = o.value(QLatin1String("key_id")).toString();
        e.issuerCode = o.value(QLatin1String("issuer_code")).toString();
        e.alg = o.value(QLatin1String("alg")).toString();
        const auto der = base64Field(o, "public_key", kMaxKeyBytes);
        if (e.keyId.isEmpty() || e.keyId.size() > 128 || e.issuerCode.isEmpty() || !der)
            return refuse(QStringLiteral("issuer_keys: an entry lacks key_id, issuer_code or public_key"));
        e.publicKeyDer = *der;
        entries.append(e);
    }
    // Nothing of the list is believed before the root's signature over all of it verifies.
    if (!root.verify(
            issuerListSignedBytes(block.value(QLatin1String("version")).toString(), rootAlg, entries),
            *signature))
        return refuse(
            QStringLiteral("issuer_keys: the signature does not verify under the configured root key"));
    for (const IssuerKeyEntry& e : entries) {
        SignatureAlgorithm named;
        if (!algorithmFromName(e.alg, &named))
            return refuse(QStringLiteral("issuer key %1: unknown algorithm").arg(e.keyId));
        auto key = PublicKey::fromDer(e.publicKeyDer);
        if (!key)
            return refuse(QStringLiteral("issuer key %1: %2").arg(e.keyId, key.error()));
        if (key->algorithm() != named)
            return refuse(QStringLiteral("issuer key %1: the key is not a %2 key").arg(e.keyId, e.alg));
        if (ring.m_keys.contains(e.keyId))
            return refuse(QStringLiteral("issuer key %1 listed twice").arg(e.keyId));
        ring.m_keys.insert(e.keyId, Key{e, key.value()});
    }
    return ring;
}

LicenseVerdict IssuerKeyring::checkSigned(const ELicense& l)
{
    return l.signature.value.isEmpty() || l.signature.keyId.isEmpty() || l.signature.alg.isEmpty()
               ? LicenseVerdict::Unsigned
               : LicenseVerdict::Verified;
}

const IssuerKeyring::Key* IssuerKeyring::keyFor(const ELicense& l, LicenseVerdict* verdict) const
{
    if ((*verdict = checkSigned(l)) != LicenseVerdict::Verified)
        return nullptr;
    const auto it = m_keys.constFind(l.signature.keyId);
    if (it == m_keys.cend()) {
        *verdict = LicenseVerdict::UnknownKey;
        return nullptr;
    }
    if (it->entry.issuerCode != l.issuerCode) {
        *verdict = LicenseVerdict::WrongIssuer;
        return nullptr;
    }
    // The catalogue, not the record, decides the algorithm (no downgrade by the sender).
    if (it->entry.alg != l.signature.alg) {
        *verdict = LicenseVerdict::AlgorithmMismatch;
        return nullptr;
    }
    return &it.value();
}

LicenseVerdict IssuerKeyring::checkShape(const ELicense& l) const
{
    LicenseVerdict v;
    keyFor(l, &v);
    return v;
}

LicenseVerdict IssuerKeyring::verify(const ELicense& l) const
{
    LicenseVerdict v;
    const Key* k = keyFor(l, &v);
    if (!k)
        return v;
    if (l.signature.value.size() > kMaxSignatureBytes ||
        !k->key.verify(licenseSignedBytes(l), l.signature.value))
        return LicenseVerdict::BadSignature;
    return LicenseVerdict::Verified;
}

} // namespace onewindow::trust
