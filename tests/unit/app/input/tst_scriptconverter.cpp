// Simplified → traditional (Taiwan) with Debian's OpenCC data.
#include "app/input/ScriptConverter.h"

#include <QTest>

using onewindow::input::ScriptConverter;

class TestScriptConverter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convertsFormWords_data()
    {
        QTest::addColumn<QString>("simplified");
        QTest::addColumn<QString>("traditional");
        QTest::newRow("id card") << QStringLiteral("居民身份证") << QStringLiteral("居民身份證");
        QTest::newRow("address") << QStringLiteral("北京市朝阳区") << QStringLiteral("北京市朝陽區");
        QTest::newRow("relation") << QStringLiteral("父亲") << QStringLiteral("父親");
        QTest::newRow("company") << QStringLiteral("有限责任公司") << QStringLiteral("有限責任公司");
        QTest::newRow("vocabulary kept") << QStringLiteral("软件") << QStringLiteral("軟件");
        QTest::newRow("latin untouched") << QStringLiteral("Room 3B") << QStringLiteral("Room 3B");
        QTest::newRow("empty") << QString() << QString();
    }
    void convertsFormWords()
    {
        QFETCH(QString, simplified);
        QFETCH(QString, traditional);
        auto converter = ScriptConverter::openSimplifiedToTaiwan();
        QVERIFY2(converter.ok(), converter.ok() ? "" : qPrintable(converter.error()));
        QCOMPARE(converter.value()->convert(simplified), traditional);
    }
    void invalidUtf16StaysSafe()
    {
        auto converter = ScriptConverter::openSimplifiedToTaiwan();
        QVERIFY(converter.ok());
        const QString lone = QString(QChar(0xD800)) + QStringLiteral("国");
        const QString out = converter.value()->convert(lone);
        QVERIFY(out.endsWith(QStringLiteral("國")) || out == lone);
    }
};

QTEST_GUILESS_MAIN(TestScriptConverter)
#include "tst_scriptconverter.moc"
