// The e-licence cache: GB/T 36904 identifiers, blind-index lookup of a holder in any role,
// validity filtering, delta pages with the cursor in the same transaction and hub-version
// ordering, tombstones, the catalogue, tamper detection and re-encryption.
#include "app/storage/CacheReload.h"
#include "app/storage/DatabaseOpener.h"
#include "app/storage/LicenseCache.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using namespace onewindow::storage;
using namespace onewindow::testing;

class CacheTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteDb> m_db;
    std::unique_ptr<LicenseCache> m_cache;
    KeyStore m_keys;
    int m_n = 0;
    const QDate m_today = QDate(2024, 6, 1);
    const QString m_husband = residentId(1);
    const QString m_wife = residentId(2);
    const QString m_stranger = residentId(3);
    // A page at least LicenseCache's parallel threshold (256) is prepared on two threads.
    static constexpr int kBigPage = 600;

    ApplyOutcome apply(const QList<LicenseChange>& changes, const QString& cursor)
    {
        DeltaPage page;
        page.changes = changes;
        page.nextCursor = cursor;
        auto r = m_cache->applyPage(page);
        if (!r.ok())
            qFatal("applyPage failed: %s", qPrintable(r.error().toString()));
        return r.value();
    }

    int found(const QString& id)
    {
        auto r = m_cache->lookupValid(id, m_today);
        if (!r.ok())
            qFatal("lookup failed");
        return int(r->size());
    }

private slots:
    void init()
    {
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.db").arg(++m_n));
        m_db = DatabaseOpener::open(DatabaseOpener::cacheSpec(path), nullptr).value();
        if (!m_keys.isValid())
            m_keys = KeyStore::open(m_dir.filePath(QStringLiteral("keys")), true).value();
        m_cache = std::make_unique<LicenseCache>(*m_db, m_keys);
        installTestTrust(*m_cache);
    }

    void cleanup()
    {
        m_cache.reset();
        m_db.reset();
    }

    // reference/gov-standards.md §1.2: checked examples from real systems.
    void identifierCheckCharacter_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("mohurd") << "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"
                                << true;
        QTest::newRow("zhejiang")
            << "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0" << true;
        QTest::newRow("hefei") << "1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9" << true;
        QTest::newRow("wrong check") << "1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.8"
                                     << false;
        QTest::newRow("no root") << "2.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9" << false;
        QTest::newRow("version") << "1.2.156.3005.2.11100000MB03271699022.340100.000000016.01.9" << false;
        QTest::newRow("lowercase") << "1.2.156.3005.2.11100000mb03271699022.340100.000000016.001.9" << false;
        QTest::newRow("parts") << "1.2.156.3005.2.11100000MB03271699022.340100.001.9" << false;
        QTest::newRow("empty") << "" << false;
    }

    void identifierCheckCharacter()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(LicenseIdentifier::parse(id).isValid(), valid);
    }

    void fixtureIdentifiersAreValid()
    {
        const LicenseIdentifier id = LicenseIdentifier::parse(licenseIdentifier(kHukouType, 42));
        QVERIFY(id.isValid());
        QCOMPARE(id.typeCode(), kHukouType);
        QCOMPARE(id.version(), QStringLiteral("001"));
    }

    void holderInAnyRoleFindsTheLicence()
    {
        apply(
            {upsert(marriage(1, m_husband, QStringLiteral("测试男"), m_wife, QStringLiteral("测试女")), 1),
             upsert(hukou(2, m_husband, QStringLiteral("测试男"), QStringLiteral("北京市东城区样例胡同1号")),
                    1)},
            QStringLiteral("c1"));
        QCOMPARE(found(m_husband), 2);
        QCOMPARE(found(m_wife), 1);
        QCOMPARE(found(m_stranger), 0);
        // The ID number is normalised (lowercase x, spaces) before hashing.
        QCOMPARE(found(QStringLiteral("  ") + m_husband.toLower() + QStringLiteral(" ")), 2);

        const QList<ELicense> wife = m_cache->lookupValid(m_wife, m_today).value();
        QCOMPARE(wife.first().typeCode, kMarriageType);
        QCOMPARE(wife.first().holders.size(), 2);
        QCOMPARE(wife.first().holders.at(1).role, QStringLiteral("女方"));
        QCOMPARE(wife.first().holders.at(1).name, QStringLiteral("测试女"));
    }

    void aDamagedIndexNeverShowsAnotherResidentsLicence()
    {
        // The holder index and the status column are plain columns; only the payload is
        // authenticated. Point the stranger's index entry at the husband's licence and mark a
        // revoked licence valid: the lookup must trust the payload, not the index.
        ELicense revoked = hukou(61, m_wife, QStringLiteral("测试女"), QStringLiteral("址"));
        revoked.status = ELicense::Status::Revoked;
        apply({upsert(hukou(60, m_husband, QStringLiteral("测试男"), QStringLiteral("址")), 1),
               upsert(hukou(62, m_stranger, QStringLiteral("路人"), QStringLiteral("址")), 1),
               upsert(revoked, 1)},
              QStringLiteral("c1"));
        QCOMPARE(found(m_stranger), 1);
        // Every index entry now points at the first licence (the husband's).
        QVERIFY(m_db->exec("UPDATE license_holder SET license_id = (SELECT MIN(id) FROM license)").ok());
        QVERIFY(m_db->exec("UPDATE license SET status = 'valid'").ok());
        for (const QString& id : {m_husband, m_wife, m_stranger}) {
            const QList<ELicense> got = m_cache->lookupValid(id, m_today).value();
            for (const ELicense& l : got) {
                QCOMPARE(l.holders.first().code, id);
                QVERIFY(l.status == ELicense::Status::Valid);
            }
        }
        QCOMPARE(found(m_stranger), 0); // its entry now leads to the husband's licence: skipped
        QCOMPARE(found(m_wife), 0);     // likewise, and her own licence is revoked in its payload
        QCOMPARE(found(m_husband), 1);
    }

    void onlyUsableLicencesAreReturned()
    {
        ELicense expired = hukou(10, m_husband, QStringLiteral("测试"), QStringLiteral("地址"));
        expired.validTo = m_today.addDays(-1);
        ELicense future = hukou(11, m_husband, QStringLiteral("测试"), QStringLiteral("地址"));
        future.validFrom = m_today.addDays(1);
        ELicense suspended = hukou(12, m_husband, QStringLiteral("测试"), QStringLiteral("地址"));
        suspended.status = ELicense::Status::Suspended;
        ELicense lastDay = hukou(13, m_husband, QStringLiteral("测试"), QStringLiteral("地址"));
        lastDay.validTo = m_today;
        apply({upsert(expired, 1), upsert(future, 1), upsert(suspended, 1), upsert(lastDay, 1)},
              QStringLiteral("c"));
        const QList<ELicense> got = m_cache->lookupValid(m_husband, m_today).value();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().licenseId, lastDay.licenseId);
    }

    void newerVersionWinsAndReplaysAreHarmless()
    {
        ELicense l = hukou(20, m_husband, QStringLiteral("旧名"), QStringLiteral("旧地址"));
        apply({upsert(l, 5)}, QStringLiteral("c5"));
        ELicense v6 = l;
        v6.holders[0].name = QStringLiteral("新名");
        ApplyOutcome o = apply({upsert(v6, 6)}, QStringLiteral("c6"));
        QCOMPARE(o.applied, 1);
        // Replaying the older page changes nothing.
        o = apply({upsert(l, 5)}, QStringLiteral("c5"));
        QCOMPARE(o.applied, 0);
        QCOMPARE(o.skippedOlder, 1);
        o = apply({upsert(v6, 6)}, QStringLiteral("c6"));
        QCOMPARE(o.skippedOlder, 1);
        QCOMPARE(m_cache->lookupValid(m_husband, m_today).value().first().holders.first().name,
                 QStringLiteral("新名"));
    }

    void holdersAreReplacedOnUpdate()
    {
        ELicense l = hukou(21, m_husband, QStringLiteral("甲"), QStringLiteral("址"));
        apply({upsert(l, 1)}, QStringLiteral("a"));
        l.holders = {{QStringLiteral("乙"), m_wife, QStringLiteral("111"), QStringLiteral("户主")}};
        apply({upsert(l, 2)}, QStringLiteral("b"));
        QCOMPARE(found(m_husband), 0);
        QCOMPARE(found(m_wife), 1);
    }

    void unchangedHoldersAndTwoVersionsInOnePage()
    {
        // applyPage diffs the holder list instead of rewriting it, and a page may carry the
        // same licence twice (insert, then a newer version): both must end up as one row
        // whose two holders still find it.
        ELicense l = marriage(22, m_husband, QStringLiteral("甲"), m_wife, QStringLiteral("乙"));
        ELicense newer = l;
        newer.issuerName = QStringLiteral("新机关");
        const ApplyOutcome out = apply({upsert(l, 1), upsert(newer, 2)}, QStringLiteral("a"));
        QCOMPARE(out.applied, 2);
        newer.licenseNo = QStringLiteral("J-NEW");
        QCOMPARE(apply({upsert(newer, 3)}, QStringLiteral("b")).applied, 1);
        QCOMPARE(m_db->queryInt("SELECT COUNT(*) FROM license").value(), qint64(1));
        QCOMPARE(m_db->queryInt("SELECT COUNT(*) FROM license_holder").value(), qint64(2));
        QCOMPARE(found(m_husband), 1);
        QCOMPARE(found(m_wife), 1);
        auto r = m_cache->lookupValid(m_wife, m_today);
        QCOMPARE(r->first().licenseNo, QStringLiteral("J-NEW"));
        QCOMPARE(r->first().issuerName, QStringLiteral("新机关"));
        // The cached lookup statement released its read lock: a TRUNCATE checkpoint empties
        // the WAL completely (it would report busy frames otherwise).
        Statement ckpt(*m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
        QVERIFY(ckpt.next());
        QCOMPARE(ckpt.int64(0), qint64(0));
    }

    void revokeAndDeleteAreTombstones()
    {
        ELicense a = hukou(30, m_husband, QStringLiteral("甲"), QStringLiteral("址"));
        ELicense b = hukou(31, m_husband, QStringLiteral("甲"), QStringLiteral("址"));
        apply({upsert(a, 1), upsert(b, 1)}, QStringLiteral("1"));
        apply({removal(a.licenseId, 2, false), removal(b.licenseId, 2, true)}, QStringLiteral("2"));
        QCOMPARE(found(m_husband), 0);
        // An older upsert replayed after the delete cannot resurrect it.
        apply({upsert(b, 1), upsert(a, 1)}, QStringLiteral("1"));
        QCOMPARE(found(m_husband), 0);
        // A delete for a licence never seen still leaves a tombstone that beats older upserts.
        ELicense c = hukou(32, m_husband, QStringLiteral("甲"), QStringLiteral("址"));
        apply({removal(c.licenseId, 9, true)}, QStringLiteral("3"));
        apply({upsert(c, 8)}, QStringLiteral("3"));
        QCOMPARE(found(m_husband), 0);
        const CacheStats s = m_cache->stats().value();
        QCOMPARE(s.tombstones, 2);
        QCOMPARE(s.revoked, 1);
        QCOMPARE(s.licenses, 1); // the revoked one keeps its payload, deleted ones do not
    }

    void invalidRecordsAreSkippedNotFatal()
    {
        ELicense bad = hukou(40, m_husband, QStringLiteral("甲"), QStringLiteral("址"));
        bad.licenseId.chop(1);
        bad.licenseId += QLatin1Char('#');
        ELicense noHolders = hukou(41, m_husband, QStringLiteral("甲"), QStringLiteral("址"));
        noHolders.holders.clear();
        const ApplyOutcome o =
            apply({upsert(bad, 1), upsert(noHolders, 1),
                   upsert(hukou(42, m_husband, QStringLiteral("甲"), QStringLiteral("址")), 1)},
                  QStringLiteral("x"));
        QCOMPARE(o.invalid, 2);
        QCOMPARE(o.applied, 1);
    }

    void cursorMovesOnlyWithItsPage()
    {
        apply({upsert(hukou(50, m_husband, QStringLiteral("甲"), QStringLiteral("址")), 1)},
              QStringLiteral("page-1"));
        QCOMPARE(m_cache->cursor().value(), QStringLiteral("page-1"));
        // A page that fails half-way (a trigger standing in for an I/O error) leaves neither its
        // rows nor its cursor behind.
        QVERIFY(m_db->exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON license WHEN NEW.type_code = 'BOOM' "
                           "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;")
                    .ok());
        ELicense ok = hukou(51, m_wife, QStringLiteral("乙"), QStringLiteral("址"));
        ELicense boom = hukou(52, m_wife, QStringLiteral("乙"), QStringLiteral("址"));
        boom.typeCode = QStringLiteral("BOOM");
        DeltaPage page;
        page.changes = {upsert(ok, 1), upsert(boom, 1)};
        page.nextCursor = QStringLiteral("page-2");
        QVERIFY(!m_cache->applyPage(page).ok());
        QCOMPARE(m_cache->cursor().value(), QStringLiteral("page-1"));
        QCOMPARE(found(m_wife), 0);
        QVERIFY(m_cache->clearCursor().ok());
        QVERIFY(m_cache->cursor().value().isNull());
    }

    void catalogueWithVersionAndEtag()
    {
        {
            auto fresh = DatabaseOpener::open(
                DatabaseOpener::cacheSpec(m_dir.filePath(QStringLiteral("fresh.db"))), nullptr);
            QCOMPARE(LicenseCache(*fresh.value(), m_keys).catalog().error().kind,
                     StorageError::Kind::NotFound);
        }
        CatalogBlob c{QStringLiteral("2024.06.01"), QStringLiteral("\"abc\""), R"({"items":[]})", {}};
        QVERIFY(m_cache->storeCatalog(c).ok());
        CatalogBlob got = m_cache->catalog().value();
        QCOMPARE(got.version, c.version);
        QCOMPARE(got.etag, c.etag);
        QCOMPARE(got.body, c.body);
        QVERIFY(got.fetchedAt.isValid());
        c.etag = QStringLiteral("\"def\"");
        QVERIFY(m_cache->storeCatalog(c).ok());
        QCOMPARE(m_cache->stats().value().catalogEtag, QStringLiteral("\"def\""));
    }

    void nothingPersonalInClear()
    {
        apply({upsert(hukou(60, m_husband, QStringLiteral("测试隐私"), QStringLiteral("样例省样例市")), 1)},
              QStringLiteral("c"));
        Statement st(*m_db, "SELECT quote(license_key), type_code, quote(payload_ct) FROM license");
        QVERIFY(st.next());
        const QString row = st.text(0) + st.text(1) + st.text(2);
        QVERIFY(!row.contains(m_husband));
        Statement raw(*m_db, "SELECT payload_ct FROM license");
        QVERIFY(raw.next());
        QVERIFY(!raw.blob(0).contains(QStringLiteral("测试隐私").toUtf8()));
        QVERIFY(!raw.blob(0).contains(m_husband.toUtf8()));
    }

    void tamperedLicenceFailsTheLookup()
    {
        apply({upsert(hukou(70, m_husband, QStringLiteral("甲"), QStringLiteral("址")), 1),
               upsert(hukou(71, m_wife, QStringLiteral("乙"), QStringLiteral("址")), 1)},
              QStringLiteral("c"));
        {
            Statement read(*m_db, "SELECT payload_ct FROM license WHERE id = 1");
            QVERIFY(read.next());
            QByteArray ct = read.blob(0);
            ct[ct.size() / 2] = char(ct[ct.size() / 2] ^ 0x10);
            Statement write(*m_db, "UPDATE license SET payload_ct = ? WHERE id = 1");
            write.bind(1, ct);
            QVERIFY(write.run().ok());
        }
        auto r = m_cache->lookupValid(m_husband, m_today);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, StorageError::Kind::Crypto);
        // Swapping ciphertexts between rows fails too (AAD = the row's licence key).
        QVERIFY(m_db->exec("UPDATE license SET payload_ct = (SELECT payload_ct FROM license WHERE id = 1) "
                           "WHERE id = 2")
                    .ok());
        QCOMPARE(m_cache->lookupValid(m_wife, m_today).error().kind, StorageError::Kind::Crypto);
    }

    // Rewrites licence row `id` as someone with the data key could (a re-encrypted row):
    // decrypts, lets `edit` change the JSON, seals it again with the row's own binding.
    void rewriteRow(qint64 id, const std::function<void(QJsonObject&)>& edit)
    {
        Statement read(*m_db, "SELECT license_key, key_ver, payload_ct FROM license WHERE id = ?");
        read.bind(1, id);
        QVERIFY(read.next());
        const RowBinding binding = LicenseCache::payloadBinding(read.blob(0));
        auto plain = m_keys.open(int(read.int64(1)), read.blob(2), binding);
        QVERIFY(plain.ok());
        QJsonObject o = QJsonDocument::fromJson(plain.value()).object();
        edit(o);
        auto sealed = m_keys.seal(QJsonDocument(o).toJson(QJsonDocument::Compact), binding);
        QVERIFY(sealed.ok());
        Statement write(*m_db, "UPDATE license SET payload_ct = ?, key_ver = ? WHERE id = ?");
        write.bind(1, sealed->blob).bind(2, qint64(sealed->keyVersion)).bind(3, id);
        QVERIFY(write.run().ok());
    }

    void signedLicencesOfBothAlgorithmsAreVerified()
    {
        apply(
            {upsert(hukou(80, m_husband, QStringLiteral("测试男"), QStringLiteral("址")), 1),
             upsert(marriage(81, m_husband, QStringLiteral("测试男"), m_wife, QStringLiteral("测试女")), 1)},
            QStringLiteral("c"));
        QList<RejectedLicense> rejected;
        const QList<ELicense> got = m_cache->lookupValid(m_husband, m_today, &rejected).value();
        QCOMPARE(got.size(), 2);
        QVERIFY(rejected.isEmpty());
        QStringList algs;
        for (const ELicense& l : got)
            algs << l.signature.alg;
        algs.sort();
        QCOMPARE(algs, (QStringList{QStringLiteral("ECDSA-P256-SHA256"), QStringLiteral("SM2-SM3")}));
    }

    void reencryptedRowWithAnAlteredFieldIsNotUsed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("sm2 face address") << QStringLiteral("hukou");
        QTest::newRow("p256 holder name") << QStringLiteral("marriage");
    }
    void reencryptedRowWithAnAlteredFieldIsNotUsed()
    {
        QFETCH(QString, field);
        const bool isHukou = field == QLatin1String("hukou");
        apply({isHukou ? upsert(hukou(82, m_husband, QStringLiteral("测试男"), QStringLiteral("原址")), 1)
                       : upsert(marriage(82, m_husband, QStringLiteral("测试男"), m_wife,
                                         QStringLiteral("测试女")),
                                1)},
              QStringLiteral("c"));
        QCOMPARE(found(m_husband), 1);
        rewriteRow(1, [isHukou](QJsonObject& o) {
            if (isHukou) {
                QJsonObject face = o.value(QStringLiteral("face")).toObject();
                face.insert(QStringLiteral("KZ_ZZ"), QStringLiteral("改过的地址"));
                o.insert(QStringLiteral("face"), face);
            } else {
                QJsonArray holders = o.value(QStringLiteral("holders")).toArray();
                QJsonObject wife = holders.at(1).toObject();
                wife.insert(QStringLiteral("name"), QStringLiteral("冒名"));
                holders.replace(1, wife);
                o.insert(QStringLiteral("holders"), holders);
            }
        });
        QList<RejectedLicense> rejected;
        auto r = m_cache->lookupValid(m_husband, m_today, &rejected);
        QVERIFY2(r.ok(), why(r));
        QCOMPARE(r->size(), 0);
        QCOMPARE(rejected.size(), 1);
        QVERIFY(rejected.first().verdict == trust::LicenseVerdict::BadSignature);
        QCOMPARE(rejected.first().typeCode, isHukou ? kHukouType : kMarriageType);
    }

    void swappedSignatureIsNotUsed()
    {
        apply({upsert(hukou(83, m_husband, QStringLiteral("测试男"), QStringLiteral("址")), 1),
               upsert(hukou(84, m_wife, QStringLiteral("测试女"), QStringLiteral("址")), 1)},
              QStringLiteral("c"));
        QJsonValue wifeSignature;
        rewriteRow(
            2, [&wifeSignature](QJsonObject& o) { wifeSignature = o.value(QStringLiteral("signature")); });
        rewriteRow(
            1, [&wifeSignature](QJsonObject& o) { o.insert(QStringLiteral("signature"), wifeSignature); });
        QList<RejectedLicense> rejected;
        QCOMPARE(m_cache->lookupValid(m_husband, m_today, &rejected)->size(), 0);
        QCOMPARE(rejected.size(), 1);
        QVERIFY(rejected.first().verdict == trust::LicenseVerdict::BadSignature);
        // A signature removed from the row: unsigned, also never used.
        rewriteRow(2, [](QJsonObject& o) { o.remove(QStringLiteral("signature")); });
        rejected.clear();
        QCOMPARE(m_cache->lookupValid(m_wife, m_today, &rejected)->size(), 0);
        QVERIFY(rejected.value(0).verdict == trust::LicenseVerdict::Unsigned);
    }

    void unsignedOrForeignKeyUpsertsAreRefusedAtIngest()
    {
        ELicense unsignedOne = hukou(85, m_husband, QStringLiteral("测试男"), QStringLiteral("址"));
        LicenseChange plain = upsert(unsignedOne, 1);
        plain.license.signature = {};
        // Signed with the P-256 issuer's key but for the 户口簿 issuer: another issuer's key.
        LicenseChange foreign =
            upsert(hukou(86, m_husband, QStringLiteral("测试男"), QStringLiteral("址")), 1);
        testAuthority().sign(foreign.license, QStringLiteral("test-p256"));
        LicenseChange unknown =
            upsert(hukou(87, m_husband, QStringLiteral("测试男"), QStringLiteral("址")), 1);
        unknown.license.signature.keyId = QStringLiteral("nobody");
        const ApplyOutcome out = apply({plain, foreign, unknown}, QStringLiteral("c"));
        QCOMPARE(out.applied, 0);
        QCOMPARE(out.refused, 3);
        QCOMPARE(out.refusedReason, QStringLiteral("unsigned"));
        QCOMPARE(m_cache->stats()->licenses, 0);
        QCOMPARE(m_cache->cursor().value(), QStringLiteral("c")); // the page still moves the cursor
    }

    void issuerListNotSignedByTheRootIsRefused()
    {
        apply({upsert(hukou(88, m_husband, QStringLiteral("测试男"), QStringLiteral("址")), 1)},
              QStringLiteral("c"));
        // A list signed by another root (same keys, same shape): refused, the stored one kept.
        trust::LicenseAuthority rogue(
            trust::PrivateKey::generate(trust::SignatureAlgorithm::EcdsaP256Sha256).value());
        rogue.addIssuer(QStringLiteral("test-sm2"), kHukouIssuer,
                        trust::PrivateKey::generate(trust::SignatureAlgorithm::Sm2Sm3).value());
        CatalogBlob bad;
        bad.version = QStringLiteral("rogue");
        bad.body = QJsonDocument(QJsonObject{{QStringLiteral("issuer_keys"),
                                              rogue.issuerKeysJson(QStringLiteral("r"))}})
                       .toJson();
        auto s = m_cache->storeCatalog(bad);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, StorageError::Kind::InvalidInput);
        QCOMPARE(m_cache->catalog()->version, QStringLiteral("test-1"));
        QCOMPARE(found(m_husband), 1);
        // A good list whose signature was made over other content (a key swapped in): refused.
        QJsonObject swapped = testAuthority().issuerKeysJson(QStringLiteral("test-2"));
        swapped.insert(QStringLiteral("keys"),
                       rogue.issuerKeysJson(QStringLiteral("test-2"))[QStringLiteral("keys")]);
        bad.body = QJsonDocument(QJsonObject{{QStringLiteral("issuer_keys"), swapped}}).toJson();
        QVERIFY(!m_cache->storeCatalog(bad).ok());
        QCOMPARE(found(m_husband), 1);
        // A kiosk configured with the rogue root trusts no licence of the real issuers.
        m_cache->setTrustRoot(rogue.rootPublicKey());
        QVERIFY(!m_cache->trustProblem().isEmpty());
        QList<RejectedLicense> rejected;
        QCOMPARE(m_cache->lookupValid(m_husband, m_today, &rejected)->size(), 0);
        QVERIFY(rejected.value(0).verdict == trust::LicenseVerdict::NoTrust);
    }

    void withoutARootNoLicenceIsUsed()
    {
        apply({upsert(hukou(89, m_husband, QStringLiteral("测试男"), QStringLiteral("址")), 1)},
              QStringLiteral("c"));
        LicenseCache fresh(*m_db, m_keys); // as a kiosk without [licenses] root_key
        QVERIFY(fresh.trustProblem().contains(QStringLiteral("root_key")));
        QCOMPARE(fresh.lookupValid(m_husband, m_today)->size(), 0);
    }

    void reencryptAfterRotation()
    {
        QTemporaryDir kd;
        KeyStore keys = KeyStore::open(kd.filePath(QStringLiteral("keys")), true).value();
        LicenseCache cache(*m_db, keys);
        installTestTrust(cache);
        DeltaPage page;
        for (int i = 0; i < 7; ++i)
            page.changes.append(
                upsert(hukou(80 + i, m_husband, QStringLiteral("甲"), QStringLiteral("址")), 1));
        QVERIFY(cache.applyPage(page).ok());
        QVERIFY(keys.rotate().ok());
        cache.setKeys(keys);
        QCOMPARE(cache.lookupValid(m_husband, m_today).value().size(), 7);
        QCOMPARE(cache.reencrypt(5).value(), 5);
        QCOMPARE(cache.reencrypt(5).value(), 2);
        QCOMPARE(cache.reencrypt(5).value(), 0);
        QCOMPARE(m_db->queryInt("SELECT COUNT(*) FROM license WHERE key_ver = 2").value(), 7);
        QCOMPARE(cache.lookupValid(m_husband, m_today).value().size(), 7);
    }

    void builderFinishChecksCount()
    {
        const QString path = m_dir.filePath(QStringLiteral("count.new.db"));
        auto b = CacheBuilder::start(path, m_keys);
        QVERIFY(b.ok());
        DeltaPage page;
        page.changes = {upsert(hukou(90, m_husband, QStringLiteral("甲"), QStringLiteral("址")), 1)};
        QVERIFY(b.value()->applyPage(page).ok());
        QCOMPARE(b.value()->finish(2).error().kind, StorageError::Kind::InvalidInput);
        b.value().reset();
        QVERIFY(!QFile::exists(path)); // an unfinished build is removed
    }

    void bigPagePreparedOnTwoThreadsDecryptsWithItsRowBinding()
    {
        QList<LicenseChange> changes;
        for (int i = 0; i < kBigPage; ++i)
            changes.append(upsert(hukou(1000 + i, residentId(1000 + i), QStringLiteral("批%1").arg(i),
                                        QStringLiteral("址%1").arg(i)),
                                  1));
        const ApplyOutcome out = apply(changes, QStringLiteral("big"));
        QCOMPARE(out.applied, kBigPage);
        QCOMPARE(m_cache->cursor().value(), QStringLiteral("big"));
        for (int i = 0; i < kBigPage; ++i) {
            auto r = m_cache->lookupValid(residentId(1000 + i), m_today);
            QVERIFY2(r.ok(), why(r).constData());
            QCOMPARE(r->size(), 1);
            // Each payload is the licence of its own row (not the neighbour's from the other
            // thread's half).
            QCOMPARE(r->first().licenseNo, QStringLiteral("HK%1").arg(1000 + i, 8, 10, QLatin1Char('0')));
            QCOMPARE(r->first().holders.first().name, QStringLiteral("批%1").arg(i));
        }
        // The AAD binds each ciphertext to its row: the first row's (first half) moved onto the
        // last row (second half) fails authentication.
        QVERIFY(
            m_db->exec("UPDATE license SET payload_ct = (SELECT payload_ct FROM license ORDER BY id LIMIT 1) "
                       "WHERE id = (SELECT MAX(id) FROM license)")
                .ok());
        QCOMPARE(m_cache->lookupValid(residentId(1000 + kBigPage - 1), m_today).error().kind,
                 StorageError::Kind::Crypto);
        QVERIFY(m_cache->lookupValid(residentId(1000), m_today).ok());
    }

    void bigPageKeepsHubOrderAndReplaysAreHarmless()
    {
        // One licence three times in a big page (v5, v7, v6: the newest wins wherever it
        // sits), one licence upserted and then deleted, the rest plain inserts.
        const ELicense repeated = hukou(2000, m_husband, QStringLiteral("甲"), QStringLiteral("址"));
        const ELicense dropped = hukou(2001, m_wife, QStringLiteral("乙"), QStringLiteral("址"));
        auto version = [&repeated](const QString& no) {
            ELicense l = repeated;
            l.licenseNo = no;
            return l;
        };
        QList<LicenseChange> changes;
        for (int i = 0; i < kBigPage - 5; ++i) {
            if (i == 10)
                changes.append(upsert(version(QStringLiteral("v5")), 5));
            if (i == 100)
                changes.append(upsert(dropped, 1));
            if (i == 400)
                changes.append(upsert(version(QStringLiteral("v7")), 7));
            if (i == 500)
                changes.append(removal(dropped.licenseId, 2, true));
            if (i == 590)
                changes.append(upsert(version(QStringLiteral("v6")), 6));
            changes.append(
                upsert(hukou(3000 + i, residentId(3000 + i), QStringLiteral("丙"), QStringLiteral("址")), 1));
        }
        QCOMPARE(changes.size(), kBigPage);
        const ApplyOutcome first = apply(changes, QStringLiteral("p1"));
        QCOMPARE(first.applied, kBigPage - 1); // only v6 after v7 is skipped
        QCOMPARE(first.skippedOlder, 1);
        auto r = m_cache->lookupValid(m_husband, m_today);
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->first().licenseNo, QStringLiteral("v7"));
        QCOMPARE(found(m_wife), 0);

        // The whole page replayed (e.g. after a crash before the next cursor): nothing changes.
        const ApplyOutcome again = apply(changes, QStringLiteral("p1"));
        QCOMPARE(again.applied, 0);
        QCOMPARE(again.skippedOlder, kBigPage);
        QCOMPARE(m_cache->lookupValid(m_husband, m_today)->first().licenseNo, QStringLiteral("v7"));
        QCOMPARE(found(m_wife), 0);
        QCOMPARE(m_db->queryInt("SELECT COUNT(*) FROM license").value(), qint64(kBigPage - 3));
    }

    void checkpointIsDeferredUntilTheRunEnds()
    {
        // cache.db copies the WAL into the file every 32,768 frames and when a sync run ends
        // (hasMore false), not after every page. The main file alone (copied without its
        // -wal) shows what has been checkpointed.
        {
            Statement start(*m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
            QVERIFY(start.next());
            QCOMPARE(start.int64(0), qint64(0));
        }
        auto rowsInMainFile = [this](const QString& name) -> qint64 {
            const QString copy = m_dir.filePath(name);
            QFile::remove(copy);
            if (!QFile::copy(m_db->path(), copy))
                return -1;
            auto db = SqliteDb::open(copy, SqliteDb::Mode::ReadWrite);
            if (!db.ok())
                return -1;
            auto n = db.value()->queryInt("SELECT COUNT(*) FROM license");
            return n.ok() ? n.value() : -1;
        };
        // 4 pages of 1,500 licences: > 1,000 WAL frames before the last one, so SQLite's
        // default autocheckpoint would already have copied rows into the file.
        const int pages = 4;
        const int perPage = 1500;
        for (int p = 0; p < pages; ++p) {
            DeltaPage page;
            for (int i = 0; i < perPage; ++i)
                page.changes.append(upsert(hukou(4000 + p * perPage + i, residentId(4000 + i),
                                                 QStringLiteral("丁"), QStringLiteral("址")),
                                           1));
            page.nextCursor = QStringLiteral("run-%1").arg(p);
            page.hasMore = p < pages - 1;
            auto applied = m_cache->applyPage(page);
            QVERIFY2(applied.ok(), why(applied).constData());
            // Committed and visible on this connection at once, checkpointed only at the end.
            QCOMPARE(m_db->queryInt("SELECT COUNT(*) FROM license").value(), qint64((p + 1) * perPage));
            QCOMPARE(rowsInMainFile(QStringLiteral("main-%1.db").arg(p)),
                     page.hasMore ? qint64(0) : qint64(pages * perPage));
        }
        QCOMPARE(m_cache->cursor().value(), QStringLiteral("run-3"));
    }
};

QTEST_GUILESS_MAIN(CacheTest)
#include "tst_cache.moc"
