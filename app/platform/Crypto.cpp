#include "app/platform/Crypto.h"

#include <cstring>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

namespace onewindow::crypto {

namespace {

constexpr char kFormatAesGcm = 0x01;

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

using Result = Expected<QByteArray, CryptoError>;

const unsigned char* bytes(const QByteArray& a)
{
    return reinterpret_cast<const unsigned char*>(a.constData());
}

unsigned char* bytes(QByteArray& a)
{
    return reinterpret_cast<unsigned char*>(a.data());
}

} // namespace

const char* errorName(CryptoError error)
{
    switch (error) {
    case CryptoError::BadKey:
        return "bad_key";
    case CryptoError::Truncated:
        return "truncated";
    case CryptoError::AuthenticationFailed:
        return "authentication_failed";
    case CryptoError::RandomFailed:
        return "random_failed";
    case CryptoError::Internal:
        return "internal";
    }
    return "internal";
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, '\0');
    if (count > 0 && RAND_bytes(bytes(out), count) != 1)
        return {};
    return out;
}

Result seal(const QByteArray& key, const QByteArray& plaintext, const QByteArray& aad)
{
    if (key.size() != kKeySize)
        return Result::failure(CryptoError::BadKey);
    const QByteArray nonce = randomBytes(kNonceSize);
    if (nonce.size() != kNonceSize)
        return Result::failure(CryptoError::RandomFailed);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(1 + kNonceSize + plaintext.size() + kTagSize, '\0');
    out[0] = kFormatAesGcm;
    std::memcpy(out.data() + 1, nonce.constData(), kNonceSize);
    int len = 0;
    unsigned char* ct = bytes(out) + 1 + kNonceSize;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) != 1 ||
        (!aad.isEmpty() && EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1) ||
        EVP_EncryptUpdate(ctx.get(), ct, &len, bytes(plaintext), int(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), ct + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, bytes(out) + out.size() - kTagSize) !=
            1)
        return Result::failure(CryptoError::Internal);
    return out;
}

Result open(const QByteArray& key, const QByteArray& sealed, const QByteArray& aad)
{
    if (key.size() != kKeySize)
        return Result::failure(CryptoError::BadKey);
    if (sealed.size() < kSealOverhead || sealed.at(0) != kFormatAesGcm)
        return Result::failure(CryptoError::Truncated);

    const int ctLen = int(sealed.size()) - kSealOverhead;
    QByteArray plain(ctLen, '\0');
    QByteArray tag = sealed.right(kTagSize);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    const unsigned char* nonce = bytes(sealed) + 1;
    const unsigned char* ct = nonce + kNonceSize;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), nonce) != 1 ||
        (!aad.isEmpty() && EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1) ||
        EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, ct, ctLen) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1) {
        cleanse(plain);
        return Result::failure(CryptoError::Internal);
    }
    // The tag is checked here; until it passes, the plaintext must not leave this function.
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + len, &len) != 1) {
        cleanse(plain);
        return Result::failure(CryptoError::AuthenticationFailed);
    }
    return plain;
}

QByteArray hmacSha256(const QByteArray& key, const QByteArray& data)
{
    QByteArray out(SHA256_DIGEST_LENGTH, '\0');
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()), bytes(data), size_t(data.size()), bytes(out),
              &len))
        return {};
    return out;
}

QByteArray sha256(const QByteArray& data)
{
    QByteArray out(SHA256_DIGEST_LENGTH, '\0');
    SHA256(bytes(data), size_t(data.size()), bytes(out));
    return out;
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

void cleanse(QByteArray& bytesToWipe)
{
    // Only a buffer we own alone is wiped in place; a shared one is released (see SecureWipe.h).
    if (!bytesToWipe.isEmpty() && !bytesToWipe.isDetached()) {
        bytesToWipe = QByteArray();
        return;
    }
    if (!bytesToWipe.isEmpty())
        OPENSSL_cleanse(bytesToWipe.data(), size_t(bytesToWipe.size()));
    bytesToWipe.clear();
}

} // namespace onewindow::crypto
