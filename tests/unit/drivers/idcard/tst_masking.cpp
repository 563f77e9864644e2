#include "drivers/idcard/Masking.h"

#include <QTest>

using namespace onewindow;

class TstMasking : public QObject
{
    Q_OBJECT

private slots:
    void idNumber_data();
    void idNumber();
    void name_data();
    void name();
    void phone_data();
    void phone();
    void address_data();
    void address();
};

void TstMasking::idNumber_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("18 with X") << QStringLiteral("11010519491231002X")
                               << QStringLiteral("110***********002X");
    QTest::newRow("18 digits") << QStringLiteral("440308199901101512")
                               << QStringLiteral("440***********1512");
    QTest::newRow("legacy 15") << QStringLiteral("110105491231002") << QStringLiteral("110********1002");
    QTest::newRow("foreign 2017") << QStringLiteral("USA110079123456") << QStringLiteral("USA********3456");
    QTest::newRow("8 chars") << QStringLiteral("12345678") << QStringLiteral("123*5678");
    QTest::newRow("7 chars") << QStringLiteral("1234567") << QStringLiteral("******7");
    QTest::newRow("2 chars") << QStringLiteral("12") << QStringLiteral("*2");
    QTest::newRow("1 char") << QStringLiteral("1") << QStringLiteral("1");
    QTest::newRow("empty") << QString() << QString();
}

void TstMasking::idNumber()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString masked = maskIdNumber(input);
    QCOMPARE(masked, expected);
    QCOMPARE(masked.size(), input.size());
}

void TstMasking::name_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two characters") << QStringLiteral("张三") << QStringLiteral("张*");
    QTest::newRow("compound surname") << QStringLiteral("欧阳娜娜") << QStringLiteral("欧***");
    QTest::newRow("one character") << QStringLiteral("张") << QStringLiteral("张");
    QTest::newRow("middle dot kept") << QStringLiteral("阿依古丽·买买提") << QStringLiteral("阿***·***");
    QTest::newRow("middle dot kept 2") << QStringLiteral("阿卜杜·热合曼") << QStringLiteral("阿**·***");
    QTest::newRow("latin with space") << QStringLiteral("JOHN SMITH") << QStringLiteral("J*** *****");
    QTest::newRow("hyphen kept") << QStringLiteral("JEAN-PAUL") << QStringLiteral("J***-****");
    QTest::newRow("digits hidden") << QStringLiteral("A1B2") << QStringLiteral("A***");
    // A CJK Extension B character (a surrogate pair) counts as one character.
    QTest::newRow("rare first character")
        << QString::fromUtf16(u"\U00020BB7野家") << QString::fromUtf16(u"\U00020BB7**");
    QTest::newRow("rare second character") << QString::fromUtf16(u"王\U00020BB7") << QStringLiteral("王*");
    QTest::newRow("empty") << QString() << QString();
}

void TstMasking::name()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(maskName(input), expected);
}

void TstMasking::phone_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mobile") << QStringLiteral("13812345678") << QStringLiteral("138****5678");
    QTest::newRow("another mobile") << QStringLiteral("19900001111") << QStringLiteral("199****1111");
    QTest::newRow("landline with dash") << QStringLiteral("010-12345678") << QStringLiteral("********5678");
    QTest::newRow("12 digits") << QStringLiteral("861381234567") << QStringLiteral("********4567");
    QTest::newRow("5 digits") << QStringLiteral("12345") << QStringLiteral("*2345");
    QTest::newRow("4 digits") << QStringLiteral("1234") << QStringLiteral("***4");
    QTest::newRow("1 digit") << QStringLiteral("1") << QStringLiteral("1");
    QTest::newRow("empty") << QString() << QString();
}

void TstMasking::phone()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString masked = maskPhone(input);
    QCOMPARE(masked, expected);
    QCOMPARE(masked.size(), input.size());
}

void TstMasking::address_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("beijing") << QStringLiteral("北京市东城区景山前街4号")
                             << QStringLiteral("北京市东城区****");
    QTest::newRow("shenzhen") << QStringLiteral("广东省深圳市福田区福中三路1号")
                              << QStringLiteral("广东省深圳市****");
    QTest::newRow("7 characters") << QStringLiteral("香港特别行政区") << QStringLiteral("香港特别行政****");
    QTest::newRow("6 characters keep half") << QStringLiteral("北京市东城区") << QStringLiteral("北京市****");
    QTest::newRow("1 character") << QStringLiteral("京") << QStringLiteral("****");
    QTest::newRow("empty") << QString() << QString();
}

void TstMasking::address()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(maskAddress(input), expected);
}

QTEST_GUILESS_MAIN(TstMasking)
#include "tst_masking.moc"
