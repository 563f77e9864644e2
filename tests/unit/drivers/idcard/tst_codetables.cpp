#include "drivers/idcard/CodeTables.h"

#include <QTest>

using namespace onewindow;

class TstCodeTables : public QObject
{
    Q_OBJECT

private slots:
    void ethnicity_data();
    void ethnicity();
    void unknownEthnicity_data();
    void unknownEthnicity();
    void sex_data();
    void sex();
};

void TstCodeTables::ethnicity_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("label");
    // reference/idcard.md §2.8, transcribed from the reference table.
    const char* const names[] = {
        "汉",     "蒙古",   "回",       "藏",     "维吾尔", "苗",   "彝",     "壮",   "布依",     "朝鲜",
        "满",     "侗",     "瑶",       "白",     "土家",   "哈尼", "哈萨克", "傣",   "黎",       "傈僳",
        "佤",     "畲",     "高山",     "拉祜",   "水",     "东乡", "纳西",   "景颇", "柯尔克孜", "土",
        "达斡尔", "仫佬",   "羌",       "布朗",   "撒拉",   "毛南", "仡佬",   "锡伯", "阿昌",     "普米",
        "塔吉克", "怒",     "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",   "裕固", "京",       "塔塔尔",
        "独龙",   "鄂伦春", "赫哲",     "门巴",   "珞巴",   "基诺"};
    static_assert(std::size(names) == 56);
    for (int i = 0; i < 56; ++i) {
        const QString code = QStringLiteral("%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        QTest::addRow("%02d", i + 1) << code << QString::fromUtf8(names[i]);
    }
    QTest::newRow("97") << QStringLiteral("97") << QStringLiteral("其他");
    QTest::newRow("98") << QStringLiteral("98") << QStringLiteral("外国血统中国籍人士");
}

void TstCodeTables::ethnicity()
{
    QFETCH(QString, code);
    QFETCH(QString, label);
    QCOMPARE(ethnicityLabel(code), label);
    QVERIFY(isKnownEthnicity(code));
}

void TstCodeTables::unknownEthnicity_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("label");
    QTest::newRow("00") << QStringLiteral("00") << QStringLiteral("其他(00)");
    QTest::newRow("57 (not 其他: that is langx-java's mistake)")
        << QStringLiteral("57") << QStringLiteral("其他(57)");
    QTest::newRow("58") << QStringLiteral("58") << QStringLiteral("其他(58)");
    QTest::newRow("77") << QStringLiteral("77") << QStringLiteral("其他(77)");
    QTest::newRow("96") << QStringLiteral("96") << QStringLiteral("其他(96)");
    QTest::newRow("99") << QStringLiteral("99") << QStringLiteral("其他(99)");
    QTest::newRow("one digit") << QStringLiteral("1") << QStringLiteral("其他(1)");
    QTest::newRow("three digits") << QStringLiteral("001") << QStringLiteral("其他(001)");
    QTest::newRow("letters") << QStringLiteral("ab") << QStringLiteral("其他(ab)");
    QTest::newRow("full-width") << QStringLiteral("０１") << QStringLiteral("其他(０１)");
    QTest::newRow("empty") << QString() << QStringLiteral("其他()");
}

void TstCodeTables::unknownEthnicity()
{
    QFETCH(QString, code);
    QFETCH(QString, label);
    QCOMPARE(ethnicityLabel(code), label);
    QVERIFY(!isKnownEthnicity(code));
}

void TstCodeTables::sex_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("zh");
    QTest::addColumn<QString>("en");
    QTest::addColumn<QString>("key"); // null: not a GB/T 2261.1 code
    QTest::newRow("0") << QStringLiteral("0") << QStringLiteral("未知的性别") << QStringLiteral("unknown")
                       << QStringLiteral("unknown");
    QTest::newRow("1") << QStringLiteral("1") << QStringLiteral("男") << QStringLiteral("male")
                       << QStringLiteral("male");
    QTest::newRow("2") << QStringLiteral("2") << QStringLiteral("女") << QStringLiteral("female")
                       << QStringLiteral("female");
    QTest::newRow("9") << QStringLiteral("9") << QStringLiteral("未说明的性别")
                       << QStringLiteral("unspecified") << QStringLiteral("unspecified");
    QTest::newRow("3") << QStringLiteral("3") << QStringLiteral("其他(3)") << QStringLiteral("other (3)")
                       << QString();
    QTest::newRow("two digits") << QStringLiteral("11") << QStringLiteral("其他(11)")
                                << QStringLiteral("other (11)") << QString();
    QTest::newRow("letter") << QStringLiteral("M") << QStringLiteral("其他(M)") << QStringLiteral("other (M)")
                            << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("其他()") << QStringLiteral("other ()")
                           << QString();
}

void TstCodeTables::sex()
{
    QFETCH(QString, code);
    QFETCH(QString, zh);
    QFETCH(QString, en);
    QFETCH(QString, key);
    QCOMPARE(sexLabel(code), zh);
    QCOMPARE(sexLabel(code, QStringLiteral("zh")), zh);
    QCOMPARE(sexLabel(code, QStringLiteral("en")), en);
    QCOMPARE(sexKey(code), key);
    QCOMPARE(sexKey(code).isNull(), key.isNull());
}

QTEST_GUILESS_MAIN(TstCodeTables)
#include "tst_codetables.moc"
