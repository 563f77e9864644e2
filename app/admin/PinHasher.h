#pragma once

#include "drivers/idcard/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace onewindow::admin {

// scrypt cost parameters. Stored with every hash so they can be raised later without
// invalidating PINs already set.
struct ScryptParams
{
    quint64 n = quint64(1) << 15; // CPU/memory cost (power of two); 2^15, r=8: 32 MiB, ~100 ms
    quint32 r = 8;
    quint32 p = 1;

    // The range a stored record may use: below it the hash is too cheap to trust, above it a
    // tampered record could make verification take minutes or exhaust memory.
    bool plausible() const;
};

// One provisioned PIN: what the PIN file holds (PinStore).
struct PinRecord
{
    static constexpr int kVersion = 1;
    static constexpr int kSaltSize = 16;
    static constexpr int kHashSize = 32;

    int version = kVersion;
    QString algorithm = QStringLiteral("scrypt");
    ScryptParams params;
    QByteArray salt; // random per record (and so per kiosk); also keys TechnicianCards
    QByteArray hash; // scrypt(pin, salt, params), kHashSize bytes
    QDateTime setAt; // UTC
};

// scrypt over OpenSSL 3 (EVP_PBE_scrypt) and the constant-time comparison.
class PinHasher
{
public:
    // Derives kHashSize bytes. Errors (bad parameters, out of memory) are messages.
    static Expected<QByteArray, QString> derive(const QString& pin, const QByteArray& salt,
                                                const ScryptParams& params);
    // A fresh record for `pin` with a new random salt. Does not check PinPolicy.
    static Expected<PinRecord, QString> makeRecord(const QString& pin, const ScryptParams& params = {});
    // True only when `pin` hashes to the record's hash (compared with CRYPTO_memcmp).
    static bool verify(const PinRecord& record, const QString& pin);
    // CRYPTO_memcmp on equal sizes; different sizes are unequal (the size is not secret).
    static bool constantTimeEquals(const QByteArray& a, const QByteArray& b);
};

} // namespace onewindow::admin
