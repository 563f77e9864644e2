#include "app/storage/LicenseCache.h"

#include "app/core/LicenseIdentifier.h"
#include "app/platform/Crypto.h"
#include "app/storage/StorageLog.h"
#include "drivers/idcard/ResidentId.h"
#include "drivers/idcard/SecureWipe.h"

#include <QJsonDocument>
#include <algorithm>
#include <sqlite3.h>
#include <system_error>
#include <thread>
#include <vector>

namespace onewindow::storage {

namespace {

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

LicenseCache::LicenseCache(SqliteDb& db, KeyStore keys, Clock clock)
    : m_db(db), m_keys(std::move(keys)), m_clock(std::move(clock))
{}

qint64 LicenseCache::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QByteArray LicenseCache::licenseKey(const QString& licenseId) const
{
    // The identifier's serial may be traceable to a person: only its keyed hash is stored.
    return m_keys.keyedHash(u"license", licenseId.trimmed().toUtf8());
}

RowBinding LicenseCache::payloadBinding(const QByteArray& licenseKey)
{
    return {QStringLiteral("license"), licenseKey, QStringLiteral("payload_ct")};
}

LicenseCache::PreparedChange LicenseCache::prepare(const LicenseChange& change) const
{
    PreparedChange p;
    p.change = &change;
    p.key = licenseKey(change.license.licenseId);
    if (change.op != LicenseChange::Op::Upsert)
        return p;
    const ELicense& l = change.license;
    QByteArray plain = QJsonDocument(l.toJson()).toJson(QJsonDocument::Compact);
    auto sealed = m_keys.seal(plain, payloadBinding(p.key));
    secureWipe(plain);
    if (sealed.ok())
        p.sealed = std::move(sealed).value();
    else
        p.sealFailed = true;
    for (const LicenseHolder& h : l.holders) {
        if (h.code.isEmpty())
            continue;
        const QByteArray bidx =
            m_keys.blindIndex(h.code, h.codeTypeCode.isEmpty() ? u"111" : QStringView(h.codeTypeCode));
        if (!p.holderIndexes.contains(bidx))
            p.holderIndexes.append(bidx);
    }
    return p;
}

void LicenseCache::prepareAll(std::vector<PreparedChange>& work) const
{
    // JSON, AES-GCM and the HMACs are pure CPU and independent per change: a big page is
    // split over two threads (the kiosk has two cores) before the write lock is taken.
    // KeyStore is read-only here and OpenSSL 3 contexts are made per call.
    auto range = [this, &work](size_t from, size_t to) {
        for (size_t i = from; i < to; ++i)
            work[i] = prepare(*work[i].change);
    };
    const size_t n = work.size();
    if (n < kParallelPrepareMin) {
        range(0, n);
        return;
    }
    const size_t half = n / 2;
    std::thread helper;
    try {
        helper = std::thread(range, size_t(0), half);
    } catch (const std::system_error&) {
        range(0, half); // no thread available: same result, one core
    }
    range(half, n);
    if (helper.joinable())
        helper.join();
}

Result<ApplyOutcome> LicenseCache::applyPage(const DeltaPage& page, const QString& scope)
{
    ApplyOutcome out;
    // Validation, keyed hashes, JSON, encryption and blind indexes first (pure CPU), so the
    // write transaction holds the lock only for the SQLite work. Changes apply in the hub's
    // order; a sealed payload that turns out older than the stored row is simply dropped.
    std::vector<PreparedChange> work;
    work.reserve(size_t(page.changes.size()));
    for (const LicenseChange& change : page.changes) {
        const ELicense& l = change.license;
        if (!LicenseIdentifier::parse(l.licenseId).isValid() || change.hubVersion <= 0 ||
            (change.op == LicenseChange::Op::Upsert && (l.typeCode.isEmpty() || l.holders.isEmpty()))) {
            ++out.invalid;
            continue;
        }
        // Ingest refuses what can never verify, without cryptography (ingest must keep its
        // 50,000/s); the signature itself is checked at every use (lookupValid), which also
        // catches a row changed in cache.db afterwards. Revoke/delete need no signature: they
        // only ever take a licence out of use.
        if (change.op == LicenseChange::Op::Upsert) {
            const trust::LicenseVerdict shape =
                m_keyring ? m_keyring->checkShape(l) : trust::IssuerKeyring::checkSigned(l);
            if (shape != trust::LicenseVerdict::Verified) {
                if (out.refused++ == 0)
                    out.refusedReason = QLatin1String(trust::verdictName(shape));
                continue;
            }
        }
        PreparedChange p;
        p.change = &change;
        work.push_back(std::move(p));
    }
    prepareAll(work);

    Transaction tx(m_db);
    if (!tx.begun().ok())
        return fail(tx.begun().error());
    const qint64 t = now();
    for (const PreparedChange& item : work) {
        const LicenseChange& change = *item.change;
        qint64 id = 0;
        {
            auto existing = m_db.cached("SELECT id, hub_version FROM license WHERE license_key = ?");
            existing->bind(1, item.key);
            if (existing->next()) {
                id = existing->int64(0);
                if (existing->int64(1) >= change.hubVersion) {
                    ++out.skippedOlder;
                    continue;
                }
            } else if (existing->failed()) {
                return fail(existing->error());
            }
        }
        Status s = change.op == LicenseChange::Op::Upsert ? storeLicense(item, id, t)
                                                          : storeRemoval(item.key, id, change, t);
        if (!s.ok())
            return fail(s.error());
        ++out.applied;
    }

    auto cur =
        m_db.cached("INSERT INTO sync_state (scope, cursor, last_ok_at, pages) VALUES (?1, ?2, ?3, 1) "
                    "ON CONFLICT(scope) DO UPDATE SET cursor = ?2, last_ok_at = ?3, pages = pages + 1");
    cur->bind(1, scope).bind(2, page.nextCursor).bind(3, t);
    if (Status s = cur->run(); !s.ok())
        return fail(s.error());
    if (Status s = tx.commit(); !s.ok())
        return fail(s.error());
    if (!page.hasMore)
        checkpointAfterRun();
    return out;
}

void LicenseCache::checkpointAfterRun()
{
    // cache.db checkpoints only every 32,768 WAL frames during a sync run (DatabaseOpener::
    // cacheSpec): a page rewritten by several delta pages is copied into the file once, with
    // one fdatasync, instead of once per page. The last page of a run moves the rest, so the
    // WAL does not stay large between syncs. PASSIVE: never waits for readers; what it cannot
    // copy now is copied by the next checkpoint. Committed data is already safe in the WAL.
    if (sqlite3_wal_checkpoint_v2(m_db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) !=
        SQLITE_OK)
        qCWarning(lcStorage) << "cache.db checkpoint after a sync run did not complete; the next one will";
}

Status LicenseCache::storeLicense(const PreparedChange& item, qint64 id, qint64 t)
{
    const ELicense& l = item.change->license;
    const bool existed = id != 0;
    if (item.sealFailed)
        return fail(StorageError::Kind::Crypto, QStringLiteral("cannot encrypt a licence"));
    if (!existed) {
        auto insert =
            m_db.cached("INSERT INTO license (license_key, type_code, status, valid_from, valid_to, "
                        "hub_version, key_ver, payload_ct, fetched_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        insert->bind(1, item.key)
            .bind(2, l.typeCode)
            .bind(3, ELicense::statusName(l.status))
            .bind(4, dateText(l.validFrom))
            .bind(5, dateText(l.validTo))
            .bind(6, item.change->hubVersion)
            .bind(7, qint64(item.sealed.keyVersion))
            .bind(8, item.sealed.blob)
            .bind(9, t);
        if (Status s = insert->run(); !s.ok())
            return s;
        id = m_db.lastInsertRowid();
    } else {
        auto update = m_db.cached("UPDATE license SET type_code = ?2, status = ?3, valid_from = ?4, "
                                  "valid_to = ?5, hub_version = ?6, key_ver = ?7, payload_ct = ?8, "
                                  "fetched_at = ?9 WHERE id = ?1");
        update->bind(1, id)
            .bind(2, l.typeCode)
            .bind(3, ELicense::statusName(l.status))
            .bind(4, dateText(l.validFrom))
            .bind(5, dateText(l.validTo))
            .bind(6, item.change->hubVersion)
            .bind(7, qint64(item.sealed.keyVersion))
            .bind(8, item.sealed.blob)
            .bind(9, t);
        if (Status s = update->run(); !s.ok())
            return s;
    }
    return storeHolders(id, item.holderIndexes, existed);
}

Status LicenseCache::storeHolders(qint64 id, const QList<QByteArray>& wanted, bool mayHaveHolders)
{
    // A newer version of a licence nearly always has the same holders: compare before
    // writing, so an unchanged holder list dirties no index page at all.
    QList<QByteArray> stored;
    if (mayHaveHolders) {
        auto sel = m_db.cached("SELECT holder_bidx FROM license_holder WHERE license_id = ?");
        sel->bind(1, id);
        while (sel->next())
            stored.append(sel->blob(0));
        if (sel->failed())
            return fail(sel->error());
    }
    for (const QByteArray& bidx : stored) {
        if (wanted.contains(bidx))
            continue;
        auto drop = m_db.cached("DELETE FROM license_holder WHERE holder_bidx = ? AND license_id = ?");
        drop->bind(1, bidx).bind(2, id);
        if (Status s = drop->run(); !s.ok())
            return s;
    }
    for (const QByteArray& bidx : wanted) {
        if (stored.contains(bidx))
            continue;
        auto add =
            m_db.cached("INSERT OR IGNORE INTO license_holder (holder_bidx, license_id) VALUES (?, ?)");
        add->bind(1, bidx).bind(2, id);
        if (Status s = add->run(); !s.ok())
            return s;
    }
    return Ok{};
}

Status LicenseCache::storeRemoval(const QByteArray& key, qint64 id, const LicenseChange& change, qint64 t)
{
    const ELicense& l = change.license;
    const bool del = change.op == LicenseChange::Op::Delete;
    const QString status = del ? QStringLiteral("deleted") : QStringLiteral("revoked");
    if (id == 0) {
        // Unknown here: keep a tombstone with the version, so an older upsert replayed later
        // cannot bring the licence back.
        auto insert =
            m_db.cached("INSERT INTO license (license_key, type_code, status, hub_version, key_ver, "
                        "fetched_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        insert->bind(1, key)
            .bind(2, l.typeCode.isEmpty() ? QStringLiteral("") : l.typeCode)
            .bind(3, status)
            .bind(4, change.hubVersion)
            .bind(5, qint64(m_keys.currentVersion()))
            .bind(6, t);
        return insert->run();
    }
    auto setStatus =
        m_db.cached("UPDATE license SET status = ?, hub_version = ?, fetched_at = ? WHERE id = ?");
    setStatus->bind(1, status).bind(2, change.hubVersion).bind(3, t).bind(4, id);
    if (Status s = setStatus->run(); !s.ok())
        return s;
    if (!del)
        return Ok{};
    auto dropPayload = m_db.cached("UPDATE license SET payload_ct = NULL WHERE id = ?");
    dropPayload->bind(1, id);
    if (Status s = dropPayload->run(); !s.ok())
        return s;
    auto dropHolders = m_db.cached("DELETE FROM license_holder WHERE license_id = ?");
    dropHolders->bind(1, id);
    return dropHolders->run();
}

Result<QString> LicenseCache::cursor(const QString& scope) const
{
    Statement st(m_db, "SELECT cursor FROM sync_state WHERE scope = ?");
    st.bind(1, scope);
    if (st.next())
        return st.text(0);
    if (st.failed())
        return fail(st.error());
    return QString();
}

Status LicenseCache::clearCursor(const QString& scope)
{
    Statement st(m_db, "UPDATE sync_state SET cursor = NULL WHERE scope = ?");
    st.bind(1, scope);
    return st.run();
}

Result<QList<ELicense>> LicenseCache::lookupValid(QStringView idNumber, QDate today,
                                                  QList<RejectedLicense>* rejected) const
{
    const std::shared_ptr<const trust::IssuerKeyring> keyring = m_keyring;
    const QByteArray bidx = m_keys.blindIndex(idNumber);
    const QString day = today.toString(Qt::ISODate);
    const QString parsed = ResidentId::parse(idNumber.toString()).number();
    const QString wanted = parsed.isEmpty() ? idNumber.toString().trimmed() : parsed;
    auto lease =
        m_db.cached("SELECT l.license_key, l.key_ver, l.payload_ct, l.type_code FROM license_holder h "
                    "JOIN license l ON l.id = h.license_id WHERE h.holder_bidx = ?1 AND l.status = 'valid' "
                    "AND l.payload_ct IS NOT NULL AND (l.valid_from IS NULL OR l.valid_from <= ?2) "
                    "AND (l.valid_to IS NULL OR l.valid_to >= ?2) ORDER BY l.type_code, l.id");
    Statement& st = *lease;
    st.bind(1, bidx).bind(2, day);
    QList<ELicense> out;
    while (st.next()) {
        auto plain = m_keys.open(int(st.int64(1)), st.blob(2), payloadBinding(st.blob(0)));
        if (!plain.ok()) {
            for (ELicense& l : out)
                l.wipe();
            return fail(StorageError::Kind::Crypto,
                        QStringLiteral("a cached licence failed authentication (%1)")
                            .arg(QLatin1String(crypto::errorName(plain.error()))));
        }
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(plain.value(), &parseError);
        secureWipe(plain.value());
        if (!doc.isObject()) {
            for (ELicense& l : out)
                l.wipe();
            return fail(StorageError::Kind::Corrupt, QStringLiteral("a cached licence payload is not JSON"));
        }
        ELicense licence = ELicense::fromJson(doc.object());
        // The index columns are not authenticated; the payload is. A damaged index may point
        // at another resident's licence or call a revoked one valid: only a licence whose own
        // (authenticated) content names this resident and is usable today is returned.
        const bool holds =
            std::any_of(licence.holders.cbegin(), licence.holders.cend(), [&wanted](const LicenseHolder& h) {
                return ResidentId::parse(h.code).number() == wanted ||
                       h.code.compare(wanted, Qt::CaseInsensitive) == 0;
            });
        if (!holds || !licence.isUsableOn(today)) {
            qCWarning(lcStorage) << "cache index disagrees with a licence's authenticated content; skipped";
            licence.wipe();
            continue;
        }
        // The issuer's signature, at every use: AES-GCM proves the row was written with our
        // key, the signature that its content is the issuer's.
        const trust::LicenseVerdict verdict =
            keyring ? keyring->verify(licence) : trust::LicenseVerdict::NoTrust;
        if (verdict != trust::LicenseVerdict::Verified) {
            qCWarning(lcStorage, "a cached licence failed verification (%s); not used",
                      trust::verdictName(verdict));
            if (rejected)
                rejected->append({st.blob(0), st.text(3), verdict});
            licence.wipe();
            continue;
        }
        out.append(std::move(licence));
    }
    if (st.failed()) {
        for (ELicense& l : out)
            l.wipe();
        return fail(st.error());
    }
    return out;
}

Expected<std::shared_ptr<const trust::IssuerKeyring>, QString>
LicenseCache::keyringFor(const QByteArray& catalogBody) const
{
    using R = Expected<std::shared_ptr<const trust::IssuerKeyring>, QString>;
    const QJsonObject block =
        QJsonDocument::fromJson(catalogBody).object().value(QLatin1String("issuer_keys")).toObject();
    auto ring = trust::IssuerKeyring::fromJson(block, m_root);
    if (!ring)
        return R::failure(ring.error());
    return std::make_shared<const trust::IssuerKeyring>(std::move(ring).value());
}

void LicenseCache::setTrustRoot(const trust::PublicKey& root)
{
    m_root = root;
    reloadTrust();
}

void LicenseCache::reloadTrust()
{
    auto stored = catalog();
    auto ring = keyringFor(stored ? stored->body : QByteArray());
    m_keyring = ring ? ring.value() : nullptr;
    m_trustProblem = ring ? QString() : ring.error();
    if (!ring && !m_root.isNull() && stored)
        qCWarning(lcStorage, "licences cannot be verified: %s", qPrintable(m_trustProblem));
}

Status LicenseCache::storeCatalog(const CatalogBlob& catalog)
{
    // A list that does not verify is refused only when there is a root to judge it by and it
    // names keys at all: without a root nothing is trusted anyway (the alarm says why).
    auto ring = keyringFor(catalog.body);
    const bool hasKeys =
        QJsonDocument::fromJson(catalog.body).object().value(QLatin1String("issuer_keys")).isObject();
    if (!ring && hasKeys && !m_root.isNull())
        return fail(StorageError::Kind::InvalidInput,
                    QStringLiteral("issuer keys refused: %1").arg(ring.error()));
    Statement st(m_db, "INSERT INTO catalog (id, version, etag, fetched_at, body) VALUES (1, ?1, ?2, ?3, ?4) "
                       "ON CONFLICT(id) DO UPDATE SET version = ?1, etag = ?2, fetched_at = ?3, body = ?4");
    st.bind(1, catalog.version)
        .bind(2, catalog.etag)
        .bind(3, catalog.fetchedAt.isValid() ? catalog.fetchedAt.toMSecsSinceEpoch() : now())
        .bind(4, catalog.body.isNull() ? QByteArray("") : catalog.body);
    if (Status s = st.run(); !s.ok())
        return s;
    m_keyring = ring ? ring.value() : nullptr;
    m_trustProblem = ring ? QString() : ring.error();
    return Ok{};
}

Result<CatalogBlob> LicenseCache::catalog() const
{
    Statement st(m_db, "SELECT version, etag, fetched_at, body FROM catalog WHERE id = 1");
    if (st.next())
        return CatalogBlob{st.text(0), st.text(1), st.blob(3),
                           QDateTime::fromMSecsSinceEpoch(st.int64(2), Qt::UTC)};
    if (st.failed())
        return fail(st.error());
    return fail(StorageError::Kind::NotFound, QStringLiteral("no catalogue stored"));
}

Result<CacheStats> LicenseCache::stats() const
{
    CacheStats s;
    Statement st(m_db, "SELECT status, payload_ct IS NOT NULL, COUNT(*) FROM license GROUP BY 1, 2");
    while (st.next()) {
        const QString status = st.text(0);
        const qint64 n = st.int64(2);
        if (st.int64(1))
            s.licenses += n;
        if (status == QLatin1String("valid"))
            s.valid += n;
        else if (status == QLatin1String("revoked"))
            s.revoked += n;
        else if (status == QLatin1String("deleted"))
            s.tombstones += n;
    }
    if (st.failed())
        return fail(st.error());
    Statement types(m_db, "SELECT type_code, COUNT(*) FROM license WHERE payload_ct IS NOT NULL GROUP BY 1");
    while (types.next())
        s.byType.insert(types.text(0), types.int64(1));
    auto holders = m_db.queryInt("SELECT COUNT(*) FROM license_holder");
    if (!holders.ok())
        return fail(holders.error());
    s.holderLinks = holders.value();
    Statement cur(m_db, "SELECT cursor, last_ok_at FROM sync_state WHERE scope = 'licenses'");
    if (cur.next()) {
        s.cursor = cur.text(0);
        if (!cur.isNull(1))
            s.lastSyncAt = QDateTime::fromMSecsSinceEpoch(cur.int64(1), Qt::UTC);
    }
    Statement cat(m_db, "SELECT version, etag FROM catalog WHERE id = 1");
    if (cat.next()) {
        s.catalogVersion = cat.text(0);
        s.catalogEtag = cat.text(1);
    }
    return s;
}

Result<int> LicenseCache::reencrypt(int batch)
{
    const int current = m_keys.currentVersion();
    Transaction tx(m_db);
    if (!tx.begun().ok())
        return fail(tx.begun().error());
    Statement sel(m_db, "SELECT id, license_key, key_ver, payload_ct FROM license "
                        "WHERE payload_ct IS NOT NULL AND key_ver <> ? LIMIT ?");
    sel.bind(1, qint64(current)).bind(2, qint64(batch));
    Statement up(m_db, "UPDATE license SET payload_ct = ?, key_ver = ? WHERE id = ?");
    int moved = 0;
    while (sel.next()) {
        const QByteArray key = sel.blob(1);
        auto plain = m_keys.open(int(sel.int64(2)), sel.blob(3), payloadBinding(key));
        if (!plain.ok())
            return fail(StorageError::Kind::Crypto,
                        QStringLiteral("re-encrypt: a cached licence failed authentication"));
        auto sealed = m_keys.seal(plain.value(), payloadBinding(key));
        secureWipe(plain.value());
        if (!sealed.ok())
            return fail(StorageError::Kind::Crypto, QStringLiteral("re-encrypt failed"));
        up.reset();
        up.bind(1, sealed->blob).bind(2, qint64(sealed->keyVersion)).bind(3, sel.int64(0));
        if (Status s = up.run(); !s.ok())
            return fail(s.error());
        ++moved;
    }
    if (sel.failed())
        return fail(sel.error());
    if (Status s = tx.commit(); !s.ok())
        return fail(s.error());
    return moved;
}

} // namespace onewindow::storage
