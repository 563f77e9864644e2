#pragma once

#include "app/core/ELicense.h"
#include "app/platform/KeyStore.h"
#include "app/storage/SqliteDb.h"
#include "app/trust/IssuerKeyring.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <functional>
#include <vector>

namespace onewindow::storage {

// One entry of GET /v1/licenses/changes (DESIGN.md §7). For revoke/delete only
// license.licenseId (and optionally typeCode) is needed.
struct LicenseChange
{
    enum class Op
    {
        Upsert,
        Revoke,
        Delete
    };
    Op op = Op::Upsert;
    qint64 hubVersion = 0;
    ELicense license;
};

struct DeltaPage
{
    QList<LicenseChange> changes;
    QString nextCursor;
    bool hasMore = false;
};

struct ApplyOutcome
{
    int applied = 0;
    int skippedOlder = 0; // hub version not newer than the stored one: replays are harmless
    int invalid = 0;      // identifier fails GB/T 36904 or required fields missing: skipped
    // An upsert that can never verify (unsigned, unknown key, another issuer's key, another
    // algorithm): not stored, the cursor still advances. Names the first reason seen.
    int refused = 0;
    QString refusedReason;
};

// A cached licence that failed verification at lookup: never returned, reported for the audit
// log and the alarm. No personal data: the keyed row reference and the type.
struct RejectedLicense
{
    QByteArray licenseKey;
    QString typeCode;
    trust::LicenseVerdict verdict = trust::LicenseVerdict::BadSignature;
};

struct CatalogBlob
{
    QString version;
    QString etag;
    QByteArray body; // the hub's catalogue JSON (no personal data)
    QDateTime fetchedAt;
};

struct CacheStats
{
    qint64 licenses = 0; // rows with a payload
    qint64 valid = 0;    // status valid (dates not considered)
    qint64 revoked = 0;
    qint64 tombstones = 0; // deleted: kept so an older replayed upsert cannot resurrect them
    qint64 holderLinks = 0;
    QString cursor;
    QDateTime lastSyncAt;
    QString catalogVersion;
    QString catalogEtag;
    QMap<QString, qint64> byType;
};

// The e-licence cache in cache.db (DESIGN.md §6). Licences are found by the blind index of a
// holder's ID number (any role); payloads are AES-256-GCM bound to the licence's keyed row key.
class LicenseCache
{
public:
    using Clock = std::function<qint64()>;

    LicenseCache(SqliteDb& db, KeyStore keys, Clock clock = {});
    void setKeys(const KeyStore& keys) { m_keys = keys; }

    // One page in one transaction together with the new cursor: either the whole page and
    // its cursor are stored or neither is. A change applies only when its hub version is
    // newer than the stored one. The page that ends a sync run (hasMore false) also moves
    // the WAL into the file (a PASSIVE checkpoint: readers are never blocked).
    Result<ApplyOutcome> applyPage(const DeltaPage& page, const QString& scope = QStringLiteral("licenses"));
    Result<QString> cursor(const QString& scope = QStringLiteral("licenses")) const;
    // 410 Gone: forget the cursor so the next sync is a full reload.
    Status clearCursor(const QString& scope = QStringLiteral("licenses"));

    // The resident's licences usable on `today` (status valid, inside the validity dates),
    // where the ID number appears as a holder in any role, each verified against its issuer
    // key. A tampered payload fails the whole lookup with a Crypto error: never a
    // half-decrypted licence. A licence whose signature does not verify is left out and
    // appended to `rejected`.
    Result<QList<ELicense>> lookupValid(QStringView idNumber, QDate today,
                                        QList<RejectedLicense>* rejected = nullptr) const;

    // Licence trust (DESIGN.md §14): the root key from kiosk.conf. The issuer key list is the
    // stored catalogue's "issuer_keys", verified against the root whenever either changes;
    // without both, no licence is ever returned.
    void setTrustRoot(const trust::PublicKey& root);
    trust::PublicKey trustRoot() const { return m_root; }
    // Empty when a verified issuer key list is loaded; otherwise why licences cannot be used.
    QString trustProblem() const { return m_trustProblem; }

    // A catalogue whose issuer_keys fail verification under the configured root is refused
    // (InvalidInput) and the stored one is kept.
    Status storeCatalog(const CatalogBlob& catalog);
    Result<CatalogBlob> catalog() const; // NotFound when none stored

    Result<CacheStats> stats() const;
    Result<int> reencrypt(int batch);

    QByteArray licenseKey(const QString& licenseId) const;
    static RowBinding payloadBinding(const QByteArray& licenseKey);

private:
    qint64 now() const;
    // One valid change with everything computed before the write transaction: the keyed
    // row key and, for an upsert, the sealed payload and the holders' blind indexes.
    struct PreparedChange
    {
        const LicenseChange* change = nullptr;
        QByteArray key;
        SealedValue sealed;
        QList<QByteArray> holderIndexes;
        bool sealFailed = false;
    };
    // Pages at least this big are prepared on two threads.
    static constexpr size_t kParallelPrepareMin = 256;
    PreparedChange prepare(const LicenseChange& change) const;
    void prepareAll(std::vector<PreparedChange>& work) const;
    void checkpointAfterRun();
    // One change of applyPage, inside its transaction; `id` is the stored row or 0.
    Status storeLicense(const PreparedChange& item, qint64 id, qint64 t);
    Status storeRemoval(const QByteArray& key, qint64 id, const LicenseChange& change, qint64 t);
    Status storeHolders(qint64 id, const QList<QByteArray>& wanted, bool mayHaveHolders);

    // The keyring for `catalogBody` under m_root, or the reason there is none.
    Expected<std::shared_ptr<const trust::IssuerKeyring>, QString>
    keyringFor(const QByteArray& catalogBody) const;
    void reloadTrust();

    SqliteDb& m_db;
    KeyStore m_keys;
    Clock m_clock;
    trust::PublicKey m_root;
    std::shared_ptr<const trust::IssuerKeyring> m_keyring;
    QString m_trustProblem = QStringLiteral("no licence root key configured ([licenses] root_key)");
};

} // namespace onewindow::storage

Q_DECLARE_METATYPE(onewindow::storage::CacheStats)
