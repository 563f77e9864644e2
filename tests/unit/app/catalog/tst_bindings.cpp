// Binding parsing and resolution against the card and the demo residents' e-licences, material
// checks (免提交 only for usable licences) and field validation.
#include "DemoData.h"
#include "app/catalog/Binding.h"
#include "app/catalog/Catalog.h"
#include "app/catalog/FieldValidator.h"
#include "app/catalog/MaterialCheck.h"

#include <QTest>

using namespace onewindow;
using namespace onewindow::catalog;

namespace {
const QDate kToday(2026, 11, 21);
const QString kHukou = QStringLiteral("11100000000013127D002");
const QString kMarriage = QStringLiteral("11100000000013127D005");
const QString kProperty = QStringLiteral("11100000000013127D021");
const QString kDriving = QStringLiteral("11100000000013127D031");

Identity zhang()
{
    Identity id;
    id.name = QStringLiteral("张测试");
    id.idNumber = QStringLiteral("110105195803120029");
    id.sexCode = QStringLiteral("2");
    id.birthDate = QDate(1958, 3, 12);
    id.address = QStringLiteral("北京市朝阳区示例路88号院3号楼2单元501室");
    id.validLongTerm = true;
    return id;
}
} // namespace

class TestBindings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("role");
        QTest::newRow("none") << QString() << int(Binding::Kind::None) << QString() << QString() << QString();
        QTest::newRow("card") << "idcard.name" << int(Binding::Kind::IdCard) << QString() << "name"
                              << QString();
        QTest::newRow("applicant") << "applicant.phone" << int(Binding::Kind::Applicant) << QString()
                                   << "phone" << QString();
        QTest::newRow("face") << "license[11100000000013127D002].face.KZ_ZZ"
                              << int(Binding::Kind::LicenseFace) << kHukou << "KZ_ZZ" << QString();
        QTest::newRow("holder") << "license[11100000000013127D005].holders[男方].name"
                                << int(Binding::Kind::LicenseHolder) << kMarriage << QString() << "男方";
        QTest::newRow("number") << "license[11100000000013127D021].license_no"
                                << int(Binding::Kind::LicenseNumber) << kProperty << QString() << QString();
        QTest::newRow("static") << "static:自助终端" << int(Binding::Kind::Constant) << QString()
                                << "自助终端" << QString();
        QTest::newRow("bad type") << "license[x y].face.A" << int(Binding::Kind::Invalid) << QString()
                                  << QString() << QString();
        QTest::newRow("bad tail") << "license[ABC].photo" << int(Binding::Kind::Invalid) << QString()
                                  << QString() << QString();
        QTest::newRow("unknown root")
            << "passport.name" << int(Binding::Kind::Invalid) << QString() << QString() << QString();
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        const Binding b = Binding::parse(text);
        QCOMPARE(int(b.kind), kind);
        if (b.kind != Binding::Kind::Invalid) {
            QTEST(b.typeCode, "type");
            QTEST(b.field, "field");
            QTEST(b.role, "role");
        }
    }

    void resolvesEveryKindForTheRichResident()
    {
        const Identity id = zhang();
        const QList<ELicense> licenses = testdata::demoLicensesOf(id.idNumber);
        QVERIFY(licenses.size() >= 5);
        const BindingResolver r(id, licenses, kToday);
        QCOMPARE(r.resolve(Binding::parse(QStringLiteral("idcard.name"))).value, id.name);
        QCOMPARE(r.resolve(Binding::parse(QStringLiteral("idcard.sex"))).value, QStringLiteral("女"));
        QCOMPARE(r.resolve(Binding::parse(QStringLiteral("idcard.birth_date"))).value,
                 QStringLiteral("1958-03-12"));
        const ResolvedValue address =
            r.resolve(Binding::parse(QStringLiteral("license[%1].face.KZ_ZZ").arg(kHukou)));
        QVERIFY(address.found);
        QCOMPARE(address.licenseTypeName, QStringLiteral("居民户口簿"));
        QVERIFY(address.licenseId.startsWith(QLatin1String("1.2.156.3005.2.")));
        QCOMPARE(
            r.resolve(Binding::parse(QStringLiteral("license[%1].holders[男方].name").arg(kMarriage))).value,
            QStringLiteral("李样例"));
        QCOMPARE(
            r.resolve(Binding::parse(QStringLiteral("license[%1].holders[女方].name").arg(kMarriage))).value,
            id.name);
        QVERIFY(r.resolve(Binding::parse(QStringLiteral("license[%1].license_no").arg(kProperty))).found);
        QCOMPARE(r.resolve(Binding::parse(QStringLiteral("static:自助终端"))).value,
                 QStringLiteral("自助终端"));
        QVERIFY(!r.resolve(Binding::parse(QStringLiteral("applicant.phone"))).found);
        QVERIFY(
            !r.resolve(Binding::parse(QStringLiteral("license[%1].holders[父].name").arg(kMarriage))).found);
    }

    void expiredAndRevokedLicencesNeverFillAForm()
    {
        Identity wang;
        wang.name = QStringLiteral("王过期");
        wang.idNumber = QStringLiteral("440306198607150033");
        const QList<ELicense> licenses = testdata::demoLicensesOf(wang.idNumber);
        QCOMPARE(licenses.size(), 2);
        const BindingResolver r(wang, licenses, kToday);
        QVERIFY(!r.usableLicense(kDriving));  // expired 2020
        QVERIFY(!r.usableLicense(kProperty)); // revoked
        QVERIFY(!r.resolve(Binding::parse(QStringLiteral("license[%1].face.KZ_ZJCX").arg(kDriving))).found);
    }

    void materials()
    {
        auto c = Catalog::fromFile(testdata::sourcePath(QStringLiteral("resources/demo/catalog.json")));
        QVERIFY(c.ok());
        const ServiceItem* moveIn = nullptr;
        for (const ServiceItem& i : c->items()) {
            if (i.name.in(QStringLiteral("zh_CN")).contains(QStringLiteral("夫妻投靠")))
                moveIn = &i;
        }
        QVERIFY(moveIn);
        const Identity id = zhang();
        const QList<ELicense> rich = testdata::demoLicensesOf(id.idNumber);
        const auto statuses = checkMaterials(*moveIn, BindingResolver(id, rich, kToday));
        QCOMPARE(statuses.size(), moveIn->materials.size());
        QCOMPARE(statuses[0].mode, MaterialStatus::Mode::License); // 户口簿
        QCOMPARE(statuses[1].mode, MaterialStatus::Mode::License); // 结婚证
        QCOMPARE(statuses[3].mode, MaterialStatus::Mode::Counter); // 迁移证明: paper only

        const QList<ELicense> none;
        const auto without = checkMaterials(*moveIn, BindingResolver(id, none, kToday));
        QCOMPARE(without[0].mode, MaterialStatus::Mode::Counter);
        QCOMPARE(without[2].mode, MaterialStatus::Mode::Promise); // 房屋产权证明: 告知承诺
        QCOMPARE(QString::fromLatin1(materialModeKey(without[2].mode)), QStringLiteral("promise"));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("required");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("problem");
        QTest::newRow("required empty") << "text" << true << "  " << int(FieldProblem::Required);
        QTest::newRow("optional empty") << "text" << false << "" << int(FieldProblem::None);
        QTest::newRow("number ok") << "number" << true << "3" << int(FieldProblem::None);
        QTest::newRow("number nan") << "number" << true << "three" << int(FieldProblem::NotANumber);
        QTest::newRow("number small") << "number" << true << "0" << int(FieldProblem::TooSmall);
        QTest::newRow("number large") << "number" << true << "11" << int(FieldProblem::TooLarge);
        QTest::newRow("date ok") << "date" << true << "2026-12-01" << int(FieldProblem::None);
        QTest::newRow("date bad") << "date" << true << "2026-02-30" << int(FieldProblem::BadDate);
        QTest::newRow("mobile") << "phone" << true << "13800138000" << int(FieldProblem::None);
        QTest::newRow("landline") << "phone" << true << "010-12345678" << int(FieldProblem::None);
        QTest::newRow("phone short") << "phone" << true << "1380013" << int(FieldProblem::BadPhone);
        QTest::newRow("idno ok") << "idno" << true << "110105195803120029" << int(FieldProblem::None);
        QTest::newRow("idno checksum")
            << "idno" << true << "110105195803120028" << int(FieldProblem::BadIdNumber);
        QTest::newRow("select ok") << "select" << true << "a" << int(FieldProblem::None);
        QTest::newRow("select unknown") << "select" << true << "z" << int(FieldProblem::NotAnOption);
        QTest::newRow("checkbox unticked") << "checkbox" << true << "false" << int(FieldProblem::None);
    }
    void validation()
    {
        QFETCH(QString, type);
        FormField f;
        QVERIFY(FormField::typeFromName(type, &f.type));
        QFETCH(bool, required);
        f.required = required;
        f.min = 1;
        f.max = 10;
        f.options = {{QStringLiteral("a"), LocalizedText(QStringLiteral("甲"))}};
        QFETCH(QString, value);
        QTEST(int(validateField(f, value)), "problem");
    }

    void patternIsAnchored()
    {
        FormField f;
        f.pattern = QStringLiteral("[0-9]{16,19}");
        QCOMPARE(validateField(f, QStringLiteral("6200009000000004")), FieldProblem::None);
        QCOMPARE(validateField(f, QStringLiteral("x6200009000000004")), FieldProblem::BadFormat);
        QCOMPARE(QString::fromLatin1(fieldProblemKey(FieldProblem::BadFormat)), QStringLiteral("bad_format"));
    }
};

QTEST_GUILESS_MAIN(TestBindings)
#include "tst_bindings.moc"
