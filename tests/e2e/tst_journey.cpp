// The resident journey end to end with the real kiosk binary offscreen (issue 6): card →
// service item → form prefilled from the card and e-licences → a missing entry typed on the
// virtual keyboard and the digit pad → review → submit → receipt (待提交) → rating → card
// removed → wipe, then no identity string in any controller or QML property.
//
// The reference hub (issue 5) is not wired into the kiosk yet, so this is the hub-less path:
// the submission waits in the outbox and the test checks the exact JSON that will be sent by
// opening the kiosk's outbox.db after it quit.
#include "KioskProcess.h"
#include "app/storage/StorageWorker.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

namespace {
// resources/demo/identities.json entry 0 and her spouse in licenses.json.
const QStringList kSecrets = {
    QStringLiteral("110105195803120029"), QStringLiteral("张测试"), QStringLiteral("李样例"),
    QStringLiteral("北京市朝阳区示例路88号院3号楼2单元501室"), QStringLiteral("13800138000")};
const QString kHukou = QStringLiteral("11100000000013127D002");
const QString kMarriage = QStringLiteral("11100000000013127D005");
const QString kProperty = QStringLiteral("11100000000013127D021");

QMap<QString, QString> demoLicenseIds()
{
    QFile f(qEnvironmentVariable("ONEWINDOW_SOURCE_DIR") + QStringLiteral("/resources/demo/licenses.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QMap<QString, QString> ids; // type code → licence id, for resident 0
    for (const QJsonValue& c : QJsonDocument::fromJson(f.readAll())[QStringLiteral("changes")].toArray()) {
        const QJsonObject l = c[QStringLiteral("license")].toObject();
        for (const QJsonValue& h : l[QStringLiteral("holders")].toArray()) {
            if (h[QStringLiteral("code")].toString() == kSecrets[0] &&
                !ids.contains(l[QStringLiteral("type_code")].toString()))
                ids.insert(l[QStringLiteral("type_code")].toString(),
                           l[QStringLiteral("license_id")].toString());
        }
    }
    return ids;
}
} // namespace

class TestJourney : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void residentJourneyOffline()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(qEnvironmentVariable("ONEWINDOW_KIOSK")), "kiosk binary not built");
        const QString config = m_dir.filePath(QStringLiteral("kiosk.conf"));
        {
            QFile conf(config);
            QVERIFY(conf.open(QIODevice::WriteOnly));
            conf.write("[sim]\nread_delay_ms=50\n[ui]\ndefault_language=zh_CN\n"
                       // A real engine spawns speech-dispatcher, which outlives the test; speech
                       // is covered by tst_speech_speaker and the QML tests.
                       "[speech]\nenabled=false\n");
        }
        const QString state = m_dir.filePath(QStringLiteral("state"));
        Kiosk kiosk(state, config);
        QVERIFY(kiosk.process.waitForStarted(5000));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen attractScreen")));

        // Card → prefilled form, timed as the resident would go through it with instant taps.
        QElapsedTimer prefill;
        prefill.start();
        QVERIFY(kiosk.run(QStringLiteral("place 0")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        QVERIFY(kiosk.run(QStringLiteral("tap serviceButton")));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen catalogScreen")));
        QVERIFY(kiosk.run(QStringLiteral("tap category_huji")));
        QVERIFY(kiosk.run(QStringLiteral("tap item_1"))); // 户口迁入（夫妻投靠）: every licence binding kind
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen itemDetailScreen")));
        QVERIFY(kiosk.run(QStringLiteral("tap startButton")));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen consentScreen")));
        QVERIFY(kiosk.run(QStringLiteral("tap acceptButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state filling_form")));
        const qint64 prefillMs = prefill.elapsed();
        std::printf("BENCH e2e card_to_prefilled_form_ms=%lld (sim read delay 50 ms, licence lookup on the "
                    "storage thread)\n",
                    static_cast<long long>(prefillMs));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen formScreen")));
        // On screen and in every property the licence data is masked (李**, not the name).
        QVERIFY(kiosk.run(QStringLiteral("find ") + kSecrets[2], QStringLiteral("found 0")));
        QVERIFY(kiosk.run(QStringLiteral("find ") + kSecrets[3], QStringLiteral("found 0")));

        // Bound fields are read-only: the licence values are there without typing.
        QVERIFY(kiosk.run(QStringLiteral("tap field_husband/wrongDataButton")));
        // The missing entries: one on the pinyin keyboard ("beijing" → 北京), numbers on the
        // digit pads.
        QVERIFY(kiosk.run(QStringLiteral("tap field_from_region/input")));
        QTest::qWait(300); // the keyboard slides in
        QVERIFY(kiosk.run(QStringLiteral("type beijing")));
        QVERIFY(kiosk.run(QStringLiteral("tap field_moving_people/digit_2")));
        // Review refuses while the phone is missing and shows why.
        QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
        QVERIFY(kiosk.run(QStringLiteral("journey"), QStringLiteral("journey form none")));
        QVERIFY(kiosk.run(QStringLiteral("tap field_phone/error"), QStringLiteral("ok tap")));
        for (const QChar d : QStringLiteral("13800138000"))
            QVERIFY(kiosk.run(QStringLiteral("tap field_phone/digit_") + d));
        QVERIFY(kiosk.run(QStringLiteral("tap reviewButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state reviewing")));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen reviewScreen")));
        QVERIFY(kiosk.run(QStringLiteral("tap submitButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state receipt")));
        QVERIFY(kiosk.run(QStringLiteral("screen"), QStringLiteral("screen receiptScreen")));
        QVERIFY(kiosk.run(QStringLiteral("journey"),
                          QStringLiteral("journey receipt pending"))); // 待提交: no hub
        QVERIFY(kiosk.run(QStringLiteral("tap qrCode")));

        // 好差评: nothing preselected, so sending needs a level first.
        QVERIFY(kiosk.run(QStringLiteral("tap rateButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state rating")));
        QVERIFY(kiosk.run(QStringLiteral("tap level_4")));
        QVERIFY(kiosk.run(QStringLiteral("tap indicator_501")));
        QVERIFY(kiosk.run(QStringLiteral("tap anonymous")));
        QVERIFY(kiosk.run(QStringLiteral("tap sendRatingButton")));
        QTest::qWait(300);
        QVERIFY(kiosk.run(QStringLiteral("journey"), QStringLiteral("journey rated pending")));

        // Lifting the card after the receipt keeps the receipt (issue 19.5); 结束办理 wipes.
        QVERIFY(kiosk.run(QStringLiteral("remove")));
        QVERIFY(kiosk.run(QStringLiteral("state"), QStringLiteral("state rating")));
        QVERIFY(kiosk.run(QStringLiteral("tap finishButton")));
        QVERIFY(kiosk.expect(QStringLiteral("state wiping")));
        QVERIFY(kiosk.expect(QStringLiteral("state attract")));
        for (const QString& secret : kSecrets)
            QVERIFY2(kiosk.run(QStringLiteral("find ") + secret, QStringLiteral("found 0")),
                     qPrintable(secret));
        QVERIFY(kiosk.run(QStringLiteral("quit")));
        QVERIFY(kiosk.process.waitForFinished(10000));
        QCOMPARE(kiosk.process.exitCode(), 0);

        const QString stdErr = QString::fromUtf8(kiosk.process.readAllStandardError());
        QStringList bad;
        for (const QString& line : stdErr.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (!line.startsWith(QLatin1String("debug onewindow.")) &&
                !line.startsWith(QLatin1String("info onewindow.")))
                bad << line;
        }
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
        const QString stdOut = kiosk.out.join(QLatin1Char('\n'));
        for (const QString& secret : kSecrets) {
            QVERIFY2(!stdErr.contains(secret), "identity field in stderr");
            QVERIFY2(!stdOut.contains(secret.left(6) == QLatin1String("110105") ? secret : secret),
                     "identity field in stdout");
        }

        // What the hub will receive: exactly this payload, from the kiosk's own outbox.
        storage::StorageConfig sc;
        sc.stateDir = state;
        sc.createKeys = false;
        storage::StorageWorker worker(sc);
        QVERIFY(worker.open().ok());
        auto entries = worker.outbox().entries();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 2);
        const storage::OutboxEntry* submission = nullptr;
        for (const storage::OutboxEntry& e : entries.value()) {
            if (e.kind == QLatin1String("submission"))
                submission = &e;
        }
        QVERIFY(submission);
        QCOMPARE(submission->state, storage::OutboxState::Queued);
        QCOMPARE(submission->applicantMask, QStringLiteral("张**"));
        auto payload = worker.outbox().payload(submission->itemId);
        QVERIFY(payload.ok());
        QJsonObject actual = QJsonDocument::fromJson(payload.value()).object();
        QJsonArray consents = actual.take(QStringLiteral("consents")).toArray();
        QCOMPARE(consents.size(), 1);
        QCOMPARE(consents[0][QStringLiteral("text_version")].toString(),
                 QStringLiteral("pipl-notice-2026.1"));
        QVERIFY(QDateTime::fromString(consents[0][QStringLiteral("accepted_at")].toString(), Qt::ISODate)
                    .isValid());

        const QMap<QString, QString> ids = demoLicenseIds();
        QVERIFY(ids.contains(kHukou) && ids.contains(kMarriage) && ids.contains(kProperty));
        auto bound = [](const char* field, const QString& binding, const QString& license = {}) {
            QJsonObject o{{QStringLiteral("field"), QLatin1String(field)},
                          {QStringLiteral("binding"), binding}};
            if (!license.isEmpty())
                o.insert(QStringLiteral("license_id"), license);
            return o;
        };
        const QJsonObject expected{
            {QStringLiteral("schema_version"), 1},
            {QStringLiteral("channel"), QStringLiteral("KIOSK")},
            {QStringLiteral("data"),
             QJsonObject{
                 {QStringLiteral("name"), kSecrets[1]},
                 {QStringLiteral("id_number"), kSecrets[0]},
                 {QStringLiteral("husband"), kSecrets[2]},
                 {QStringLiteral("wife"), kSecrets[1]},
                 {QStringLiteral("property_address"), kSecrets[3]},
                 {QStringLiteral("property_no"), QStringLiteral("京(2020)朝阳区不动产权第9000003号")},
                 {QStringLiteral("moving_people"), QStringLiteral("2")},
                 {QStringLiteral("from_region"), QStringLiteral("北京")}, // "beijing" on the pinyin keyboard
                 {QStringLiteral("phone"), QStringLiteral("+86") + kSecrets[4]}}}, // E.164 (issue 19)
            {QStringLiteral("bindings_used"),
             QJsonArray{bound("name", QStringLiteral("idcard.name")),
                        bound("id_number", QStringLiteral("idcard.id_number")),
                        bound("husband", QStringLiteral("license[%1].holders[男方].name").arg(kMarriage),
                              ids[kMarriage]),
                        bound("wife", QStringLiteral("license[%1].holders[女方].name").arg(kMarriage),
                              ids[kMarriage]),
                        bound("property_address", QStringLiteral("license[%1].face.KZ_ZL").arg(kProperty),
                              ids[kProperty]),
                        bound("property_no", QStringLiteral("license[%1].license_no").arg(kProperty),
                              ids[kProperty])}},
            {QStringLiteral("materials"),
             QJsonArray{QJsonObject{{QStringLiteral("material_id"), QStringLiteral("M1")},
                                    {QStringLiteral("mode"), QStringLiteral("LICENSE")},
                                    {QStringLiteral("license_id"), ids[kHukou]}},
                        QJsonObject{{QStringLiteral("material_id"), QStringLiteral("M2")},
                                    {QStringLiteral("mode"), QStringLiteral("LICENSE")},
                                    {QStringLiteral("license_id"), ids[kMarriage]}},
                        QJsonObject{{QStringLiteral("material_id"), QStringLiteral("M3")},
                                    {QStringLiteral("mode"), QStringLiteral("LICENSE")},
                                    {QStringLiteral("license_id"), ids[kProperty]}},
                        QJsonObject{{QStringLiteral("material_id"), QStringLiteral("M4")},
                                    {QStringLiteral("mode"), QStringLiteral("COUNTER")}}}},
        };
        if (actual != expected) {
            qWarning("actual:   %s", QJsonDocument(actual).toJson(QJsonDocument::Compact).constData());
            qWarning("expected: %s", QJsonDocument(expected).toJson(QJsonDocument::Compact).constData());
        }
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(TestJourney)
#include "tst_journey.moc"
