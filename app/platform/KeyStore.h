#pragma once

#include "app/platform/Crypto.h"
#include "drivers/idcard/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>
#include <memory>

namespace onewindow {

// What a ciphertext is bound to (offline-sync.md §2.4): table | row key | column | key version.
// A ciphertext copied to another row, column or table, or relabelled with another key version,
// fails authentication instead of decrypting.
struct RowBinding
{
    QString table;
    QByteArray rowKey; // a stable key of the row (submission UUID, licence key hash), never a rowid
    QString column;

    QByteArray aad(int keyVersion) const;
};

struct SealedValue
{
    int keyVersion = 0;
    QByteArray blob;
};

// The kiosk's keys (DESIGN.md §6): versioned data keys for AES-256-GCM, one key for the blind
// index and one for the audit chain. They live in a key file of mode 0600 that is created on
// first start; `fromMaterial` is the seam for a provisioning step or a TPM-sealed source.
// A KeyStore is a cheap value (shared immutable key material): each thread keeps its own copy.
class KeyStore
{
public:
    struct Material
    {
        QByteArray indexKey;
        QByteArray auditKey;
        QList<std::pair<int, QByteArray>> dataKeys; // version → key, ascending
        int currentVersion = 0;
        Material() = default;
        Material(const Material&) = default;
        Material(Material&&) = default;
        Material& operator=(const Material&) = default;
        Material& operator=(Material&&) = default;
        ~Material(); // wipes the keys
    };

    KeyStore() = default;

    // Loads the key file; when it does not exist and `create` is true, creates it with fresh
    // keys (mode 0600, written to a temporary file and linked into place, so two processes
    // starting together end up with the same keys). A file readable by group or others is
    // refused: the keys would no longer be the owner's secret.
    static Expected<KeyStore, QString> open(const QString& path, bool create);
    static Expected<KeyStore, QString> fromMaterial(Material material);
    // The key file's text (what open() reads); `source` names it in errors. For the fuzzer and
    // tests: no I/O.
    static Expected<Material, QString> parseMaterial(const QByteArray& text, const QString& source);

    bool isValid() const { return m_material != nullptr; }
    QString path() const { return m_path; }
    int currentVersion() const;
    QList<int> versions() const;

    // Adds a data key version, makes it current and rewrites the key file atomically. Rows
    // sealed before stay readable; a re-encrypt job moves them to the new version.
    Expected<int, QString> rotate();

    Expected<SealedValue, crypto::CryptoError> seal(const QByteArray& plaintext,
                                                    const RowBinding& binding) const;
    Expected<QByteArray, crypto::CryptoError> open(int keyVersion, const QByteArray& blob,
                                                   const RowBinding& binding) const;

    // HMAC-SHA256 under the index key of the normalised ID number (ResidentId rules: trimmed,
    // lowercase x → X). `codeType` is the GB/T 36903 holder code type ("111" = ID number) so
    // an ID number and a credit code of the same spelling never collide.
    QByteArray blindIndex(QStringView idNumber, QStringView codeType = u"111") const;
    // Keyed hash of any other stable identifier that must not be stored in clear.
    QByteArray keyedHash(QStringView domain, const QByteArray& value) const;
    // The audit chain MAC.
    QByteArray auditMac(const QByteArray& data) const;

    static QString normaliseIdNumber(QStringView idNumber);

private:
    const QByteArray* dataKey(int version) const;
    static QString writeFile(const QString& path, const Material& material, bool exclusive);

    std::shared_ptr<const Material> m_material;
    QString m_path;
};

} // namespace onewindow
