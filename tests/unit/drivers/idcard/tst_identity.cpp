#include "drivers/idcard/Identity.h"
#include "drivers/idcard/SecureWipe.h"

#include <QTest>
#include <cstring>

using namespace onewindow;

namespace {

Identity fullIdentity()
{
    Identity i;
    i.documentType = DocumentType::Foreign2023;
    i.name = QStringLiteral("安娜");
    i.englishName = QStringLiteral("ANNA SMITH");
    i.sexCode = QStringLiteral("2");
    i.ethnicityCode = QStringLiteral("01");
    i.birthDate = QDate(1985, 3, 15);
    i.birthDateRaw = QStringLiteral("19850315");
    i.address = QStringLiteral("北京市东城区");
    i.appendedAddress = QStringLiteral("北京市西城区");
    i.idNumber = QStringLiteral("911840198503150024");
    i.issuer = QStringLiteral("国家移民管理局");
    i.validFrom = QDate(2023, 12, 1);
    i.validUntil = QDate(2033, 11, 30);
    i.validLongTerm = true;
    i.validFromRaw = QStringLiteral("20231201");
    i.validUntilRaw = QStringLiteral("20331130");
    i.nationality = QStringLiteral("840");
    i.permitNumber = QStringLiteral("H12345678");
    i.issueCount = QStringLiteral("01");
    i.cardVersion = QStringLiteral("01");
    i.authorityCode = QStringLiteral("1100");
    i.previousNumber = QStringLiteral("USA");
    i.photo = QByteArray(1024, 'P');
    i.chipSerial = QByteArray(8, 'S');
    return i;
}

} // namespace

class TstIdentity : public QObject
{
    Q_OBJECT

private slots:
    void wipeRawMemory();
    void wipeOwnedBuffers();
    void wipeLeavesSharedCopiesAlone();
    void wipeNeverWritesRawData();
    void identityWipe();
    void isEmptyNoticesEveryField_data();
    void isEmptyNoticesEveryField();
    void isExpired_data();
    void isExpired();
};

void TstIdentity::wipeRawMemory()
{
    char buffer[32];
    std::memset(buffer, 'A', sizeof buffer);
    secureWipe(buffer, 16);
    for (int i = 0; i < 16; ++i)
        QCOMPARE(buffer[i], '\0');
    for (int i = 16; i < 32; ++i)
        QCOMPARE(buffer[i], 'A'); // exactly `size` bytes
    secureWipe(nullptr, 10);      // tolerated
    secureWipe(buffer + 16, 0);
    secureWipe(buffer + 16, -1);
    QCOMPARE(buffer[16], 'A');
}

void TstIdentity::wipeOwnedBuffers()
{
    QByteArray bytes("110105194912310021");
    bytes.chop(4); // leaves stale bytes in the allocation's free space
    secureWipe(bytes);
    QVERIFY(bytes.isEmpty());
    QVERIFY(bytes.isNull());

    QString text = QStringLiteral("李秀英 11010519491231002X");
    text.detach();
    text.truncate(3);
    secureWipe(text);
    QVERIFY(text.isEmpty());
    QVERIFY(text.isNull());

    QByteArray empty;
    secureWipe(empty); // null buffers are fine
    QVERIFY(empty.isNull());
    QString emptyText;
    secureWipe(emptyText);
    QVERIFY(emptyText.isNull());
}

void TstIdentity::wipeLeavesSharedCopiesAlone()
{
    QByteArray original(64, 'Z');
    QByteArray copy = original; // shares the buffer
    secureWipe(copy);
    QVERIFY(copy.isEmpty());
    QCOMPARE(original, QByteArray(64, 'Z'));

    QString name = QStringLiteral("欧阳娜娜").repeated(4);
    QString alias = name;
    secureWipe(alias);
    QVERIFY(alias.isEmpty());
    QCOMPARE(name, QStringLiteral("欧阳娜娜").repeated(4));
}

void TstIdentity::wipeNeverWritesRawData()
{
    static const char raw[] = "11010519491231002X";
    QByteArray view = QByteArray::fromRawData(raw, 18);
    secureWipe(view);
    QVERIFY(view.isEmpty());
    QCOMPARE(QByteArray(raw), QByteArray("11010519491231002X"));

    static const QChar rawText[] = {u'张', u'三'};
    QString textView = QString::fromRawData(rawText, 2);
    secureWipe(textView);
    QVERIFY(textView.isEmpty());
    QCOMPARE(rawText[0], QChar(u'张'));
}

void TstIdentity::identityWipe()
{
    Identity id = fullIdentity();
    const Identity before = id; // an implicit copy (e.g. a queued signal argument)
    QVERIFY(!id.isEmpty());
    id.wipe();
    QVERIFY(id.isEmpty());
    QCOMPARE(id.documentType, DocumentType::Resident);
    QVERIFY(id.name.isNull());
    QVERIFY(id.photo.isNull());
    QVERIFY(!id.validLongTerm);
    QVERIFY(id.birthDate.isNull());
    // The other owner's copy is its own business.
    QCOMPARE(before.name, QStringLiteral("安娜"));
    QCOMPARE(before.photo, QByteArray(1024, 'P'));
    id.wipe(); // idempotent
    QVERIFY(id.isEmpty());
}

void TstIdentity::isEmptyNoticesEveryField_data()
{
    QTest::addColumn<Identity>("identity");
    auto row = [](const char* name, auto change) {
        Identity i;
        change(i);
        QTest::newRow(name) << i;
    };
    row("name", [](Identity& i) { i.name = QStringLiteral("x"); });
    row("englishName", [](Identity& i) { i.englishName = QStringLiteral("x"); });
    row("sexCode", [](Identity& i) { i.sexCode = QStringLiteral("1"); });
    row("ethnicityCode", [](Identity& i) { i.ethnicityCode = QStringLiteral("01"); });
    row("birthDate", [](Identity& i) { i.birthDate = QDate(2000, 1, 1); });
    row("birthDateRaw", [](Identity& i) { i.birthDateRaw = QStringLiteral("x"); });
    row("address", [](Identity& i) { i.address = QStringLiteral("x"); });
    row("appendedAddress", [](Identity& i) { i.appendedAddress = QStringLiteral("x"); });
    row("idNumber", [](Identity& i) { i.idNumber = QStringLiteral("x"); });
    row("issuer", [](Identity& i) { i.issuer = QStringLiteral("x"); });
    row("validFrom", [](Identity& i) { i.validFrom = QDate(2000, 1, 1); });
    row("validUntil", [](Identity& i) { i.validUntil = QDate(2000, 1, 1); });
    row("validLongTerm", [](Identity& i) { i.validLongTerm = true; });
    row("validFromRaw", [](Identity& i) { i.validFromRaw = QStringLiteral("x"); });
    row("validUntilRaw", [](Identity& i) { i.validUntilRaw = QStringLiteral("x"); });
    row("nationality", [](Identity& i) { i.nationality = QStringLiteral("x"); });
    row("permitNumber", [](Identity& i) { i.permitNumber = QStringLiteral("x"); });
    row("issueCount", [](Identity& i) { i.issueCount = QStringLiteral("x"); });
    row("cardVersion", [](Identity& i) { i.cardVersion = QStringLiteral("x"); });
    row("authorityCode", [](Identity& i) { i.authorityCode = QStringLiteral("x"); });
    row("previousNumber", [](Identity& i) { i.previousNumber = QStringLiteral("x"); });
    row("photo", [](Identity& i) { i.photo = QByteArray("x"); });
    row("chipSerial", [](Identity& i) { i.chipSerial = QByteArray("x"); });
}

void TstIdentity::isEmptyNoticesEveryField()
{
    QFETCH(Identity, identity);
    QVERIFY(Identity().isEmpty());
    QVERIFY(!identity.isEmpty());
    identity.wipe();
    QVERIFY(identity.isEmpty());
}

void TstIdentity::isExpired_data()
{
    QTest::addColumn<QDate>("validUntil");
    QTest::addColumn<bool>("longTerm");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("expired");
    QTest::newRow("day after expiry") << QDate(2025, 1, 1) << false << QDate(2025, 1, 2) << true;
    QTest::newRow("last valid day") << QDate(2025, 1, 1) << false << QDate(2025, 1, 1) << false;
    QTest::newRow("long-term") << QDate() << true << QDate(2999, 1, 1) << false;
    QTest::newRow("long-term wins over a date") << QDate(2000, 1, 1) << true << QDate(2025, 1, 1) << false;
    QTest::newRow("no date") << QDate() << false << QDate(2025, 1, 1) << false;
    QTest::newRow("no today") << QDate(2000, 1, 1) << false << QDate() << false;
}

void TstIdentity::isExpired()
{
    QFETCH(QDate, validUntil);
    QFETCH(bool, longTerm);
    QFETCH(QDate, today);
    QFETCH(bool, expired);
    Identity i;
    i.validUntil = validUntil;
    i.validLongTerm = longTerm;
    QCOMPARE(i.isExpired(today), expired);
}

QTEST_GUILESS_MAIN(TstIdentity)
#include "tst_identity.moc"
