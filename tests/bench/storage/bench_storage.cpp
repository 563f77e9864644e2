// Storage benchmark (issue 4, DESIGN.md §13): prints figures, asserts nothing.
//   durable enqueue p50/p99 (outbox.db, WAL + synchronous=FULL), with and without the
//   per-enqueue checkpoint, beside a bare sqlite3 insert loop with the same pragmas;
//   an N-licence cache: full build (cache.new.db) time, delta ingest rate, lookup+decrypt
//   p50/p99, file size, beside a bare sqlite3 table of the same size (insert + key lookup).
// Usage: bench_storage [--licenses N] [--enqueues M] [--lookups K] [--dir DIR]
// Long run (the issue's figure): bench_storage --licenses 1000000
#include "app/storage/CacheReload.h"
#include "app/storage/DatabaseOpener.h"
#include "app/storage/OutboxStore.h"
#include "app/storage/StorageConfig.h"
#include "tests/unit/app/storage/StorageFixtures.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <sqlite3.h>
#include <sys/resource.h>

using namespace onewindow;
using namespace onewindow::storage;
using namespace onewindow::testing;

namespace {

struct Percentiles
{
    double p50 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(QList<double> v)
{
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return {};
    auto at = [&](double q) {
        return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(q * double(v.size()))));
    };
    return {at(0.50), at(0.99), v.last()};
}

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// CPU seconds of the whole process (all threads, user + system): with a loaded shared VM the
// wall clock mostly measures the neighbours, the CPU time what this code costs.
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto sec = [](const timeval& tv) {
        return double(tv.tv_sec) + double(tv.tv_usec) / 1e6;
    };
    return sec(u.ru_utime) + sec(u.ru_stime);
}

qint64 fileBytes(const QString& path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

QString argValue(const QStringList& args, const QString& name, const QString& fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

ELicense benchLicense(qint64 n)
{
    ELicense l = hukou(n, residentId(int(n)), QStringLiteral("测试%1").arg(n),
                       QStringLiteral("北京市东城区样例胡同%1号").arg(n % 1000));
    if (n % 2) // half SM2/SM3, half ECDSA P-256 (StorageFixtures' two test issuers)
        l.issuerCode = kMarriageIssuer;
    return l;
}

// Licences whose holder the lookup phase asks for carry real signatures (verified at every
// lookup, as in production); signing all 1,000,000 (SM2 ≈ 0.3 ms each) would only slow the
// set-up. The others carry a well-formed placeholder: ingest checks the shape, not the
// cryptography (docs/storage.md "Signed licences"), so the ingest figure is unaffected.
LicenseChange benchChange(qint64 n, qint64 version, const QSet<qint64>& lookedUp)
{
    if (lookedUp.contains(n))
        return upsert(benchLicense(n), version);
    LicenseChange c;
    c.hubVersion = version;
    c.license = benchLicense(n);
    c.license.sync.hubVersion = version;
    c.license.signature.keyId = testAuthority().keyIdFor(c.license.issuerCode);
    c.license.signature.alg = n % 2 ? QStringLiteral("ECDSA-P256-SHA256") : QStringLiteral("SM2-SM3");
    c.license.signature.value = QByteArray(71, '\x30');
    return c;
}

// The bare loop: same pragmas, same statement shape, no crypto, no triggers, no indexes.
class BareOutbox
{
public:
    explicit BareOutbox(const QString& path)
    {
        sqlite3_open(path.toUtf8().constData(), &m_db);
        sqlite3_exec(
            m_db,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE q (id INTEGER PRIMARY KEY, "
            "k TEXT UNIQUE, v BLOB) STRICT;",
            nullptr, nullptr, nullptr);
        sqlite3_prepare_v2(m_db, "INSERT INTO q (k, v) VALUES (?, ?)", -1, &m_st, nullptr);
    }
    ~BareOutbox()
    {
        sqlite3_finalize(m_st);
        sqlite3_close(m_db);
    }
    void insert(int i, const QByteArray& blob)
    {
        const QByteArray key = QByteArray::number(i) + "-key";
        sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_text(m_st, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(m_st, 2, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
        sqlite3_step(m_st);
        sqlite3_reset(m_st);
        sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_st = nullptr;
};

struct BareCache
{
    double buildMs = 0;
    double deltaMs = 0; // `delta` random rows get a new value, pages of `pageSize` per transaction
    double deltaCpu = 0;
    Percentiles lookup;
    qint64 bytes = 0;
};

BareCache bareCache(const QString& path, qint64 n, qint64 delta, int payloadBytes, int lookups, int pageSize)
{
    BareCache out;
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
                 "CREATE TABLE l (id INTEGER PRIMARY KEY, k BLOB NOT NULL UNIQUE, v BLOB) STRICT;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO l (k, v) VALUES (?, ?)", -1, &ins, nullptr);
    QByteArray blob(payloadBytes, '\0');
    QRandomGenerator rng(1);
    QElapsedTimer t;
    t.start();
    for (qint64 i = 0; i < n; ++i) {
        if (i % pageSize == 0)
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        const QByteArray key = crypto::sha256(QByteArray::number(i));
        rng.fillRange(reinterpret_cast<quint32*>(blob.data()), blob.size() / 4);
        sqlite3_bind_blob(ins, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(ins, 2, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
        sqlite3_step(ins);
        sqlite3_reset(ins);
        if (i % pageSize == pageSize - 1 || i == n - 1)
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    out.buildMs = ms(t);
    sqlite3_finalize(ins);
    // The same delta shape as the real one: look the key up, then rewrite the row's value.
    sqlite3_stmt* find = nullptr;
    sqlite3_stmt* upd = nullptr;
    sqlite3_prepare_v2(db, "SELECT id FROM l WHERE k = ?", -1, &find, nullptr);
    sqlite3_prepare_v2(db, "UPDATE l SET v = ? WHERE id = ?", -1, &upd, nullptr);
    // The checkpoint policy of cache.db (DatabaseOpener::cacheSpec, LicenseCache::applyPage).
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint = 32768", nullptr, nullptr,
                 nullptr);
    const double cpuBefore = cpuSeconds();
    t.restart();
    for (qint64 i = 0; i < delta; ++i) {
        if (i % pageSize == 0)
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        const QByteArray key = crypto::sha256(QByteArray::number((i * 7919) % n));
        rng.fillRange(reinterpret_cast<quint32*>(blob.data()), blob.size() / 4);
        sqlite3_bind_blob(find, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(find) == SQLITE_ROW) {
            sqlite3_bind_blob(upd, 1, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(upd, 2, sqlite3_column_int64(find, 0));
            sqlite3_step(upd);
            sqlite3_reset(upd);
        }
        sqlite3_reset(find);
        if (i % pageSize == pageSize - 1 || i == delta - 1)
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    out.deltaMs = ms(t);
    out.deltaCpu = cpuSeconds() - cpuBefore;
    sqlite3_finalize(find);
    sqlite3_finalize(upd);
    sqlite3_stmt* sel = nullptr;
    sqlite3_prepare_v2(db, "SELECT v FROM l WHERE k = ?", -1, &sel, nullptr);
    QList<double> times;
    for (int i = 0; i < lookups; ++i) {
        const QByteArray key = crypto::sha256(QByteArray::number(qint64(rng.bounded(quint32(n)))));
        QElapsedTimer lt;
        lt.start();
        sqlite3_bind_blob(sel, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(sel) == SQLITE_ROW)
            (void)sqlite3_column_bytes(sel, 0);
        sqlite3_reset(sel);
        times.append(ms(lt));
    }
    sqlite3_finalize(sel);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    out.lookup = percentiles(times);
    out.bytes = fileBytes(path);
    return out;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 licenses =
        argValue(args, QStringLiteral("--licenses"), QStringLiteral("20000")).toLongLong();
    const int enqueues = argValue(args, QStringLiteral("--enqueues"), QStringLiteral("500")).toInt();
    const int lookups = argValue(args, QStringLiteral("--lookups"), QStringLiteral("2000")).toInt();
    QTemporaryDir temp(argValue(args, QStringLiteral("--dir"), QDir::tempPath()) +
                       QStringLiteral("/bench-storage-XXXXXX"));
    const QString dir = temp.path();
    const int pageSize = 5000;
    KeyStore keys = KeyStore::open(dir + QStringLiteral("/keys"), true).value();

    std::printf("# OneWindow storage benchmark: %lld licences, %d enqueues, %d lookups, dir %s\n",
                qlonglong(licenses), enqueues, lookups, qPrintable(dir));
    std::printf("# SQLite %s\n", sqlite3_libversion());

    // --- durable enqueue -------------------------------------------------------------------
    const QByteArray form = QStringLiteral(R"({"applicant":{"name":"测试","id":"%1","phone":"13800000000"},)"
                                           R"("address":"北京市东城区样例胡同1号","fields":{"reason":"%2"}})")
                                .arg(residentId(1), QString(1200, QLatin1Char('x')))
                                .toUtf8();
    // The three variants run round-robin, one item each in turn, so that they see the same
    // machine load (fsync latency on a shared VM drifts by 10x within a minute).
    auto openOutbox = [&](const QString& name, bool checkpoint) {
        auto db = DatabaseOpener::open(DatabaseOpener::outboxSpec(dir + QStringLiteral("/") + name), nullptr)
                      .value();
        auto outbox = std::make_unique<OutboxStore>(*db, keys);
        outbox->setCheckpointAfterEnqueue(checkpoint);
        return std::make_pair(std::move(db), std::move(outbox));
    };
    auto a = openOutbox(QStringLiteral("outbox-a.db"), true);
    auto b = openOutbox(QStringLiteral("outbox-b.db"), false);
    BareOutbox bareDb(dir + QStringLiteral("/bare-outbox.db"));
    const QByteArray bareBlob(int(form.size()) + crypto::kSealOverhead, 'b');
    QList<double> ta, tb, tc;
    for (int i = 0; i < enqueues; ++i) {
        for (auto* variant : {&a, &b}) {
            Submission s;
            s.serviceItemCode = QStringLiteral("BENCH");
            s.applicantIdNumber = residentId(i);
            s.applicantName = QStringLiteral("测试");
            s.payload = form;
            QElapsedTimer t;
            t.start();
            if (!variant->second->enqueue(s).ok())
                std::printf("enqueue failed\n");
            (variant == &a ? ta : tb).append(ms(t));
        }
        QElapsedTimer t;
        t.start();
        bareDb.insert(i, bareBlob);
        tc.append(ms(t));
    }
    const Percentiles withCkpt = percentiles(ta);
    const Percentiles noCkpt = percentiles(tb);
    const Percentiles bare = percentiles(tc);
    std::printf("\n## durable enqueue (%d items, %lld-byte form, WAL + synchronous=FULL)\n", enqueues,
                qlonglong(form.size()));
    std::printf("%-44s %9s %9s %9s\n", "", "p50 ms", "p99 ms", "max ms");
    std::printf("%-44s %9.3f %9.3f %9.3f\n", "OutboxStore::enqueue (+checkpoint, default)", withCkpt.p50,
                withCkpt.p99, withCkpt.max);
    std::printf("%-44s %9.3f %9.3f %9.3f\n", "OutboxStore::enqueue (no checkpoint)", noCkpt.p50, noCkpt.p99,
                noCkpt.max);
    std::printf("%-44s %9.3f %9.3f %9.3f\n", "bare sqlite3 insert txn", bare.p50, bare.p99, bare.max);
    std::printf("%-44s %9.2f %9.2f\n", "ratio default / bare", withCkpt.p50 / bare.p50,
                withCkpt.p99 / bare.p99);

    // --- licence cache -----------------------------------------------------------------------
    StorageConfig config;
    config.stateDir = dir;
    // The residents the lookup phase asks for (the same seeded draw as before signatures).
    QRandomGenerator rng(7);
    QList<qint64> lookupOrder;
    for (int i = 0; i < lookups; ++i)
        lookupOrder.append(qint64(rng.bounded(quint32(licenses))));
    const QSet<qint64> lookedUp(lookupOrder.cbegin(), lookupOrder.cend());
    // Only storage work is timed: the fixture licences are generated outside the clock.
    double buildMs = 0;
    qint64 ctBytes = 0;
    {
        QElapsedTimer t;
        t.start();
        auto builder =
            CacheBuilder::start(config.cacheNewPath(), keys, testAuthority().rootPublicKey()).value();
        if (!builder->storeCatalog(testCatalogBlob()).ok()) // the signed issuer key list
            std::printf("catalogue refused\n");
        buildMs += ms(t);
        for (qint64 first = 0; first < licenses; first += pageSize) {
            DeltaPage page;
            for (qint64 n = first; n < std::min(licenses, first + pageSize); ++n)
                page.changes.append(benchChange(n, 1, lookedUp));
            page.nextCursor = QStringLiteral("snap-%1").arg(first);
            page.hasMore = first + pageSize < licenses;
            t.restart();
            if (!builder->applyPage(page).ok())
                std::printf("build page failed\n");
            buildMs += ms(t);
        }
        t.restart();
        if (!builder->finish(licenses).ok())
            std::printf("finish failed\n");
        buildMs += ms(t);
    }
    std::unique_ptr<SqliteDb> live;
    QElapsedTimer swapTimer;
    swapTimer.start();
    if (!swapInCache(live, config.cachePath(), config.cacheNewPath(), nullptr).ok())
        std::printf("swap failed\n");
    const double swapMs = ms(swapTimer);
    buildMs += swapMs;
    {
        Statement st(*live, "SELECT AVG(length(payload_ct)) FROM license");
        if (st.next())
            ctBytes = st.int64(0);
    }

    LicenseCache cache(*live, keys);
    cache.setTrustRoot(testAuthority().rootPublicKey()); // issuer keys: the stored catalogue
    const qint64 delta = std::max<qint64>(std::min<qint64>(licenses / 10, 200000), 1000);
    double ingestMs = 0;
    double lastPageMs = 0;
    double ingestCpu = 0;
    // Phase markers on stderr, so a profiler can be attached to one phase (docs/storage.md).
    std::fprintf(stderr, "phase: delta ingest\n");
    for (qint64 first = 0; first < delta; first += pageSize) {
        DeltaPage page;
        for (qint64 n = first; n < std::min(delta, first + pageSize); ++n)
            page.changes.append(benchChange((n * 7919) % licenses, 2 + n / licenses, lookedUp));
        page.nextCursor = QStringLiteral("delta-%1").arg(first);
        // The last page ends the sync run: applyPage checkpoints the WAL into the file then,
        // and that time is part of the ingest figure (printed apart as well).
        page.hasMore = first + pageSize < delta;
        QElapsedTimer t;
        t.start();
        const double cpuBefore = cpuSeconds();
        if (!cache.applyPage(page).ok())
            std::printf("delta page failed\n");
        ingestCpu += cpuSeconds() - cpuBefore;
        const double pageMs = ms(t);
        ingestMs += pageMs;
        if (!page.hasMore)
            lastPageMs = pageMs;
    }

    std::fprintf(stderr, "phase: lookups\n");
    QList<double> lookupTimes;
    int found = 0;
    int rejected = 0;
    for (const qint64 n : lookupOrder) {
        const QString id = residentId(int(n));
        QList<RejectedLicense> refused;
        QElapsedTimer t;
        t.start();
        auto r = cache.lookupValid(id, QDate::currentDate(), &refused);
        lookupTimes.append(ms(t));
        if (r.ok())
            found += int(r->size());
        rejected += int(refused.size());
    }
    const Percentiles lookup = percentiles(lookupTimes);
    live->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const qint64 cacheBytes = fileBytes(config.cachePath());

    std::fprintf(stderr, "phase: bare sqlite3\n");
    const BareCache bareC =
        bareCache(dir + QStringLiteral("/bare-cache.db"), licenses, delta, int(ctBytes), lookups, pageSize);

    std::printf("\n## licence cache (%lld licences, avg ciphertext %lld B, pages of %d)\n",
                qlonglong(licenses), qlonglong(ctBytes), pageSize);
    std::printf("full build into cache.new.db + swap: %.1f s (%.0f licences/s); bare sqlite3 insert: %.1f s "
                "(%.0f rows/s); ratio %.2f\n",
                buildMs / 1000, double(licenses) / (buildMs / 1000), bareC.buildMs / 1000,
                double(licenses) / (bareC.buildMs / 1000), buildMs / bareC.buildMs);
    std::printf("swap (close, rename, reopen with quick_check): %.1f ms\n", swapMs);
    std::printf("delta ingest (newer versions, live cache.db): %lld in %.1f s = %.0f licences/s\n",
                qlonglong(delta), ingestMs / 1000, double(delta) / (ingestMs / 1000));
    std::printf("  of which the last page (with the end-of-run checkpoint): %.1f s\n", lastPageMs / 1000);
    std::printf("  CPU time (all threads): %.1f s = %.1f us/licence (%.0f licences per CPU-second)\n",
                ingestCpu, ingestCpu * 1e6 / double(delta), double(delta) / ingestCpu);
    std::printf("bare sqlite3 delta (key lookup + row rewrite, same pages): %.1f s = %.0f rows/s\n",
                bareC.deltaMs / 1000, double(delta) / (bareC.deltaMs / 1000));
    std::printf("  CPU time: %.1f s = %.1f us/row\n", bareC.deltaCpu, bareC.deltaCpu * 1e6 / double(delta));
    std::printf("%-44s %9s %9s %9s\n", "", "p50 ms", "p99 ms", "max ms");
    std::printf("%-44s %9.3f %9.3f %9.3f\n", "lookup + decrypt by ID (blind index)", lookup.p50, lookup.p99,
                lookup.max);
    std::printf("%-44s %9.3f %9.3f %9.3f\n", "bare sqlite3 key lookup", bareC.lookup.p50, bareC.lookup.p99,
                bareC.lookup.max);
    std::printf("%-44s %9.2f %9.2f\n", "ratio", lookup.p50 / bareC.lookup.p50, lookup.p99 / bareC.lookup.p99);
    std::printf("licences found in %d lookups: %d (each signature verified; refused: %d)\n", lookups, found,
                rejected);
    // What one verification costs, per algorithm (the part of a lookup that signatures add).
    for (const bool sm2 : {true, false}) {
        ELicense l = signedLicense(benchLicense(sm2 ? 0 : 1));
        const auto ring = trust::IssuerKeyring::fromJson(
            testAuthority().issuerKeysJson(QStringLiteral("test-1")), testAuthority().rootPublicKey());
        QList<double> times;
        for (int i = 0; i < 300; ++i) {
            QElapsedTimer t;
            t.start();
            if (ring->verify(l) != trust::LicenseVerdict::Verified)
                std::printf("verify failed\n");
            times.append(ms(t));
        }
        const Percentiles v = percentiles(times);
        std::printf("%-44s %9.3f %9.3f %9.3f\n",
                    sm2 ? "signature verify SM2-SM3" : "signature verify ECDSA-P256-SHA256", v.p50, v.p99,
                    v.max);
    }
    std::printf("file size: cache.db %.1f MB (%.0f B/licence); bare %.1f MB\n", double(cacheBytes) / 1e6,
                double(cacheBytes) / double(licenses), double(bareC.bytes) / 1e6);
    return 0;
}
