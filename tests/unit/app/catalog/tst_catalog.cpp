// The catalogue model: the demo catalogue and the hub's fixture parse, categories, search,
// item details, and bad input gives an error rather than a crash.
#include "DemoData.h"
#include "app/catalog/Catalog.h"

#include <QSet>
#include <QTest>

using namespace onewindow;
using namespace onewindow::catalog;

class TestCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoCatalogueIsComplete()
    {
        auto c = Catalog::fromFile(testdata::sourcePath(QStringLiteral("resources/demo/catalog.json")));
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error()));
        QVERIFY2(c->warnings().isEmpty(), qPrintable(c->warnings().join(QLatin1Char('\n'))));
        QVERIFY(c->items().size() >= 12);
        QSet<QString> departments;
        QSet<QString> fieldTypes;
        QSet<int> bindingKinds;
        bool notAtKiosk = false;
        for (const ServiceItem& i : c->items()) {
            departments.insert(i.departmentKey);
            QVERIFY(!i.materials.isEmpty());
            QVERIFY(!i.form.fields.isEmpty());
            QVERIFY(!i.name.in(QStringLiteral("en")).isEmpty());
            for (const FormField& f : i.form.fields) {
                fieldTypes.insert(QString::fromLatin1(FormField::typeName(f.type)));
                bindingKinds.insert(int(f.binding.kind));
                QVERIFY(!f.label.in(QStringLiteral("zh_CN")).isEmpty());
            }
            if (!i.selfService) {
                notAtKiosk = true;
                QVERIFY(!i.whereInstead.in(QStringLiteral("zh_CN")).isEmpty());
            }
        }
        QVERIFY(departments.size() >= 6);
        QCOMPARE(fieldTypes.size(), 8); // every field type of DESIGN.md §8
        for (auto k : {Binding::Kind::None, Binding::Kind::IdCard, Binding::Kind::LicenseFace,
                       Binding::Kind::LicenseHolder, Binding::Kind::LicenseNumber, Binding::Kind::Applicant,
                       Binding::Kind::Constant})
            QVERIFY2(bindingKinds.contains(int(k)), "every binding kind is exercised");
        QVERIFY(notAtKiosk);
        QVERIFY(c->categories().size() >= 7);
    }

    void hubFixtureParses()
    {
        auto c = Catalog::fromFile(testdata::sourcePath(QStringLiteral("tests/hub/fixtures/catalog.json")));
        if (!c.ok() && c.error().startsWith(QLatin1String("cannot read")))
            QSKIP("tests/hub/fixtures/catalog.json is not there (issue 5)");
        QVERIFY(c.ok());
        QVERIFY(!c->items().isEmpty());
        // The plain-string names of the hub's shape are zh_CN texts, shown in every language.
        QVERIFY(!c->items().first().name.in(QStringLiteral("en")).isEmpty());
    }

    void categoriesAndSearch()
    {
        auto c = Catalog::fromFile(testdata::sourcePath(QStringLiteral("resources/demo/catalog.json")));
        QVERIFY(c.ok());
        const auto huji = c->itemsInCategory(QStringLiteral("huji"));
        QVERIFY(huji.size() >= 3);
        for (const ServiceItem* i : huji)
            QCOMPARE(i->categoryKey, QStringLiteral("huji"));
        QVERIFY(!c->search(QStringLiteral("公积金")).isEmpty());
        QVERIFY(!c->search(QStringLiteral("driving")).isEmpty()); // English, case-insensitive
        QVERIFY(!c->search(QStringLiteral("结婚证")).isEmpty());  // by material
        QVERIFY(c->search(QStringLiteral("   ")).isEmpty());
        QVERIFY(c->search(QStringLiteral("不存在的事项")).isEmpty());
        const ServiceItem* first = huji.first();
        QCOMPARE(c->item(first->implementCode), first);
        QVERIFY(!c->item(QStringLiteral("nope")));
        QCOMPARE(c->licenseTypeName(QStringLiteral("11100000000013127D002")).in(QStringLiteral("zh_CN")),
                 QStringLiteral("居民户口簿"));
    }

    void localizedFallbacks()
    {
        const LocalizedText both =
            LocalizedText::fromJson(QJsonObject{{QStringLiteral("zh_CN"), QStringLiteral("户籍")},
                                                {QStringLiteral("en"), QStringLiteral("Hukou")}});
        QCOMPARE(both.in(QStringLiteral("zh_TW")), QStringLiteral("户籍"));
        QCOMPARE(both.in(QStringLiteral("en")), QStringLiteral("Hukou"));
        const LocalizedText enOnly =
            LocalizedText::fromJson(QJsonObject{{QStringLiteral("en"), QStringLiteral("X")}});
        QCOMPARE(enOnly.in(QStringLiteral("zh_CN")), QStringLiteral("X"));
        QVERIFY(LocalizedText::fromJson(QJsonValue(42)).in(QStringLiteral("en")).isEmpty());
    }

    void badInputIsAnError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x00\xff{[", 4);
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no items") << QByteArray("{\"items\":[]}");
        QTest::newRow("items without codes") << QByteArray("{\"items\":[{},{\"name\":1},3]}");
    }
    void badInputIsAnError()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!Catalog::fromJson(json).ok());
    }

    void badFieldsAreReportedNotFatal()
    {
        const QByteArray json = "{\"items\":[{\"implement_code\":\"X1\",\"name\":\"n\",\"form\":{\"fields\":["
                                "{\"key\":\"a\",\"type\":\"hologram\"},"
                                "{\"key\":\"b\",\"binding\":\"license[bad code].face\"},"
                                "{\"key\":\"c\",\"type\":\"select\"},"
                                "{\"key\":\"d\",\"validation\":{\"pattern\":\"([\"}},"
                                "{\"type\":\"text\"}]}}]}";
        auto c = Catalog::fromJson(json);
        QVERIFY(c.ok());
        QCOMPARE(c->warnings().size(), 5);
        QCOMPARE(c->items().first().form.fields.size(), 4);
        QVERIFY(c->items().first().form.field(QStringLiteral("d"))->pattern.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
