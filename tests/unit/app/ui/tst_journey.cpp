// The journey controllers against the real storage (temporary state directory, real SQLite
// files) and the demo catalogue and licences: consent before licences, prefill, validation in
// the resident's language, durable enqueue before the receipt, rating, offline progress, wipe.
#include "app/catalog/Catalog.h"
#include "app/storage/StorageService.h"
#include "app/ui/CatalogController.h"
#include "app/ui/DemoLicences.h"
#include "app/ui/FormController.h"
#include "app/ui/JourneyController.h"
#include "app/ui/LocalProgressSource.h"
#include "app/ui/QrCode.h"
#include "app/ui/ReceiptPrinter.h"
#include "app/ui/ResidentMessages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using State = ResidentSession::State;

namespace {
const QString kReader = QStringLiteral("sim");

QString source(const char* rel)
{
    return qEnvironmentVariable("ONEWINDOW_SOURCE_DIR") + QLatin1Char('/') + QLatin1String(rel);
}

Identity zhang()
{
    Identity id;
    id.documentType = DocumentType::Resident;
    id.name = QStringLiteral("张测试");
    id.sexCode = QStringLiteral("2");
    id.ethnicityCode = QStringLiteral("01");
    id.birthDate = QDate(1958, 3, 12);
    id.birthDateRaw = QStringLiteral("19580312");
    id.address = QStringLiteral("北京市朝阳区示例路88号院3号楼2单元501室");
    id.idNumber = QStringLiteral("110105195803120029");
    id.issuer = QStringLiteral("北京市公安局朝阳分局");
    id.validFrom = QDate(2016, 3, 1);
    id.validFromRaw = QStringLiteral("20160301");
    id.validLongTerm = true;
    id.validUntilRaw = QStringLiteral("长期");
    return id;
}

QString itemCodeNamed(const catalog::Catalog& c, const QString& nameFragment)
{
    for (const catalog::ServiceItem& i : c.items()) {
        if (i.name.in(QStringLiteral("zh_CN")).contains(nameFragment))
            return i.implementCode;
    }
    return {};
}

bool fieldsContain(const QVariantList& fields, const QString& needle)
{
    for (const QVariant& f : fields) {
        for (const QVariant& v : f.toMap()) {
            if (v.toString().contains(needle))
                return true;
        }
    }
    return false;
}
} // namespace

class TestJourney : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<storage::StorageService> m_storage;
    std::unique_ptr<ResidentSession> m_session;
    std::unique_ptr<CatalogController> m_catalog;
    std::unique_ptr<FormController> m_form;
    std::unique_ptr<LocalProgressSource> m_progress;
    std::unique_ptr<JourneyController> m_journey;

    void identifyAndOpen(const QString& fragment)
    {
        m_session->onCardPresent(kReader);
        m_session->onCardRead(kReader, zhang());
        QCOMPARE(m_session->state(), State::Identified);
        m_journey->startService();
        QCOMPARE(m_session->state(), State::ChoosingService);
        QCOMPARE(m_journey->step(), QStringLiteral("catalog"));
        const QString code = itemCodeNamed(m_catalog->catalogue(), fragment);
        QVERIFY(!code.isEmpty());
        m_journey->openItem(code);
        QCOMPARE(m_journey->step(), QStringLiteral("detail"));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        storage::StorageConfig sc;
        sc.stateDir =
            m_dir.path() + QStringLiteral("/state-") + QString::number(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(QDir().mkpath(sc.stateDir));
        // The demo licences as main.cpp seeds them: signed by the demo authority, whose root
        // the storage trusts.
        const QString authority = sc.stateDir + QStringLiteral("/demo-authority");
        sc.licenseRootKey = DemoLicences::trustedRoot(authority);
        QVERIFY(!sc.licenseRootKey.isEmpty());
        m_storage = std::make_unique<storage::StorageService>(sc);
        QSignalSpy opened(m_storage.get(), &storage::StorageService::opened);
        m_storage->start();
        QVERIFY(opened.wait(10000));
        auto seeded = DemoLicences::seed(*m_storage, source("resources/demo/licenses.json"), authority);
        seeded.waitForFinished();
        QVERIFY(seeded.result());

        auto cat = catalog::Catalog::fromFile(source("resources/demo/catalog.json"));
        QVERIFY(cat.ok());
        m_session = std::make_unique<ResidentSession>(IdlePolicy{});
        m_catalog = std::make_unique<CatalogController>(std::move(cat).value(), nullptr);
        m_form = std::make_unique<FormController>(nullptr);
        m_progress = std::make_unique<LocalProgressSource>(m_storage.get());
        m_journey = std::make_unique<JourneyController>(m_session.get(), m_catalog.get(), m_form.get(),
                                                        m_storage.get(), m_progress.get());
    }

    void cleanup()
    {
        m_journey.reset();
        m_progress.reset();
        m_form.reset();
        m_catalog.reset();
        m_session.reset();
        m_storage.reset();
    }

    void catalogueBrowsing()
    {
        QVERIFY(m_catalog->categories().size() >= 7);
        m_catalog->chooseCategory(QStringLiteral("gongjijin"));
        QCOMPARE(m_catalog->items().size(), 1);
        m_catalog->search(QStringLiteral("驾驶证"));
        QVERIFY(!m_catalog->items().isEmpty());
        QVERIFY(!m_catalog->openItem(QStringLiteral("no such item")));
        QVERIFY(m_catalog->item().isEmpty());
    }

    void consentPrefillSubmitReceiptRatingWipe()
    {
        identifyAndOpen(QStringLiteral("夫妻投靠"));
        m_journey->startForm();
        QCOMPARE(m_journey->step(), QStringLiteral("consent")); // PIPL notice before any licence lookup
        m_journey->acceptConsent();
        QCOMPARE(m_journey->step(), QStringLiteral("loading"));
        QTRY_COMPARE_WITH_TIMEOUT(m_journey->step(), QStringLiteral("form"), 10000);
        QCOMPARE(m_session->state(), State::FillingForm);

        const QVariantList fields = m_form->fields();
        QVERIFY(fieldsContain(fields, QStringLiteral("李**")));    // 结婚证 男方, masked
        QVERIFY(!fieldsContain(fields, QStringLiteral("李样例"))); // never the clear name on screen
        QVERIFY(fieldsContain(fields, QStringLiteral("结婚证")));  // the source is shown
        QVariantList materials = m_form->materials();
        QCOMPARE(materials.first().toMap().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("license"));

        // Missing entries: review is refused and each problem is named.
        m_journey->toReview();
        QCOMPARE(m_journey->step(), QStringLiteral("form"));
        QVERIFY(m_form->errors().contains(QStringLiteral("phone")));
        QVERIFY(
            !m_form->setValue(QStringLiteral("husband"), QStringLiteral("someone else"))); // bound: read-only
        QVERIFY(m_form->setValue(QStringLiteral("moving_people"), QStringLiteral("99")));
        QVERIFY(m_form->errors().contains(QStringLiteral("moving_people"))); // max 10
        QVERIFY(m_form->setValue(QStringLiteral("moving_people"), QStringLiteral("2")));
        QVERIFY(m_form->setValue(QStringLiteral("from_region"), QStringLiteral("贵州省贵阳市")));
        QVERIFY(m_form->setValue(QStringLiteral("phone"), QStringLiteral("13800138000")));
        QVERIFY(m_form->complete());
        m_journey->toReview();
        QCOMPARE(m_session->state(), State::Reviewing);
        // Issue 19.7: what the resident typed is shown in full so a typo can be caught; what
        // came from the card and the licences stays masked.
        QStringList reviewValues;
        for (const QVariant& row : m_form->reviewRows())
            reviewValues << row.toMap().value(QStringLiteral("value")).toString();
        // The typed phone in full, formatted with its country code (issue 19 items 7 and 8).
        const QString reviewText = reviewValues.join(QLatin1Char(','));
        QVERIFY2(QString(reviewText).remove(QLatin1Char(' ')).contains(QStringLiteral("+8613800138000")),
                 qPrintable(reviewText));
        QVERIFY2(!reviewText.contains(QStringLiteral("138****8000")), qPrintable(reviewText));
        QVERIFY(reviewValues.contains(QStringLiteral("贵州省贵阳市")));
        QVERIFY(reviewValues.contains(QStringLiteral("李**")));
        QVERIFY(!reviewValues.contains(QStringLiteral("110105195803120029")));
        QVERIFY(!reviewValues.join(QString()).contains(QStringLiteral("张测试")));

        m_journey->submit();
        QCOMPARE(m_session->state(), State::Submitting);
        QVERIFY(m_journey->receiptQueryCode().isEmpty()); // no receipt before the commit returned
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), State::Receipt, 10000);
        QVERIFY(!m_journey->receiptQueryCode().isEmpty());
        QVERIFY(m_journey->receiptQr().startsWith(QLatin1String("data:image/png;base64,")));
        QVERIFY(!m_journey->receiptAcknowledged());

        // The receipt turns to 已提交 once the outbox row is acknowledged (the sync engine's job).
        const QString code = m_journey->receiptQueryCode();
        auto acked = m_storage->post([code](storage::StorageWorker& w) {
            auto e = w.outbox().entryByQueryCode(code);
            if (!e.ok())
                return false;
            w.outbox().takeReady(10);
            return w.outbox().markAcked(e->itemId, QStringLiteral("HUB-1")).ok();
        });
        acked.waitForFinished();
        QVERIFY(acked.result());
        QTRY_VERIFY_WITH_TIMEOUT(m_journey->receiptAcknowledged(), 5000);

        // Offline progress lookup by query code finds the stub and says it is offline.
        m_journey->lookupProgress(code);
        QTRY_COMPARE_WITH_TIMEOUT(m_journey->progressEntries().size(), 1, 5000);
        QVERIFY(!m_journey->progressNote().isEmpty());

        m_journey->startRating();
        QCOMPARE(m_session->state(), State::Rating);
        m_journey->submitRating(0, {}, {}, false); // no level: refused
        QCOMPARE(m_journey->step(), QStringLiteral("rating"));
        m_journey->submitRating(5, {QStringLiteral("501")}, QStringLiteral("等了很久"), true);
        QTRY_COMPARE_WITH_TIMEOUT(m_journey->step(), QStringLiteral("rated"), 5000);
        auto kinds = m_storage->post([](storage::StorageWorker& w) {
            QStringList out;
            auto e = w.outbox().entries();
            if (e.ok()) {
                for (const storage::OutboxEntry& x : e.value())
                    out << x.kind;
            }
            return out;
        });
        kinds.waitForFinished();
        QCOMPARE(kinds.result().count(QStringLiteral("rating")), 1);

        m_journey->finish();
        QCOMPARE(m_session->state(), State::Attract);
        QVERIFY(m_journey->holdsNoResidentData());
        QVERIFY(m_form->fields().isEmpty());
        QCOMPARE(m_journey->step(), QString());
    }

    void declinedConsentMeansNoLicenceData()
    {
        identifyAndOpen(QStringLiteral("夫妻投靠"));
        m_journey->startForm();
        m_journey->declineConsent();
        QCOMPARE(m_journey->step(), QStringLiteral("form"));
        QVERIFY(!fieldsContain(m_form->fields(), QStringLiteral("李**")));
        QVERIFY(fieldsContain(m_form->fields(), QStringLiteral("张**"))); // the card still fills its fields
        for (const QVariant& m : m_form->materials())
            QVERIFY(m.toMap().value(QStringLiteral("mode")).toString() != QLatin1String("license"));
    }

    void licenceNamesAndAddressesAreMaskedOnScreen()
    {
        identifyAndOpen(QStringLiteral("户籍证明开具"));
        m_journey->startForm();
        m_journey->acceptConsent();
        QTRY_COMPARE_WITH_TIMEOUT(m_journey->step(), QStringLiteral("form"), 10000);
        const QVariantList fields = m_form->fields();
        QVERIFY(fieldsContain(fields, QStringLiteral("居民户口簿"))); // bound from the licence …
        QVERIFY(!fieldsContain(fields, QStringLiteral("张测试")));    // … 户主姓名 KZ_HZXM masked
        QVERIFY(!fieldsContain(fields, QStringLiteral("示例路88号")));
        QVERIFY(!fieldsContain(fields, QStringLiteral("110105195803120029")));
    }

    void itemsWithoutLicencesSkipTheNotice()
    {
        identifyAndOpen(QStringLiteral("参保信息"));
        m_journey->startForm();
        QCOMPARE(m_journey->step(), QStringLiteral("form"));
    }

    // Issue 19.1: a receipt, "办理其他业务", another item, submit: the second application is a
    // new one (its own submission ID), not a conflicting retry of the first.
    void secondApplicationInOneSessionIsStored()
    {
        identifyAndOpen(QStringLiteral("参保信息"));
        m_journey->startForm();
        QCOMPARE(m_journey->step(), QStringLiteral("form"));
        QVERIFY(m_form->setValue(QStringLiteral("copies"), QStringLiteral("1")));
        m_journey->toReview();
        m_journey->submit();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), State::Receipt, 10000);
        const QString firstCode = m_journey->receiptQueryCode();

        m_journey->startService(); // 办理其他业务
        QCOMPARE(m_session->state(), State::ChoosingService);
        const QString code = itemCodeNamed(m_catalog->catalogue(), QStringLiteral("养老保险"));
        m_journey->openItem(code);
        m_journey->startForm();
        QCOMPARE(m_journey->step(), QStringLiteral("form"));
        QVERIFY(m_form->setValue(QStringLiteral("phone"), QStringLiteral("13800138000")));
        m_journey->toReview();
        QCOMPARE(m_session->state(), State::Reviewing);
        m_journey->submit();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->state() != State::Submitting, 10000);
        QCOMPARE(m_session->state(), State::Receipt);
        QVERIFY(m_journey->message() != ResidentMessages::notSaved());
        QVERIFY(!m_journey->receiptQueryCode().isEmpty());
        QVERIFY(m_journey->receiptQueryCode() != firstCode);

        auto ids = m_storage->post([](storage::StorageWorker& w) {
            QStringList out;
            auto e = w.outbox().entries();
            if (e.ok()) {
                for (const storage::OutboxEntry& x : e.value()) {
                    if (x.kind == QLatin1String("submission"))
                        out << x.itemId;
                }
            }
            return out;
        });
        ids.waitForFinished();
        QCOMPARE(ids.result().size(), 2);
        QVERIFY(ids.result()[0] != ids.result()[1]);
    }

    void receiptPrintsToPdf()
    {
        const QString path = m_dir.filePath(QStringLiteral("receipt.pdf"));
        QVERIFY(ReceiptPrinter::toPdf({QStringLiteral("户籍证明开具"), QStringLiteral("AB12CD34EF"),
                                       QStringLiteral("待提交"), QStringLiteral("2026-11-22 08:00"),
                                       QStringLiteral("请保存查询码")},
                                      path));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 2000); // text and the QR image are in it
        QVERIFY(!ReceiptPrinter::toPdf({}, QStringLiteral("/nonexistent-dir/x.pdf")));
    }

    // Issue 19.5: the QR opens the hub's progress page on a phone; the kiosk's own scanner (and
    // a typed line) still finds the bare code in it.
    void qrCarriesTheProgressPage()
    {
        QCOMPARE(m_journey->qrText(QStringLiteral("AB12CD34EF")), QStringLiteral("AB12CD34EF"));
        m_journey->setProgressUrl(QStringLiteral("https://hub.example/progress?code={code}"));
        const QString url = m_journey->qrText(QStringLiteral("AB12CD34EF"));
        QCOMPARE(url, QStringLiteral("https://hub.example/progress?code=AB12CD34EF"));
        QCOMPARE(JourneyController::queryCodeFromScan(url), QStringLiteral("AB12CD34EF"));
        QCOMPARE(JourneyController::queryCodeFromScan(QStringLiteral(" AB12CD34EF \n")),
                 QStringLiteral("AB12CD34EF"));
        QCOMPARE(JourneyController::queryCodeFromScan(QStringLiteral("https://hub.example/progress")),
                 QString());
        m_journey->setProgressUrl(QStringLiteral("https://hub.example/p?code="));
        QCOMPARE(m_journey->qrText(QStringLiteral("X1")), QStringLiteral("https://hub.example/p?code=X1"));
    }

    void qrEncodesTheCode()
    {
        const QImage img = qrImage(QStringLiteral("AB12CD34EF"), 4);
        QVERIFY(!img.isNull());
        QCOMPARE(img.width(), img.height());
        QCOMPARE(img.pixelColor(0, 0), QColor(Qt::white));         // quiet zone
        QCOMPARE(img.pixelColor(4 * 4, 4 * 4), QColor(Qt::black)); // finder pattern corner
    }
};

QTEST_MAIN(TestJourney)
#include "tst_journey.moc"
