#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace onewindow {
class KioskConfig;
}

namespace onewindow::admin {

// The optional second factor: a technician's own ID card opens the PIN pad (the PIN is still
// required). The configuration holds only keyed hashes,
//   [admin] technician_cards = <hex>, <hex>, …   hex = HMAC-SHA256(PIN record salt, ID number)
// so neither the file nor any log ever holds a number. Entries depend on the PIN record's salt:
// after `admin set-pin` they must be recomputed with `admin card-entry`.
class TechnicianCards
{
public:
    TechnicianCards() = default;
    // Entries that are not 64 hex digits are ignored (and counted in invalidEntries()).
    TechnicianCards(const QByteArray& salt, const QStringList& hexEntries);
    // [admin] technician_cards as a list (QSettings splits on commas) or one string.
    static QStringList entriesFrom(const KioskConfig& config);

    // The hex entry for `idNumber` (normalised: trimmed, 'x' → 'X'); empty when salt is empty.
    static QString entryFor(const QByteArray& salt, const QString& idNumber);

    bool configured() const { return !m_entries.isEmpty(); }
    int invalidEntries() const { return m_invalid; }
    // Compares against every entry with CRYPTO_memcmp, without stopping at a match.
    bool isTechnician(const QString& idNumber) const;

private:
    QByteArray m_salt;
    QList<QByteArray> m_entries; // raw 32-byte HMACs
    int m_invalid = 0;
};

} // namespace onewindow::admin
