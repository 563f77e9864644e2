#pragma once

#include "drivers/idcard/Expected.h"

#include <QByteArray>

namespace onewindow::crypto {

// Authenticated encryption and keyed hashes over OpenSSL 3 EVP (DESIGN.md §6). Every key is
// 32 bytes. Failures are values: a tampered or truncated ciphertext gives an error, never bytes.
enum class CryptoError
{
    BadKey,               // not 32 bytes
    Truncated,            // shorter than header + nonce + tag, or an unknown format byte
    AuthenticationFailed, // wrong key, wrong AAD, or a changed byte anywhere
    RandomFailed,         // the system random generator failed
    Internal,             // an OpenSSL call failed unexpectedly
};
const char* errorName(CryptoError error);

constexpr int kKeySize = 32;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
// Sealed layout: format byte 0x01 | 12-byte random nonce | ciphertext | 16-byte GCM tag.
constexpr int kSealOverhead = 1 + kNonceSize + kTagSize;

// AES-256-GCM with a fresh random nonce per call. `aad` is authenticated, not stored.
Expected<QByteArray, CryptoError> seal(const QByteArray& key, const QByteArray& plaintext,
                                       const QByteArray& aad);
Expected<QByteArray, CryptoError> open(const QByteArray& key, const QByteArray& sealed,
                                       const QByteArray& aad);

// Cryptographically strong random bytes; empty on failure.
QByteArray randomBytes(int count);
QByteArray hmacSha256(const QByteArray& key, const QByteArray& data);
QByteArray sha256(const QByteArray& data);
// Compares in time independent of where the inputs differ (MACs, tags).
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);
// Overwrites a key buffer in place before it is released (OPENSSL_cleanse).
void cleanse(QByteArray& bytes);

} // namespace onewindow::crypto
