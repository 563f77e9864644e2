// Signed licences against the reference hub over mutual TLS, on real SQLite files (issue 16
// "Signed licences"): the hub signs with SM2/SM3 (户口簿 issuer) and ECDSA P-256 (结婚证 issuer);
// the kiosk verifies the catalogue's issuer key list against its configured root and every
// licence at use. Unsigned, tampered and rogue-root cases are refused, audited and alarmed.
#include "SyncTestSupport.h"
#include "app/storage/StorageWorker.h"
#include "app/sync/SyncEngine.h"

#include <QTest>

using namespace onewindow;
using namespace onewindow::sync;
using namespace onewindow::testing;

namespace {
const QString kHusband = QStringLiteral("110105198001019010"); // 测试甲: 户口簿 + 结婚证 (男方)
const QString kPersonD = QStringLiteral("110105199007079246"); // 样例丁
} // namespace

class TstSyncSigned : public QObject
{
    Q_OBJECT

    HubProcess m_hub;

    struct Kiosk
    {
        QTemporaryDir state;
        std::unique_ptr<storage::StorageWorker> worker;
        std::shared_ptr<HubClient> client;
        std::unique_ptr<SyncEngine> engine;
    };

    std::unique_ptr<Kiosk> kiosk(const QString& root)
    {
        auto k = std::make_unique<Kiosk>();
        storage::StorageConfig config;
        config.stateDir = k->state.path();
        config.licenseRootKey = root;
        k->worker = std::make_unique<storage::StorageWorker>(config);
        if (!k->worker->open().ok())
            qFatal("storage did not open");
        k->client = std::make_shared<HubClient>(m_hub.config());
        SyncSettings s;
        s.backoffBaseMs = 20;
        s.backoffCapMs = 200;
        s.reconnectJitterMaxMs = 0;
        s.stateDir = k->state.path();
        s.seed = 7;
        Kiosk* raw = k.get();
        k->engine = std::make_unique<SyncEngine>(
            k->client,
            [raw](const std::function<void(storage::StorageWorker&)>& fn) {
                fn(*raw->worker);
                return true;
            },
            s);
        return k;
    }

    static QList<ELicense> lookup(Kiosk& k, const QString& id,
                                  QList<storage::RejectedLicense>* rejected = nullptr)
    {
        auto r = k.worker->cache().lookupValid(id, QDate::currentDate(), rejected);
        if (!r.ok())
            qFatal("lookup failed: %s", qPrintable(r.error().toString()));
        return r.value();
    }

    // license_refused events in audit.db (with their stage in `purpose`).
    static QStringList refusals(Kiosk& k)
    {
        QStringList out;
        auto events = k.worker->audit().recent(1000);
        for (const storage::AuditEvent& e : events.value()) {
            if (e.kind == storage::AuditEvent::Kind::LicenseRefused)
                out << e.purpose + QLatin1Char(':') + e.detail;
        }
        return out;
    }

    void addFixture(int serial, const QString& holder, const QString& fault = {})
    {
        QJsonObject change{{"op", "upsert"},
                           {"fixture", QJsonObject{{"type", "hukou"},
                                                   {"serial", serial},
                                                   {"holders", QJsonArray{QJsonArray{holder, "户主"}}}}}};
        if (!fault.isEmpty())
            change.insert(QStringLiteral("fault"), fault);
        m_hub.admin(QStringLiteral("/admin/licenses/changes"), {{"changes", QJsonArray{change}}});
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_hub.start(&error), qPrintable(error));
    }

    void signedLicencesOfBothAlgorithmsAreVerified()
    {
        auto k = kiosk(m_hub.licenceRoot());
        auto report = k->engine->runCycle(true);
        QVERIFY2(report.streams.value(QStringLiteral("catalog")).ok,
                 qPrintable(report.streams.value(QStringLiteral("catalog")).error));
        QVERIFY(k->worker->cache().trustProblem().isEmpty());
        QList<storage::RejectedLicense> rejected;
        const QList<ELicense> found = lookup(*k, kHusband, &rejected);
        QCOMPARE(found.size(), 2);
        QVERIFY(rejected.isEmpty());
        QStringList algs;
        for (const ELicense& l : found)
            algs << l.signature.alg;
        algs.sort();
        QCOMPARE(algs, (QStringList{QStringLiteral("ECDSA-P256-SHA256"), QStringLiteral("SM2-SM3")}));
        const storage::WriteProbe probe = k->worker->probeWritable();
        QCOMPARE(probe.licencesRefused, 0);
        QVERIFY(probe.licenceTrustProblem.isEmpty());
    }

    void unsignedLicenceFromTheHubIsRefused()
    {
        auto k = kiosk(m_hub.licenceRoot());
        k->engine->runCycle(true);
        const int before = int(lookup(*k, kPersonD).size());
        addFixture(50, QStringLiteral("d"), QStringLiteral("unsigned"));
        auto report = k->engine->runCycle(true);
        const auto lr = report.streams.value(QStringLiteral("licenses"));
        QVERIFY2(lr.ok, qPrintable(lr.error));
        QCOMPARE(lr.applied, 0);
        QCOMPARE(int(lookup(*k, kPersonD).size()), before);
        QVERIFY2(refusals(*k).join(QLatin1Char(' ')).contains(QStringLiteral("ingest:unsigned")),
                 qPrintable(refusals(*k).join(QLatin1Char(' '))));
        const storage::WriteProbe probe = k->worker->probeWritable();
        QVERIFY(probe.licencesRefused >= 1);
        QVERIFY(probe.lastLicenceRefusal.contains(QStringLiteral("unsigned")));
    }

    void licenceChangedAfterSigningIsNeverUsed()
    {
        // Well-formed (its key is known) so ingest stores it; the signature check at use
        // refuses it.
        auto k = kiosk(m_hub.licenceRoot());
        k->engine->runCycle(true);
        const int before = int(lookup(*k, kPersonD).size());
        addFixture(51, QStringLiteral("d"), QStringLiteral("tampered"));
        auto report = k->engine->runCycle(true);
        QCOMPARE(report.streams.value(QStringLiteral("licenses")).applied, 1);
        QList<storage::RejectedLicense> rejected;
        QCOMPARE(int(lookup(*k, kPersonD, &rejected).size()), before);
        QCOMPARE(rejected.size(), 1);
        QVERIFY(rejected.first().verdict == trust::LicenseVerdict::BadSignature);
    }

    void issuerListNotSignedByTheRootIsRefused()
    {
        auto k = kiosk(m_hub.licenceRoot());
        k->engine->runCycle(true);
        const QString version = k->worker->cache().catalog()->version;
        QCOMPARE(lookup(*k, kHusband).size(), 2);
        m_hub.admin(QStringLiteral("/admin/catalog"), {{"version", "rogue-1"}, {"issuer_signer", "rogue"}});
        auto report = k->engine->runCycle(true);
        const auto cr = report.streams.value(QStringLiteral("catalog"));
        QVERIFY(!cr.ok);
        QVERIFY2(cr.error.contains(QStringLiteral("issuer keys refused")), qPrintable(cr.error));
        QCOMPARE(k->worker->cache().catalog()->version, version); // the verified one is kept
        QCOMPARE(lookup(*k, kHusband).size(), 2);
        QVERIFY(refusals(*k).join(QLatin1Char(' ')).contains(QStringLiteral("catalog:")));
        m_hub.admin(QStringLiteral("/admin/catalog"), {{"version", "good-2"}}); // back to the real root
    }

    void kioskWithAnotherRootUsesNoLicence()
    {
        auto k = kiosk(m_hub.rogueLicenceRoot());
        auto report = k->engine->runCycle(true);
        QVERIFY(!report.streams.value(QStringLiteral("catalog")).ok);
        QVERIFY(!k->worker->cache().trustProblem().isEmpty());
        QList<storage::RejectedLicense> rejected;
        QCOMPARE(lookup(*k, kHusband, &rejected).size(), 0);
        QCOMPARE(rejected.size(), 2);
        QVERIFY(rejected.first().verdict == trust::LicenseVerdict::NoTrust);
        QVERIFY(!k->worker->probeWritable().licenceTrustProblem.isEmpty());
    }

    void kioskWithoutARootUsesNoLicence()
    {
        auto k = kiosk(QString());
        k->engine->runCycle(true);
        QCOMPARE(lookup(*k, kHusband).size(), 0);
        QVERIFY(k->worker->probeWritable().licenceTrustProblem.contains(QStringLiteral("root_key")));
    }

    void cleanupTestCase() { m_hub.stop(); }
};

QTEST_GUILESS_MAIN(TstSyncSigned)
#include "tst_sync_signed.moc"
