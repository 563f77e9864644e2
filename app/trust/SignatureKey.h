#pragma once

#include "drivers/idcard/Expected.h"

#include <QByteArray>
#include <QString>
#include <memory>

using EVP_PKEY = struct evp_pkey_st;

namespace onewindow::trust {

// The two signature algorithms a licence issuer may use (DESIGN.md §14): SM2 with SM3 (GB/T
// 38540's electronic seal) and ECDSA P-256 with SHA-256. The catalogue names one per key.
enum class SignatureAlgorithm
{
    Sm2Sm3,
    EcdsaP256Sha256,
};
QString algorithmName(SignatureAlgorithm alg);
bool algorithmFromName(const QString& name, SignatureAlgorithm* out);

// GM/T 0009's default signer ID. OpenSSL 3.0 uses an EMPTY ID when none is set (its pkeyutl
// then fails to verify a signature made with this ID), so every SM2 call sets it explicitly.
inline constexpr char kSm2DefaultId[] = "1234567812345678";

// A public key of one of the two algorithms (an EVP_PKEY shared read-only: OpenSSL 3 allows
// concurrent verifies with one key). Parsed once, when the issuer list is loaded.
class PublicKey
{
public:
    PublicKey() = default;
    // PEM "PUBLIC KEY" (SubjectPublicKeyInfo) or base64 DER of the same. The key's curve
    // decides the algorithm: SM2 → Sm2Sm3, prime256v1 → EcdsaP256Sha256; anything else fails.
    static Expected<PublicKey, QString> fromPem(const QByteArray& pem);
    static Expected<PublicKey, QString> fromDer(const QByteArray& der);
    // kiosk.conf `[licenses] root_key`: a path to a PEM file (at most 16 KB), or the key inline
    // as one line of base64 DER (SubjectPublicKeyInfo).
    static Expected<PublicKey, QString> fromConfigValue(const QString& value);

    bool isNull() const { return !m_key; }
    SignatureAlgorithm algorithm() const { return m_alg; }
    QByteArray der() const; // SubjectPublicKeyInfo
    // Signature over `data` (DER-encoded r,s). False for a wrong signature and for any error.
    bool verify(const QByteArray& data, const QByteArray& signature) const;

private:
    friend class PrivateKey;
    static Expected<PublicKey, QString> adopt(EVP_PKEY* key);
    std::shared_ptr<EVP_PKEY> m_key;
    SignatureAlgorithm m_alg = SignatureAlgorithm::EcdsaP256Sha256;
};

// The signing side: only the demo authority and the tests sign (the kiosk never does in
// production; the hub's issuers hold their own keys).
class PrivateKey
{
public:
    static Expected<PrivateKey, QString> generate(SignatureAlgorithm alg);
    static Expected<PrivateKey, QString> fromPem(const QByteArray& pem);
    QByteArray toPem() const; // unencrypted PKCS#8: callers store it 0600
    PublicKey publicKey() const;
    SignatureAlgorithm algorithm() const { return m_alg; }
    QByteArray sign(const QByteArray& data) const; // empty on failure

private:
    std::shared_ptr<EVP_PKEY> m_key;
    SignatureAlgorithm m_alg = SignatureAlgorithm::EcdsaP256Sha256;
};

} // namespace onewindow::trust
