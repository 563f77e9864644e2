#include "drivers/idcard/SamStatus.h"

#include <QSet>
#include <QTest>

using namespace onewindow;

class TstSamStatus : public QObject
{
    Q_OBJECT

private slots:
    void knownCodes_data();
    void knownCodes();
    void tableIsCompleteAndInOrder();
    void enumMatchesWire_data();
    void enumMatchesWire();
    void unknownCodes_data();
    void unknownCodes();
    void languageSelection_data();
    void languageSelection();
    void nullCountPointer();
};

// reference/idcard.md §1.5, transcribed independently of the implementation.
void TstSamStatus::knownCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("zh");
    QTest::addColumn<QString>("en");
    QTest::addColumn<int>("cls");

    const int ok = int(SamStatusClass::Ok);
    const int absent = int(SamStatusClass::NotPresent);
    const int noCard = int(SamStatusClass::NoCard);
    const int card = int(SamStatusClass::CardProblem);
    const int sam = int(SamStatusClass::SamProblem);
    const int host = int(SamStatusClass::HostProblem);

    auto row = [](int code, const char* zh, const char* en, int cls) {
        QTest::addRow("0x%02X", code) << code << QString::fromUtf8(zh) << QString::fromUtf8(en) << cls;
    };
    row(0x90, "操作成功", "success", ok);
    row(0x91, "居民身份证中无此项内容",
        "item not present on card (e.g. no fingerprint / no appended address)", absent);
    row(0x9F, "寻找居民身份证成功", "find-card success", ok);
    row(0x01, "端口打开失败/端口尚未打开/端口号不合法", "host-side (DLL) only", host);
    row(0x02, "PC接收超时", "host-side timeout", host);
    row(0x03, "数据传输错误", "transmission error", host);
    row(0x05, "SAM_A串口不可用", "serial port unavailable (GetCOMBaud only)", host);
    row(0x09, "打开文件失败", "file open failed (DLL)", host);
    row(0x10, "接收业务终端数据的校验和错", "checksum error in host frame", host);
    row(0x11, "接收业务终端数据的长度错", "length error in host frame", host);
    row(0x21, "接收业务终端的命令错误", "bad command/parameter", host);
    row(0x23, "越权操作", "unauthorized operation", sam);
    row(0x24, "无法识别的错误", "unrecognised error", sam);
    row(0x31, "居民身份证认证SAM_A失败", "card failed to authenticate SAM", card);
    row(0x32, "SAM_A认证居民身份证失败", "SAM failed to authenticate card", card);
    row(0x33, "信息验证失败", "information verification failed", card);
    row(0x37, "指纹信息验证错误", "fingerprint info verification error", card);
    row(0x3F, "信息长度错误", "information length error", card);
    row(0x40, "无法识别的居民身份证类型", "unrecognised card type", card);
    row(0x41, "读居民身份证操作失败", "read failed", card);
    row(0x47, "取随机数失败", "get-random failed", card);
    row(0x60, "SAM_A自检失败，不能接收命令", "SAM self-test failed", sam);
    row(0x66, "SAM_A没经过授权，无法使用", "SAM not authorised", sam);
    row(0x80, "寻找居民身份证失败", "find-card failed (no card)", noCard);
    row(0x81, "选取居民身份证失败", "select-card failed", noCard);
}

void TstSamStatus::knownCodes()
{
    QFETCH(int, code);
    QFETCH(QString, zh);
    QFETCH(QString, en);
    QFETCH(int, cls);

    const SamStatusInfo info = samStatusInfo(std::uint8_t(code));
    QVERIFY(info.known);
    QCOMPARE(int(info.code), code);
    QCOMPARE(int(info.cls), cls);
    QCOMPARE(QString::fromUtf8(info.zh), zh);
    QCOMPARE(QString::fromUtf8(info.en), en);
    QCOMPARE(samStatusMeaning(std::uint8_t(code), QStringLiteral("zh")), zh);
    QCOMPARE(samStatusMeaning(std::uint8_t(code), QStringLiteral("en")), en);
}

void TstSamStatus::tableIsCompleteAndInOrder()
{
    const QList<int> expectedOrder = {0x90, 0x91, 0x9F, 0x01, 0x02, 0x03, 0x05, 0x09, 0x10,
                                      0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x37, 0x3F,
                                      0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81};
    std::size_t count = 0;
    const SamStatusInfo* table = samStatusTable(&count);
    QVERIFY(table != nullptr);
    QCOMPARE(count, std::size_t(expectedOrder.size()));
    QSet<int> seen;
    for (std::size_t i = 0; i < count; ++i) {
        QCOMPARE(int(table[i].code), expectedOrder[qsizetype(i)]);
        QVERIFY(table[i].known);
        QVERIFY(table[i].cls != SamStatusClass::Unknown);
        QVERIFY(!seen.contains(table[i].code));
        seen.insert(table[i].code);
    }
    // Every byte outside the table is unknown.
    for (int b = 0; b < 256; ++b)
        QCOMPARE(samStatusInfo(std::uint8_t(b)).known, seen.contains(b));
}

void TstSamStatus::enumMatchesWire_data()
{
    QTest::addColumn<int>("enumValue");
    QTest::addColumn<int>("wire");
    QTest::newRow("Success") << int(SamStatus::Success) << 0x90;
    QTest::newRow("ItemAbsent") << int(SamStatus::ItemAbsent) << 0x91;
    QTest::newRow("CardFound") << int(SamStatus::CardFound) << 0x9F;
    QTest::newRow("HostChecksumError") << int(SamStatus::HostChecksumError) << 0x10;
    QTest::newRow("SamAuthenticatesCardFailed") << int(SamStatus::SamAuthenticatesCardFailed) << 0x32;
    QTest::newRow("InformationLengthError") << int(SamStatus::InformationLengthError) << 0x3F;
    QTest::newRow("ReadFailed") << int(SamStatus::ReadFailed) << 0x41;
    QTest::newRow("SamSelfTestFailed") << int(SamStatus::SamSelfTestFailed) << 0x60;
    QTest::newRow("SamNotAuthorised") << int(SamStatus::SamNotAuthorised) << 0x66;
    QTest::newRow("FindCardFailed") << int(SamStatus::FindCardFailed) << 0x80;
    QTest::newRow("SelectCardFailed") << int(SamStatus::SelectCardFailed) << 0x81;
}

void TstSamStatus::enumMatchesWire()
{
    QFETCH(int, enumValue);
    QFETCH(int, wire);
    QCOMPARE(enumValue, wire);
    QVERIFY(samStatusInfo(std::uint8_t(enumValue)).known);
}

void TstSamStatus::unknownCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("zh");
    QTest::addColumn<QString>("en");
    QTest::newRow("0x00") << 0x00 << QStringLiteral("未知状态 0x00") << QStringLiteral("unknown status 0x00");
    QTest::newRow("0x04") << 0x04 << QStringLiteral("未知状态 0x04") << QStringLiteral("unknown status 0x04");
    QTest::newRow("0x7E") << 0x7E << QStringLiteral("未知状态 0x7E") << QStringLiteral("unknown status 0x7E");
    QTest::newRow("0x92") << 0x92 << QStringLiteral("未知状态 0x92") << QStringLiteral("unknown status 0x92");
    QTest::newRow("0xFF") << 0xFF << QStringLiteral("未知状态 0xFF") << QStringLiteral("unknown status 0xFF");
}

void TstSamStatus::unknownCodes()
{
    QFETCH(int, code);
    QFETCH(QString, zh);
    QFETCH(QString, en);
    const SamStatusInfo info = samStatusInfo(std::uint8_t(code));
    QVERIFY(!info.known);
    QCOMPARE(int(info.code), code);
    QCOMPARE(info.cls, SamStatusClass::Unknown);
    QVERIFY(info.zh != nullptr && info.en != nullptr);
    QCOMPARE(samStatusMeaning(std::uint8_t(code), QStringLiteral("zh")), zh);
    QCOMPARE(samStatusMeaning(std::uint8_t(code), QStringLiteral("en")), en);
}

void TstSamStatus::languageSelection_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh") << QStringLiteral("zh") << QStringLiteral("操作成功");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("操作成功");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("success");
    QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("success");
    QTest::newRow("EN") << QStringLiteral("EN") << QStringLiteral("success");
    QTest::newRow("empty falls back to zh") << QString() << QStringLiteral("操作成功");
}

void TstSamStatus::languageSelection()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QCOMPARE(samStatusMeaning(0x90, language), expected);
}

void TstSamStatus::nullCountPointer()
{
    std::size_t count = 0;
    const SamStatusInfo* withCount = samStatusTable(&count);
    QCOMPARE(samStatusTable(nullptr), withCount);
    QCOMPARE(int(withCount[0].code), 0x90);
}

QTEST_GUILESS_MAIN(TstSamStatus)
#include "tst_samstatus.moc"
