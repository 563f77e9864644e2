#include "app/trust/SignatureKey.h"

#include <QFile>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace onewindow::trust {

namespace {

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct BioDeleter
{
    void operator()(BIO* b) const { BIO_free(b); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

// Which of our algorithms a key belongs to, from its type and curve.
bool algorithmOf(EVP_PKEY* key, SignatureAlgorithm* out)
{
    if (EVP_PKEY_is_a(key, "SM2")) {
        *out = SignatureAlgorithm::Sm2Sm3;
        return true;
    }
    if (!EVP_PKEY_is_a(key, "EC"))
        return false;
    char group[64] = {};
    size_t len = 0;
    if (!EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len))
        return false;
    const QByteArray name(group, int(len));
    if (name == "prime256v1" || name == "P-256") {
        *out = SignatureAlgorithm::EcdsaP256Sha256;
        return true;
    }
    if (name == "SM2") { // an SM2-curve key decoded as plain EC: still an SM2 key
        *out = SignatureAlgorithm::Sm2Sm3;
        return true;
    }
    return false;
}

// One digest-sign/verify context for `key`, with SM3 + the GM/T 0009 ID for SM2 and SHA-256
// for P-256. `pctx` keeps the SM2 key context alive for the duration of the operation.
bool initContext(EVP_MD_CTX* md, PkeyCtx& pctx, EVP_PKEY* key, SignatureAlgorithm alg, bool forSigning)
{
    if (alg == SignatureAlgorithm::Sm2Sm3) {
        pctx.reset(EVP_PKEY_CTX_new(key, nullptr));
        if (!pctx || EVP_PKEY_CTX_set1_id(pctx.get(), kSm2DefaultId, sizeof kSm2DefaultId - 1) <= 0)
            return false;
        EVP_MD_CTX_set_pkey_ctx(md, pctx.get());
        return (forSigning ? EVP_DigestSignInit(md, nullptr, EVP_sm3(), nullptr, key)
                           : EVP_DigestVerifyInit(md, nullptr, EVP_sm3(), nullptr, key)) == 1;
    }
    return (forSigning ? EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, key)
                       : EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, key)) == 1;
}

} // namespace

QString algorithmName(SignatureAlgorithm alg)
{
    return alg == SignatureAlgorithm::Sm2Sm3 ? QStringLiteral("SM2-SM3")
                                             : QStringLiteral("ECDSA-P256-SHA256");
}

bool algorithmFromName(const QString& name, SignatureAlgorithm* out)
{
    if (name == QLatin1String("SM2-SM3"))
        *out = SignatureAlgorithm::Sm2Sm3;
    else if (name == QLatin1String("ECDSA-P256-SHA256"))
        *out = SignatureAlgorithm::EcdsaP256Sha256;
    else
        return false;
    return true;
}

Expected<PublicKey, QString> PublicKey::adopt(EVP_PKEY* key)
{
    using R = Expected<PublicKey, QString>;
    auto owned = own(key);
    PublicKey k;
    if (!key || !algorithmOf(key, &k.m_alg))
        return R::failure(QStringLiteral("not an SM2 or P-256 public key"));
    k.m_key = std::move(owned);
    return k;
}

Expected<PublicKey, QString> PublicKey::fromPem(const QByteArray& pem)
{
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return Expected<PublicKey, QString>::failure(QStringLiteral("out of memory"));
    EVP_PKEY* key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    if (!key)
        return Expected<PublicKey, QString>::failure(QStringLiteral("not a PEM public key"));
    return adopt(key);
}

Expected<PublicKey, QString> PublicKey::fromDer(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    EVP_PKEY* key = d2i_PUBKEY(nullptr, &p, long(der.size()));
    if (!key || p != reinterpret_cast<const unsigned char*>(der.constData()) + der.size()) {
        EVP_PKEY_free(key);
        return Expected<PublicKey, QString>::failure(QStringLiteral("not a DER public key"));
    }
    return adopt(key);
}

Expected<PublicKey, QString> PublicKey::fromConfigValue(const QString& value)
{
    using R = Expected<PublicKey, QString>;
    const QString v = value.trimmed();
    if (v.isEmpty())
        return R::failure(QStringLiteral("no licence root key configured ([licenses] root_key)"));
    if (!v.startsWith(QLatin1Char('/'))) {
        auto der = QByteArray::fromBase64Encoding(v.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!der)
            return R::failure(QStringLiteral("[licenses] root_key: neither an absolute path nor base64 DER"));
        return fromDer(*der);
    }
    constexpr qint64 kMaxBytes = 16 * 1024;
    QFile f(v);
    if (!f.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("[licenses] root_key %1: %2").arg(v, f.errorString()));
    const QByteArray pem = f.read(kMaxBytes + 1);
    if (pem.size() > kMaxBytes)
        return R::failure(QStringLiteral("[licenses] root_key %1: larger than 16 KB").arg(v));
    auto key = fromPem(pem);
    if (!key)
        return R::failure(QStringLiteral("[licenses] root_key %1: %2").arg(v, key.error()));
    return key;
}

QByteArray PublicKey::der() const
{
    if (!m_key)
        return {};
    unsigned char* buf = nullptr;
    const int len = i2d_PUBKEY(m_key.get(), &buf);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(buf), len);
    OPENSSL_free(buf);
    return out;
}

bool PublicKey::verify(const QByteArray& data, const QByteArray& signature) const
{
    if (!m_key || signature.isEmpty())
        return false;
    PkeyCtx pctx; // outlives md, which points at it
    MdCtx md(EVP_MD_CTX_new());
    if (!md || !initContext(md.get(), pctx, m_key.get(), m_alg, false))
        return false;
    return EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                            size_t(signature.size()),
                            reinterpret_cast<const unsigned char*>(data.constData()),
                            size_t(data.size())) == 1;
}

Expected<PrivateKey, QString> PrivateKey::generate(SignatureAlgorithm alg)
{
    EVP_PKEY* key = alg == SignatureAlgorithm::Sm2Sm3 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2")
                                                      : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!key)
        return Expected<PrivateKey, QString>::failure(QStringLiteral("key generation failed"));
    PrivateKey k;
    k.m_key = own(key);
    k.m_alg = alg;
    return k;
}

Expected<PrivateKey, QString> PrivateKey::fromPem(const QByteArray& pem)
{
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    PrivateKey k;
    if (!key || !algorithmOf(key, &k.m_alg)) {
        EVP_PKEY_free(key);
        return Expected<PrivateKey, QString>::failure(QStringLiteral("not an SM2 or P-256 private key"));
    }
    k.m_key = own(key);
    return k;
}

QByteArray PrivateKey::toPem() const
{
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_mem()));
    if (!bio || !m_key ||
        PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(len));
}

PublicKey PrivateKey::publicKey() const
{
    unsigned char* buf = nullptr;
    const int len = m_key ? i2d_PUBKEY(m_key.get(), &buf) : 0;
    if (len <= 0)
        return {};
    auto key = PublicKey::fromDer(QByteArray(reinterpret_cast<const char*>(buf), len));
    OPENSSL_free(buf);
    return key ? key.value() : PublicKey();
}

QByteArray PrivateKey::sign(const QByteArray& data) const
{
    PkeyCtx pctx; // outlives md, which points at it
    MdCtx md(EVP_MD_CTX_new());
    if (!m_key || !md || !initContext(md.get(), pctx, m_key.get(), m_alg, true))
        return {};
    size_t len = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(data.constData());
    if (EVP_DigestSign(md.get(), nullptr, &len, in, size_t(data.size())) != 1)
        return {};
    QByteArray out(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(out.data()), &len, in,
                       size_t(data.size())) != 1)
        return {};
    out.truncate(qsizetype(len));
    return out;
}

} // namespace onewindow::trust
