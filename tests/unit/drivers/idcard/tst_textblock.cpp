#include "drivers/idcard/TextBlock.h"

#include <QMap>
#include <QRandomGenerator>
#include <QTest>

using namespace onewindow;

namespace {

// A 256-byte text block written by hand: UTF-16LE code units at explicit byte offsets. It does
// not use encodeTextBlock, so decoding is tested against an independent picture of the layout.
class Block
{
public:
    explicit Block(char16_t fill = u' ', int size = kTextBlockSize) : m_bytes(size, '\0')
    {
        for (int i = 0; i + 1 < size; i += 2)
            unit(i, fill);
    }
    // Writes `text` at byte `offset`; `slotBytes` is the field's size in the layout.
    Block& at(int offset, int slotBytes, const QString& text)
    {
        if (text.size() * 2 > slotBytes)
            qFatal("fixture text \"%s\" does not fit %d bytes", qPrintable(text), slotBytes);
        for (int i = 0; i < text.size(); ++i)
            unit(offset + 2 * i, text[i].unicode());
        return *this;
    }
    Block& unit(int offset, char16_t v)
    {
        m_bytes[offset] = char(v & 0xFF);
        m_bytes[offset + 1] = char(v >> 8);
        return *this;
    }
    QByteArray bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("null");
}

const QStringList kKeys = {
    QStringLiteral("documentType"),   QStringLiteral("name"),          QStringLiteral("englishName"),
    QStringLiteral("sexCode"),        QStringLiteral("ethnicityCode"), QStringLiteral("birthDate"),
    QStringLiteral("birthDateRaw"),   QStringLiteral("address"),       QStringLiteral("appendedAddress"),
    QStringLiteral("idNumber"),       QStringLiteral("issuer"),        QStringLiteral("validFrom"),
    QStringLiteral("validUntil"),     QStringLiteral("validLongTerm"), QStringLiteral("validFromRaw"),
    QStringLiteral("validUntilRaw"),  QStringLiteral("nationality"),   QStringLiteral("permitNumber"),
    QStringLiteral("issueCount"),     QStringLiteral("cardVersion"),   QStringLiteral("authorityCode"),
    QStringLiteral("previousNumber"), QStringLiteral("photo"),         QStringLiteral("chipSerial"),
};

QMap<QString, QString> fields(const Identity& i)
{
    return {
        {QStringLiteral("documentType"), QString::fromLatin1(documentTypeKey(i.documentType))},
        {QStringLiteral("name"), i.name},
        {QStringLiteral("englishName"), i.englishName},
        {QStringLiteral("sexCode"), i.sexCode},
        {QStringLiteral("ethnicityCode"), i.ethnicityCode},
        {QStringLiteral("birthDate"), dateText(i.birthDate)},
        {QStringLiteral("birthDateRaw"), i.birthDateRaw},
        {QStringLiteral("address"), i.address},
        {QStringLiteral("appendedAddress"), i.appendedAddress},
        {QStringLiteral("idNumber"), i.idNumber},
        {QStringLiteral("issuer"), i.issuer},
        {QStringLiteral("validFrom"), dateText(i.validFrom)},
        {QStringLiteral("validUntil"), dateText(i.validUntil)},
        {QStringLiteral("validLongTerm"), i.validLongTerm ? QStringLiteral("true") : QStringLiteral("false")},
        {QStringLiteral("validFromRaw"), i.validFromRaw},
        {QStringLiteral("validUntilRaw"), i.validUntilRaw},
        {QStringLiteral("nationality"), i.nationality},
        {QStringLiteral("permitNumber"), i.permitNumber},
        {QStringLiteral("issueCount"), i.issueCount},
        {QStringLiteral("cardVersion"), i.cardVersion},
        {QStringLiteral("authorityCode"), i.authorityCode},
        {QStringLiteral("previousNumber"), i.previousNumber},
        {QStringLiteral("photo"), QString::fromLatin1(i.photo.toHex())},
        {QStringLiteral("chipSerial"), QString::fromLatin1(i.chipSerial.toHex())},
    };
}

QStringList describe(const Identity& i)
{
    QStringList out;
    const auto f = fields(i);
    for (const QString& k : kKeys)
        out << k + u'=' + f.value(k);
    return out;
}

QString defaultValue(const QString& key)
{
    if (key == u"birthDate" || key == u"validFrom" || key == u"validUntil")
        return QStringLiteral("null");
    if (key == u"validLongTerm")
        return QStringLiteral("false");
    return QString();
}

const QString kLongTerm = QStringLiteral("长期");
// 35 characters whose last one is a real space of the name: the split of the 2023 card.
const QString kYPart1 = QStringLiteral("ANNA MARIA KONSTANTINOPOULOU SMITH ");
const QString kYPart2 = QStringLiteral("JONES");
const QString kName15 = QStringLiteral("一二三四五六七八九十百千万亿兆");
const QString kAddress35 =
    QStringLiteral("广东省深圳市南山区粤海街道科技园社区科苑路一号创新大厦十八层东侧一八零八室").left(35);

// --- hand-built fixtures, offsets from reference/idcard.md §2.2 / §2.5 / §2.6 / §2.7 -------------

QByteArray residentBlock()
{
    return Block()
        .at(0, 30, QStringLiteral("李秀英"))
        .at(30, 2, QStringLiteral("2"))
        .at(32, 4, QStringLiteral("01"))
        .at(36, 16, QStringLiteral("19491231"))
        .at(52, 70, QStringLiteral("北京市东城区景山前街4号"))
        .at(122, 36, QStringLiteral("11010519491231002X"))
        .at(158, 30, QStringLiteral("北京市公安局东城分局"))
        .at(188, 16, QStringLiteral("20150101"))
        .at(204, 16, QStringLiteral("20350101"))
        .bytes();
}

Identity residentIdentity()
{
    Identity i;
    i.documentType = DocumentType::Resident;
    i.name = QStringLiteral("李秀英");
    i.sexCode = QStringLiteral("2");
    i.ethnicityCode = QStringLiteral("01");
    i.birthDate = QDate(1949, 12, 31);
    i.birthDateRaw = QStringLiteral("19491231");
    i.address = QStringLiteral("北京市东城区景山前街4号");
    i.idNumber = QStringLiteral("11010519491231002X");
    i.issuer = QStringLiteral("北京市公安局东城分局");
    i.validFrom = QDate(2015, 1, 1);
    i.validFromRaw = QStringLiteral("20150101");
    i.validUntil = QDate(2035, 1, 1);
    i.validUntilRaw = QStringLiteral("20350101");
    return i;
}

QByteArray residentFullSlotsBlock() // 15-char name, 35-char address, 长期 + spaces, code 97
{
    return Block()
        .at(0, 30, kName15)
        .at(30, 2, QStringLiteral("1"))
        .at(32, 4, QStringLiteral("97"))
        .at(36, 16, QStringLiteral("19800101"))
        .at(52, 70, kAddress35)
        .at(122, 36, QStringLiteral("440308198001010011"))
        .at(158, 30, QStringLiteral("深圳市公安局南山分局"))
        .at(188, 16, QStringLiteral("20100101"))
        .at(204, 16, kLongTerm)
        .bytes();
}

// `reserved` goes into the permit's reserved slot at 32 (where a resident card has its
// ethnicity): the decoder must not take it for an ethnicity code.
QByteArray hmtBlock(const QString& reserved = QStringLiteral("99"))
{
    return Block()
        .at(0, 30, QStringLiteral("陈美玲"))
        .at(30, 2, QStringLiteral("2"))
        .at(32, 4, reserved)
        .at(36, 16, QStringLiteral("19940823"))
        .at(52, 70, QStringLiteral("广东省深圳市福田区福中三路1号"))
        .at(122, 36, QStringLiteral("810000199408230021"))
        .at(158, 30, QStringLiteral("深圳市公安局"))
        .at(188, 16, QStringLiteral("20200101"))
        .at(204, 16, QStringLiteral("20250101"))
        .at(220, 18, QStringLiteral("H12345678"))
        .at(238, 4, QStringLiteral("01"))
        .at(248, 2, QStringLiteral("J"))
        .bytes();
}

Identity hmtIdentity()
{
    Identity i;
    i.documentType = DocumentType::HmtPermit;
    i.name = QStringLiteral("陈美玲");
    i.sexCode = QStringLiteral("2");
    i.birthDate = QDate(1994, 8, 23);
    i.birthDateRaw = QStringLiteral("19940823");
    i.address = QStringLiteral("广东省深圳市福田区福中三路1号");
    i.idNumber = QStringLiteral("810000199408230021");
    i.issuer = QStringLiteral("深圳市公安局");
    i.validFrom = QDate(2020, 1, 1);
    i.validFromRaw = QStringLiteral("20200101");
    i.validUntil = QDate(2025, 1, 1);
    i.validUntilRaw = QStringLiteral("20250101");
    i.permitNumber = QStringLiteral("H12345678");
    i.issueCount = QStringLiteral("01");
    return i;
}

QByteArray foreign2017Block()
{
    return Block()
        .at(0, 120, QStringLiteral("SMITH JOHN WILLIAM"))
        .at(120, 2, QStringLiteral("1"))
        .at(122, 30, QStringLiteral("USA110080010112"))
        .at(152, 6, QStringLiteral("USA"))
        .at(158, 30, QStringLiteral("约翰·史密斯"))
        .at(188, 16, QStringLiteral("20170615"))
        .at(204, 16, QStringLiteral("20270614"))
        .at(220, 16, QStringLiteral("19800101"))
        .at(236, 4, QStringLiteral("01"))
        .at(240, 8, QStringLiteral("1100"))
        .at(248, 2, QStringLiteral("I"))
        .bytes();
}

Identity foreign2017Identity()
{
    Identity i;
    i.documentType = DocumentType::Foreign2017;
    i.englishName = QStringLiteral("SMITH JOHN WILLIAM");
    i.sexCode = QStringLiteral("1");
    i.idNumber = QStringLiteral("USA110080010112");
    i.nationality = QStringLiteral("USA");
    i.name = QStringLiteral("约翰·史密斯");
    i.validFrom = QDate(2017, 6, 15);
    i.validFromRaw = QStringLiteral("20170615");
    i.validUntil = QDate(2027, 6, 14);
    i.validUntilRaw = QStringLiteral("20270614");
    i.birthDate = QDate(1980, 1, 1);
    i.birthDateRaw = QStringLiteral("19800101");
    i.cardVersion = QStringLiteral("01");
    i.authorityCode = QStringLiteral("1100");
    return i;
}

QByteArray foreign2023Block()
{
    return Block()
        .at(0, 30, QStringLiteral("安娜"))
        .at(30, 2, QStringLiteral("2"))
        .at(32, 4, QStringLiteral("01"))
        .at(36, 16, QStringLiteral("19850315"))
        .at(52, 70, kYPart1)
        .at(122, 36, QStringLiteral("911840198503150024"))
        .at(188, 16, QStringLiteral("20231201"))
        .at(204, 16, QStringLiteral("20331130"))
        .at(220, 22, kYPart2)
        .at(242, 6, QStringLiteral("840"))
        .at(248, 2, QStringLiteral("Y"))
        .at(250, 6, QStringLiteral("USA"))
        .bytes();
}

Identity foreign2023Identity()
{
    Identity i;
    i.documentType = DocumentType::Foreign2023;
    i.name = QStringLiteral("安娜");
    i.sexCode = QStringLiteral("2");
    i.issueCount = QStringLiteral("01");
    i.birthDate = QDate(1985, 3, 15);
    i.birthDateRaw = QStringLiteral("19850315");
    i.englishName = kYPart1 + kYPart2;
    i.idNumber = QStringLiteral("911840198503150024");
    i.validFrom = QDate(2023, 12, 1);
    i.validFromRaw = QStringLiteral("20231201");
    i.validUntil = QDate(2033, 11, 30);
    i.validUntilRaw = QStringLiteral("20331130");
    i.nationality = QStringLiteral("840");
    i.previousNumber = QStringLiteral("USA");
    return i;
}

template <typename F> Identity with(Identity i, F change)
{
    change(i);
    return i;
}

} // namespace

class TstTextBlock : public QObject
{
    Q_OBJECT

private slots:
    void fixturesFitTheirSlots();
    void decodeFields_data();
    void decodeFields();
    void decodeErrors_data();
    void decodeErrors();
    void encodeMatchesHandBuiltBlock_data();
    void encodeMatchesHandBuiltBlock();
    void roundTrip_data();
    void roundTrip();
    void encodeCutsLongFields_data();
    void encodeCutsLongFields();
    void appendedAddress_data();
    void appendedAddress();
    void appendedAddressEncoding();
    void errorNames();
    void randomBlocksNeverCrashAndAreStable();
};

void TstTextBlock::fixturesFitTheirSlots()
{
    QCOMPARE(kYPart1.size(), 35);
    QVERIFY(kYPart1.endsWith(u' '));
    QCOMPARE(kName15.size(), 15);
    QCOMPARE(kAddress35.size(), 35);
    QCOMPARE(residentBlock().size(), kTextBlockSize);
    // Type flags at offset 248, little-endian.
    QCOMPARE(hmtBlock().mid(248, 2), QByteArray("J\0", 2));
    QCOMPARE(foreign2017Block().mid(248, 2), QByteArray("I\0", 2));
    QCOMPARE(foreign2023Block().mid(248, 2), QByteArray("Y\0", 2));
    QCOMPARE(residentBlock().mid(248, 2), QByteArray(" \0", 2));
}

void TstTextBlock::decodeFields_data()
{
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    auto fixture = [](const char* name, const QByteArray& block, const QMap<QString, QString>& expected) {
        for (const QString& key : kKeys) {
            QTest::addRow("%s/%s", name, qPrintable(key))
                << block << key << expected.value(key, defaultValue(key));
        }
    };

    fixture("resident", residentBlock(),
            {{"documentType", "resident"},
             {"name", "李秀英"},
             {"sexCode", "2"},
             {"ethnicityCode", "01"},
             {"birthDate", "1949-12-31"},
             {"birthDateRaw", "19491231"},
             {"address", "北京市东城区景山前街4号"},
             {"idNumber", "11010519491231002X"},
             {"issuer", "北京市公安局东城分局"},
             {"validFrom", "2015-01-01"},
             {"validFromRaw", "20150101"},
             {"validUntil", "2035-01-01"},
             {"validUntilRaw", "20350101"}});

    // NUL padding everywhere and a NUL type flag; a name with '·'; 长期 padded with NULs.
    fixture("resident NUL-padded",
            Block(u'\0')
                .at(0, 30, QStringLiteral("阿依古丽·买买提"))
                .at(30, 2, QStringLiteral("2"))
                .at(32, 4, QStringLiteral("05"))
                .at(36, 16, QStringLiteral("19900101"))
                .at(52, 70, QStringLiteral("新疆维吾尔自治区乌鲁木齐市天山区"))
                .at(122, 36, QStringLiteral("650102199001010020"))
                .at(158, 30, QStringLiteral("乌鲁木齐市公安局天山分局"))
                .at(188, 16, QStringLiteral("20100101"))
                .at(204, 16, kLongTerm)
                .bytes(),
            {{"documentType", "resident"},
             {"name", "阿依古丽·买买提"},
             {"sexCode", "2"},
             {"ethnicityCode", "05"},
             {"birthDate", "1990-01-01"},
             {"birthDateRaw", "19900101"},
             {"address", "新疆维吾尔自治区乌鲁木齐市天山区"},
             {"idNumber", "650102199001010020"},
             {"issuer", "乌鲁木齐市公安局天山分局"},
             {"validFrom", "2010-01-01"},
             {"validFromRaw", "20100101"},
             {"validLongTerm", "true"},
             {"validUntilRaw", "长期"}});

    fixture("resident full slots", residentFullSlotsBlock(),
            {{"documentType", "resident"},
             {"name", kName15},
             {"sexCode", "1"},
             {"ethnicityCode", "97"},
             {"birthDate", "1980-01-01"},
             {"birthDateRaw", "19800101"},
             {"address", kAddress35},
             {"idNumber", "440308198001010011"},
             {"issuer", "深圳市公安局南山分局"},
             {"validFrom", "2010-01-01"},
             {"validFromRaw", "20100101"},
             {"validLongTerm", "true"},
             {"validUntilRaw", "长期"}});

    // Inner spaces stay, leading spaces stay, only the trailing padding goes. Unknown code 77 and
    // unparseable dates are kept as they are.
    fixture("resident odd values",
            Block()
                .at(0, 30, QStringLiteral(" 张 三"))
                .at(30, 2, QStringLiteral("3"))
                .at(32, 4, QStringLiteral("77"))
                .at(36, 16, QStringLiteral("19491340"))
                .at(52, 70, QStringLiteral("北京市 东城区  景山前街4号"))
                .at(122, 36, QStringLiteral("11010519491231002X"))
                .at(188, 16, QStringLiteral("2015011"))
                .at(204, 16, QStringLiteral("2035013A"))
                .bytes(),
            {{"documentType", "resident"},
             {"name", " 张 三"},
             {"sexCode", "3"},
             {"ethnicityCode", "77"},
             {"birthDateRaw", "19491340"},
             {"address", "北京市 东城区  景山前街4号"},
             {"idNumber", "11010519491231002X"},
             {"validFromRaw", "2015011"},
             {"validUntilRaw", "2035013A"}});

    fixture("resident leap days",
            Block()
                .at(36, 16, QStringLiteral("19000229"))
                .at(188, 16, QStringLiteral("20000229"))
                .at(204, 16, QStringLiteral("长期 "))
                .bytes(),
            {{"documentType", "resident"},
             {"birthDateRaw", "19000229"},
             {"validFrom", "2000-02-29"},
             {"validFromRaw", "20000229"},
             {"validLongTerm", "true"},
             {"validUntilRaw", "长期"}});

    fixture("hmt permit", hmtBlock(),
            {{"documentType", "hmt_permit"},
             {"name", "陈美玲"},
             {"sexCode", "2"},
             {"birthDate", "1994-08-23"},
             {"birthDateRaw", "19940823"},
             {"address", "广东省深圳市福田区福中三路1号"},
             {"idNumber", "810000199408230021"},
             {"issuer", "深圳市公安局"},
             {"validFrom", "2020-01-01"},
             {"validFromRaw", "20200101"},
             {"validUntil", "2025-01-01"},
             {"validUntilRaw", "20250101"},
             {"permitNumber", "H12345678"},
             {"issueCount", "01"}});

    fixture("foreign 2017", foreign2017Block(),
            {{"documentType", "foreign_2017"},
             {"englishName", "SMITH JOHN WILLIAM"},
             {"sexCode", "1"},
             {"idNumber", "USA110080010112"},
             {"nationality", "USA"},
             {"name", "约翰·史密斯"},
             {"validFrom", "2017-06-15"},
             {"validFromRaw", "20170615"},
             {"validUntil", "2027-06-14"},
             {"validUntilRaw", "20270614"},
             {"birthDate", "1980-01-01"},
             {"birthDateRaw", "19800101"},
             {"cardVersion", "01"},
             {"authorityCode", "1100"}});

    fixture("foreign 2023 split name", foreign2023Block(),
            {{"documentType", "foreign_2023"},
             {"name", "安娜"},
             {"sexCode", "2"},
             {"issueCount", "01"},
             {"birthDate", "1985-03-15"},
             {"birthDateRaw", "19850315"},
             {"englishName", "ANNA MARIA KONSTANTINOPOULOU SMITH JONES"},
             {"idNumber", "911840198503150024"},
             {"validFrom", "2023-12-01"},
             {"validFromRaw", "20231201"},
             {"validUntil", "2033-11-30"},
             {"validUntilRaw", "20331130"},
             {"nationality", "840"},
             {"previousNumber", "USA"}});

    fixture("foreign 2023 short name",
            Block().at(52, 70, QStringLiteral("ANNA SMITH")).at(248, 2, QStringLiteral("Y")).bytes(),
            {{"documentType", "foreign_2023"}, {"englishName", "ANNA SMITH"}});

    const QString letters35 = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHI");
    fixture("foreign 2023 46-char name",
            Block()
                .at(52, 70, letters35)
                .at(220, 22, QStringLiteral("JKLMNOPQRST"))
                .at(248, 2, QStringLiteral("Y"))
                .bytes(),
            {{"documentType", "foreign_2023"}, {"englishName", letters35 + QStringLiteral("JKLMNOPQRST")}});
}

void TstTextBlock::decodeFields()
{
    QFETCH(QByteArray, block);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const auto decoded = decodeTextBlock(block);
    QVERIFY(decoded.ok());
    QVERIFY(fields(*decoded).contains(key));
    QCOMPARE(fields(*decoded).value(key), expected);
}

void TstTextBlock::decodeErrors_data()
{
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<int>("error");
    const int size = int(TextBlockError::WrongSize);
    const int unsupported = int(TextBlockError::UnsupportedDocument);
    QTest::newRow("empty") << QByteArray() << size;
    QTest::newRow("255 bytes") << residentBlock().left(255) << size;
    QTest::newRow("257 bytes") << residentBlock() + 'x' << size;
    QTest::newRow("512 bytes") << residentBlock() + residentBlock() << size;
    QTest::newRow("flag Z") << Block().at(248, 2, QStringLiteral("Z")).bytes() << unsupported;
    QTest::newRow("flag lowercase j") << Block().at(248, 2, QStringLiteral("j")).bytes() << unsupported;
    QTest::newRow("flag J big-endian") << Block().unit(248, 0x4A00).bytes() << unsupported;
    QTest::newRow("flag full-width J") << Block().at(248, 2, QStringLiteral("Ｊ")).bytes() << unsupported;
    QTest::newRow("flag 0xFFFF") << Block().unit(248, 0xFFFF).bytes() << unsupported;
    QTest::newRow("flag digit") << Block().at(248, 2, QStringLiteral("1")).bytes() << unsupported;
}

void TstTextBlock::decodeErrors()
{
    QFETCH(QByteArray, block);
    QFETCH(int, error);
    const auto decoded = decodeTextBlock(block);
    QVERIFY(!decoded.ok());
    QCOMPARE(int(decoded.error()), error);
}

void TstTextBlock::encodeMatchesHandBuiltBlock_data()
{
    QTest::addColumn<Identity>("identity");
    QTest::addColumn<QByteArray>("block");
    QTest::newRow("resident") << residentIdentity() << residentBlock();
    QTest::newRow("hmt permit") << hmtIdentity() << hmtBlock(QString()); // encoder leaves 32 blank
    QTest::newRow("foreign 2017") << foreign2017Identity() << foreign2017Block();
    QTest::newRow("foreign 2023") << foreign2023Identity() << foreign2023Block();
    Identity longTerm;
    longTerm.name = kName15;
    longTerm.sexCode = QStringLiteral("1");
    longTerm.ethnicityCode = QStringLiteral("97");
    longTerm.birthDate = QDate(1980, 1, 1);
    longTerm.address = kAddress35;
    longTerm.idNumber = QStringLiteral("440308198001010011");
    longTerm.issuer = QStringLiteral("深圳市公安局南山分局");
    longTerm.validFrom = QDate(2010, 1, 1);
    longTerm.validLongTerm = true;
    QTest::newRow("resident full slots, dates from QDate only") << longTerm << residentFullSlotsBlock();
}

void TstTextBlock::encodeMatchesHandBuiltBlock()
{
    QFETCH(Identity, identity);
    QFETCH(QByteArray, block);
    QCOMPARE(encodeTextBlock(identity).toHex(' '), block.toHex(' '));
}

void TstTextBlock::roundTrip_data()
{
    QTest::addColumn<Identity>("identity");
    QTest::newRow("resident") << residentIdentity();
    QTest::newRow("name with middle dot")
        << with(residentIdentity(), [](Identity& i) { i.name = QStringLiteral("阿依古丽·买买提"); });
    QTest::newRow("15-character name") << with(residentIdentity(), [](Identity& i) { i.name = kName15; });
    QTest::newRow("35-character address")
        << with(residentIdentity(), [](Identity& i) { i.address = kAddress35; });
    QTest::newRow("long-term") << with(residentIdentity(), [](Identity& i) {
        i.validUntil = QDate();
        i.validUntilRaw = kLongTerm;
        i.validLongTerm = true;
    });
    QTest::newRow("ethnicity 97") << with(residentIdentity(),
                                          [](Identity& i) { i.ethnicityCode = QStringLiteral("97"); });
    QTest::newRow("ethnicity 77 (unknown)")
        << with(residentIdentity(), [](Identity& i) { i.ethnicityCode = QStringLiteral("77"); });
    QTest::newRow("invalid dates kept raw") << with(residentIdentity(), [](Identity& i) {
        i.birthDate = QDate();
        i.birthDateRaw = QStringLiteral("19491340");
        i.validUntil = QDate();
        i.validUntilRaw = QStringLiteral("2035013A");
    });
    QTest::newRow("rare character name")
        << with(residentIdentity(), [](Identity& i) { i.name = QString::fromUtf16(u"\U00020BB7野家"); });
    QTest::newRow("hmt permit") << hmtIdentity();
    QTest::newRow("foreign 2017") << foreign2017Identity();
    QTest::newRow("foreign 2017 long-term") << with(foreign2017Identity(), [](Identity& i) {
        i.validUntil = QDate();
        i.validUntilRaw = kLongTerm;
        i.validLongTerm = true;
    });
    QTest::newRow("foreign 2023 split name with inner space") << foreign2023Identity();
    QTest::newRow("foreign 2023 short name")
        << with(foreign2023Identity(), [](Identity& i) { i.englishName = QStringLiteral("ANNA SMITH"); });
    QTest::newRow("foreign 2023 46-char name") << with(foreign2023Identity(), [](Identity& i) {
        i.englishName =
            QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFG HIJKLMNOPQR"); // 46, char 35 a space
    });
    QTest::newRow("empty resident") << Identity();
}

void TstTextBlock::roundTrip()
{
    QFETCH(Identity, identity);
    const QByteArray block = encodeTextBlock(identity);
    QCOMPARE(block.size(), kTextBlockSize);
    const auto decoded = decodeTextBlock(block);
    QVERIFY(decoded.ok());
    QCOMPARE(describe(*decoded), describe(identity));
    QCOMPARE(encodeTextBlock(*decoded), block);
}

void TstTextBlock::encodeCutsLongFields_data()
{
    QTest::addColumn<Identity>("identity");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    const QString name20 = kName15 + QStringLiteral("甲乙丙丁戊");
    QTest::newRow("name cut to 15") << with(residentIdentity(), [&](Identity& i) { i.name = name20; })
                                    << QStringLiteral("name") << kName15;
    QTest::newRow("address cut to 35")
        << with(residentIdentity(), [](Identity& i) { i.address = kAddress35 + u'X'; })
        << QStringLiteral("address") << kAddress35;
    // 14 characters + a surrogate pair = 16 code units: the pair does not fit and is not split.
    const QString pairAtEnd = kName15.left(14) + QString::fromUtf16(u"\U00020BB7");
    QTest::newRow("surrogate pair not split")
        << with(residentIdentity(), [&](Identity& i) { i.name = pairAtEnd; }) << QStringLiteral("name")
        << kName15.left(14);
    const QString english50 = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx");
    QTest::newRow("2023 English name cut to 46")
        << with(foreign2023Identity(), [&](Identity& i) { i.englishName = english50; })
        << QStringLiteral("englishName") << english50.left(46);
    QTest::newRow("2017 English name cut to 60")
        << with(foreign2017Identity(), [&](Identity& i) { i.englishName = english50 + english50; })
        << QStringLiteral("englishName") << (english50 + english50).left(60);
    QTest::newRow("nationality cut to 3")
        << with(foreign2017Identity(), [](Identity& i) { i.nationality = QStringLiteral("USAX"); })
        << QStringLiteral("nationality") << QStringLiteral("USA");
}

void TstTextBlock::encodeCutsLongFields()
{
    QFETCH(Identity, identity);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const QByteArray block = encodeTextBlock(identity);
    QCOMPARE(block.size(), kTextBlockSize);
    const auto decoded = decodeTextBlock(block);
    QVERIFY(decoded.ok());
    QCOMPARE(fields(*decoded).value(key), expected);
    QCOMPARE(decoded->documentType, identity.documentType);
}

void TstTextBlock::appendedAddress_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QString addr = QStringLiteral("北京市朝阳区建国路1号院 2号楼");
    QTest::newRow("space padded") << Block(u' ', 70).at(0, 70, addr).bytes() << addr;
    QTest::newRow("NUL padded") << Block(u'\0', 70).at(0, 70, addr).bytes() << addr;
    QTest::newRow("full 35 characters") << Block(u' ', 70).at(0, 70, kAddress35).bytes() << kAddress35;
    QTest::newRow("only 70 bytes are read")
        << Block(u' ', 70).at(0, 70, addr).bytes() + Block(u'X', 30).bytes() << addr;
    QTest::newRow("short input") << Block(u' ', 8).at(0, 8, QStringLiteral("北京")).bytes()
                                 << QStringLiteral("北京");
    QTest::newRow("odd size") << Block(u' ', 8).at(0, 8, QStringLiteral("北京市")).bytes() + 'x'
                              << QStringLiteral("北京市");
    QTest::newRow("one byte") << QByteArray("x") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("all spaces") << Block(u' ', 70).bytes() << QString();
}

void TstTextBlock::appendedAddress()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QCOMPARE(decodeAppendedAddress(bytes), expected);
}

void TstTextBlock::appendedAddressEncoding()
{
    const QString addr = QStringLiteral("上海市浦东新区世纪大道100号");
    const QByteArray encoded = encodeAppendedAddress(addr);
    QCOMPARE(encoded.size(), 70);
    QCOMPARE(encoded, Block(u' ', 70).at(0, 70, addr).bytes());
    QCOMPARE(decodeAppendedAddress(encoded), addr);
    QCOMPARE(decodeAppendedAddress(encodeAppendedAddress(kAddress35 + QStringLiteral("多余"))), kAddress35);
    QCOMPARE(encodeAppendedAddress(QString()), Block(u' ', 70).bytes());
}

void TstTextBlock::errorNames()
{
    QCOMPARE(QByteArray(textBlockErrorName(TextBlockError::WrongSize)), QByteArray("wrong_size"));
    QCOMPARE(QByteArray(textBlockErrorName(TextBlockError::UnsupportedDocument)),
             QByteArray("unsupported_document"));
    QCOMPARE(QByteArray(documentTypeKey(DocumentType::Resident)), QByteArray("resident"));
    QCOMPARE(QByteArray(documentTypeKey(DocumentType::HmtPermit)), QByteArray("hmt_permit"));
    QCOMPARE(QByteArray(documentTypeKey(DocumentType::Foreign2017)), QByteArray("foreign_2017"));
    QCOMPARE(QByteArray(documentTypeKey(DocumentType::Foreign2023)), QByteArray("foreign_2023"));
}

void TstTextBlock::randomBlocksNeverCrashAndAreStable()
{
    QRandomGenerator rng(490);
    const char16_t flags[] = {u' ', u'\0', u'J', u'I', u'Y', u'Z'};
    int decodedCount = 0;
    for (int round = 0; round < 3000; ++round) {
        // Any bytes at all: must not crash.
        QByteArray noise(kTextBlockSize, Qt::Uninitialized);
        for (char& c : noise)
            c = char(rng.bounded(256));
        (void)decodeTextBlock(noise);

        // Random characters (no surrogates), random padding, a chosen flag: decode → encode →
        // decode gives the same identity.
        Block b(rng.bounded(2) ? u' ' : u'\0');
        for (int off = 0; off < kTextBlockSize; off += 2) {
            const quint32 pick = rng.bounded(10);
            if (pick < 6)
                b.unit(off, char16_t(pick < 3 ? u'0' + rng.bounded(10) : 0x4E00 + rng.bounded(0x5000)));
            else if (pick < 8)
                b.unit(off, char16_t(0x20 + rng.bounded(0x5F)));
            else if (pick == 8)
                b.unit(off, u' ');
        }
        b.unit(kTypeFlagOffset, flags[rng.bounded(6)]);
        const auto first = decodeTextBlock(b.bytes());
        if (!first.ok()) {
            QCOMPARE(first.error(), TextBlockError::UnsupportedDocument);
            continue;
        }
        ++decodedCount;
        const auto second = decodeTextBlock(encodeTextBlock(*first));
        QVERIFY(second.ok());
        QCOMPARE(describe(*second), describe(*first));
    }
    QVERIFY(decodedCount > 2000);
}

QTEST_GUILESS_MAIN(TstTextBlock)
#include "tst_textblock.moc"
