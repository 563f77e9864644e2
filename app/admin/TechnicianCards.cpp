#include "app/admin/TechnicianCards.h"

#include "app/admin/PinHasher.h"
#include "app/platform/Crypto.h"
#include "app/platform/KioskConfig.h"
#include "drivers/idcard/SecureWipe.h"

namespace onewindow::admin {

namespace {

QByteArray macFor(const QByteArray& salt, const QString& idNumber)
{
    QString normalised = idNumber.trimmed().toUpper();
    QByteArray bytes = normalised.toUtf8();
    const QByteArray mac = crypto::hmacSha256(salt, bytes);
    secureWipe(bytes);
    secureWipe(normalised);
    return mac;
}

bool isHexDigit(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
           (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

} // namespace

TechnicianCards::TechnicianCards(const QByteArray& salt, const QStringList& hexEntries) : m_salt(salt)
{
    for (const QString& entry : hexEntries) {
        const QString trimmed = entry.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QByteArray raw = QByteArray::fromHex(trimmed.toLatin1());
        bool hexOnly = trimmed.size() == 64;
        for (const QChar c : trimmed)
            hexOnly = hexOnly && isHexDigit(c);
        if (!hexOnly || raw.size() != 32) {
            ++m_invalid;
            continue;
        }
        m_entries.append(raw);
    }
}

QStringList TechnicianCards::entriesFrom(const KioskConfig& config)
{
    const QVariant v = config.value(QStringLiteral("admin/technician_cards"));
    QStringList parts;
    if (v.typeId() == QMetaType::QStringList)
        parts = v.toStringList();
    else
        parts = v.toString().split(QLatin1Char(','));
    QStringList out;
    for (const QString& p : parts) {
        if (!p.trimmed().isEmpty())
            out.append(p.trimmed());
    }
    return out;
}

QString TechnicianCards::entryFor(const QByteArray& salt, const QString& idNumber)
{
    if (salt.isEmpty())
        return {};
    return QString::fromLatin1(macFor(salt, idNumber).toHex());
}

bool TechnicianCards::isTechnician(const QString& idNumber) const
{
    if (m_salt.isEmpty() || m_entries.isEmpty())
        return false;
    const QByteArray mac = macFor(m_salt, idNumber);
    bool found = false;
    for (const QByteArray& entry : m_entries)
        found = PinHasher::constantTimeEquals(mac, entry) || found; // no early exit
    return found;
}

} // namespace onewindow::admin
