#include "app/admin/PinHasher.h"

#include "app/platform/Crypto.h"
#include "drivers/idcard/SecureWipe.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace onewindow::admin {

bool ScryptParams::plausible() const
{
    const bool powerOfTwo = n >= 2 && (n & (n - 1)) == 0;
    return powerOfTwo && n >= (quint64(1) << 10) && n <= (quint64(1) << 20) && r >= 1 && r <= 32 && p >= 1 &&
           p <= 16;
}

Expected<QByteArray, QString> PinHasher::derive(const QString& pin, const QByteArray& salt,
                                                const ScryptParams& params)
{
    using R = Expected<QByteArray, QString>;
    if (!params.plausible())
        return R::failure(QStringLiteral("scrypt parameters out of range"));
    if (salt.isEmpty()) // the record format insists on kSaltSize; derive() also serves test vectors
        return R::failure(QStringLiteral("empty salt"));
    QByteArray utf8 = pin.toUtf8();
    QByteArray out(PinRecord::kHashSize, '\0');
    // 128·r·N bytes for V plus the B and XY buffers; a little headroom over the exact figure.
    const quint64 maxMem = 130 * quint64(params.r) * params.n + 1024 * 1024 * quint64(params.p);
    const int ok = EVP_PBE_scrypt(utf8.constData(), size_t(utf8.size()),
                                  reinterpret_cast<const unsigned char*>(salt.constData()),
                                  size_t(salt.size()), params.n, params.r, params.p, maxMem,
                                  reinterpret_cast<unsigned char*>(out.data()), size_t(out.size()));
    secureWipe(utf8);
    if (ok != 1)
        return R::failure(QStringLiteral("scrypt failed (parameters or memory)"));
    return out;
}

Expected<PinRecord, QString> PinHasher::makeRecord(const QString& pin, const ScryptParams& params)
{
    using R = Expected<PinRecord, QString>;
    PinRecord record;
    record.params = params;
    record.salt = crypto::randomBytes(PinRecord::kSaltSize);
    if (record.salt.size() != PinRecord::kSaltSize)
        return R::failure(QStringLiteral("the system random generator failed"));
    auto hash = derive(pin, record.salt, params);
    if (!hash.ok())
        return R::failure(hash.error());
    record.hash = hash.value();
    record.setAt = QDateTime::currentDateTimeUtc();
    return record;
}

bool PinHasher::verify(const PinRecord& record, const QString& pin)
{
    auto hash = derive(pin, record.salt, record.params);
    if (!hash.ok())
        return false;
    return record.hash.size() == PinRecord::kHashSize && constantTimeEquals(hash.value(), record.hash);
}

bool PinHasher::constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace onewindow::admin
