// The APDU-map logic (offsets, chunk assembly, status-word meanings) against a scripted card.
// A scripted CardChannel stands in for pcscd here because this tests pure assembly rules case
// by case; tests/integration/pcsc runs the same code against a real pcscd with a vpcd card.
#include "drivers/idcard/TextBlock.h"
#include "drivers/pcsc/ApduMapReader.h"

#include <QFile>
#include <QMap>
#include <QTest>

using namespace onewindow;

namespace {

QByteArray hex(const char* spaced)
{
    return QByteArray::fromHex(QByteArray(spaced));
}

QByteArray fixture(const QString& name)
{
    QFile f(qEnvironmentVariable("ONEWINDOW_SOURCE_DIR") + QStringLiteral("/tests/fixtures/idcard/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QByteArray::fromHex(f.readAll());
}

QByteArray photo()
{
    QByteArray p(1024, '\0');
    for (int i = 0; i < p.size(); ++i)
        p[i] = char((i * 7 + 3) & 0xFF);
    return p;
}

const ReaderProfile& builtin(const QString& name)
{
    static const QList<ReaderProfile> all = builtinReaderProfiles().profiles;
    const ReaderProfile* p = findProfile(all, name);
    if (!p)
        qFatal("no builtin profile %s", qPrintable(name));
    return *p;
}

// A card answering from a table; commands not in it get 6D 00. Records what was sent.
struct ScriptedCard
{
    QMap<QByteArray, Expected<ApduResponse, TransmitFailure>> answers;
    QList<QByteArray> sent;

    void ok(const char* cmd, const QByteArray& data) { answers.insert(hex(cmd), ApduResponse{data, 0x9000}); }
    void sw(const char* cmd, quint16 sw) { answers.insert(hex(cmd), ApduResponse{{}, sw}); }
    void fail(const char* cmd, TransmitFailure f)
    {
        answers.insert(hex(cmd), Expected<ApduResponse, TransmitFailure>::failure(f));
    }
    CardChannel channel()
    {
        return [this](const QByteArray& command) {
            sent.append(command);
            return answers.value(command, ApduResponse{{}, 0x6D00});
        };
    }
};

ScriptedCard genericSamCard(const QByteArray& text)
{
    ScriptedCard c;
    const QByteArray p = photo();
    c.ok("FFB0000000", text);
    c.ok("FFB0010000", p.mid(0, 256));
    c.ok("FFB0020000", p.mid(256, 256));
    c.ok("FFB0030000", p.mid(512, 256));
    c.ok("FFB0040000", p.mid(768, 256));
    c.sw("FFB0060000", 0x6A82);
    return c;
}

} // namespace

class TestApduMapReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void genericSamReadsEverything()
    {
        ScriptedCard card = genericSamCard(fixture("resident.hex"));
        MapTimings t;
        auto id = readIdentityWithMap(builtin("generic-sam").apdu, card.channel(), &t);
        QVERIFY(id);
        QCOMPARE(id->idNumber, QStringLiteral("110105199003079986"));
        QCOMPARE(id->name, QStringLiteral("测试·样例"));
        QCOMPARE(id->photo, photo());
        QVERIFY(id->appendedAddress.isEmpty()); // 6A 82 = none, not an error
        QVERIFY(id->chipSerial.isEmpty());
        QCOMPARE(card.sent.size(), 6);
    }

    void appendedAddressDecoded()
    {
        ScriptedCard card = genericSamCard(fixture("resident.hex"));
        card.ok("FFB0060000", encodeAppendedAddress(QStringLiteral("测试路2号")));
        auto id = readIdentityWithMap(builtin("generic-sam").apdu, card.channel());
        QVERIFY(id);
        QCOMPARE(id->appendedAddress, QStringLiteral("测试路2号"));
    }

    void fieldConventionAssembly()
    {
        ScriptedCard card;
        const QByteArray p = photo();
        const QByteArray header = hex("00000100");
        card.ok("FFB0000000", header + fixture("hmt_permit.hex"));
        card.ok("FFB0010000", header + p.mid(0, 252));
        card.ok("FFB0020000", p.mid(252, 256));
        card.ok("FFB0030000", p.mid(508, 256));
        card.ok("FFB0040000", p.mid(764, 256));
        card.ok("FFB0050000", p.mid(1020, 4));
        auto id = readIdentityWithMap(builtin("field-convention").apdu, card.channel());
        QVERIFY(id);
        QCOMPARE(id->documentType, DocumentType::HmtPermit);
        QCOMPARE(id->permitNumber, QStringLiteral("H99000001"));
        QCOMPARE(id->photo, p);
    }

    void chipSerialWithIdentity()
    {
        PcscApduMap map = builtin("generic-sam").apdu;
        map.chipSerial = ApduStep{hex("0036000008"), 0, 8};
        ScriptedCard card = genericSamCard(fixture("foreign_2023.hex"));
        card.ok("0036000008", hex("0102030405060708"));
        auto id = readIdentityWithMap(map, card.channel());
        QVERIFY(id);
        QCOMPARE(id->chipSerial, hex("0102030405060708"));
        QCOMPARE(id->documentType, DocumentType::Foreign2023);

        // A reader that cannot give the serial still delivers the identity.
        ScriptedCard noSerial = genericSamCard(fixture("foreign_2023.hex"));
        auto id2 = readIdentityWithMap(map, noSerial.channel());
        QVERIFY(id2);
        QVERIFY(id2->chipSerial.isEmpty());
    }

    void statusWords_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<int>("sw");
        QTest::addColumn<int>("error");
        QTest::addColumn<bool>("mismatch");
        QTest::newRow("text 6F00") << hex("FFB0000000") << 0x6F00 << int(ReadError::CardMoved) << false;
        QTest::newRow("photo 6F00") << hex("FFB0030000") << 0x6F00 << int(ReadError::CardMoved) << false;
        QTest::newRow("text 6985") << hex("FFB0000000") << 0x6985 << int(ReadError::ReaderFailure) << false;
        QTest::newRow("text 6A82") << hex("FFB0000000") << 0x6A82 << int(ReadError::UnsupportedDocument)
                                   << false;
        QTest::newRow("photo 6A82") << hex("FFB0020000") << 0x6A82 << int(ReadError::CardUnreadable) << false;
        QTest::newRow("text unknown") << hex("FFB0000000") << 0x6D00 << int(ReadError::ReaderFailure) << true;
        QTest::newRow("photo unknown")
            << hex("FFB0040000") << 0x6400 << int(ReadError::ReaderFailure) << false;
        QTest::newRow("address unknown")
            << hex("FFB0060000") << 0x6400 << int(ReadError::ReaderFailure) << false;
        QTest::newRow("address 6F00") << hex("FFB0060000") << 0x6F00 << int(ReadError::CardMoved) << false;
    }

    void statusWords()
    {
        QFETCH(QByteArray, command);
        QFETCH(int, sw);
        QFETCH(int, error);
        QFETCH(bool, mismatch);
        ScriptedCard card = genericSamCard(fixture("resident.hex"));
        card.answers.insert(command, ApduResponse{{}, quint16(sw)});
        auto id = readIdentityWithMap(builtin("generic-sam").apdu, card.channel());
        QVERIFY(!id);
        QCOMPARE(int(id.error().error), error);
        QCOMPARE(id.error().profileMismatch, mismatch);
        QVERIFY(
            id.error().detail.contains(QStringLiteral("SW %1").arg(sw, 4, 16, QLatin1Char('0')).toUpper()));
        QCOMPARE(card.sent.last(), command); // stops at the failing command
    }

    void transportFailures_data()
    {
        QTest::addColumn<int>("failure");
        QTest::addColumn<int>("error");
        QTest::addColumn<bool>("serviceLost");
        QTest::newRow("card gone") << int(TransmitFailure::CardGone) << int(ReadError::CardMoved) << false;
        QTest::newRow("timeout") << int(TransmitFailure::Timeout) << int(ReadError::Timeout) << false;
        QTest::newRow("service") << int(TransmitFailure::ServiceLost) << int(ReadError::ReaderFailure)
                                 << true;
        QTest::newRow("other") << int(TransmitFailure::Other) << int(ReadError::ReaderFailure) << false;
    }

    void transportFailures()
    {
        QFETCH(int, failure);
        QFETCH(int, error);
        QFETCH(bool, serviceLost);
        ScriptedCard card = genericSamCard(fixture("resident.hex"));
        card.fail("FFB0020000", TransmitFailure(failure));
        auto id = readIdentityWithMap(builtin("generic-sam").apdu, card.channel());
        QVERIFY(!id);
        QCOMPARE(int(id.error().error), error);
        QCOMPARE(id.error().serviceLost, serviceLost);
        QVERIFY(!id.error().profileMismatch);
    }

    void shortAnswer()
    {
        ScriptedCard card = genericSamCard(fixture("resident.hex"));
        card.ok("FFB0000000", fixture("resident.hex").left(200));
        auto id = readIdentityWithMap(builtin("generic-sam").apdu, card.channel());
        QVERIFY(!id);
        QCOMPARE(id.error().error, ReadError::ReaderFailure);
        QVERIFY(id.error().profileMismatch); // on the first command: maybe another map fits
        QVERIFY(id.error().detail.contains(QStringLiteral("200 bytes, expected 256")));

        ScriptedCard shortPhoto = genericSamCard(fixture("resident.hex"));
        shortPhoto.ok("FFB0030000", photo().left(100));
        auto id2 = readIdentityWithMap(builtin("generic-sam").apdu, shortPhoto.channel());
        QVERIFY(!id2);
        QVERIFY(!id2.error().profileMismatch);
    }

    void unknownDocument()
    {
        QByteArray text = fixture("resident.hex");
        text[248] = 'Z';
        text[249] = 0;
        ScriptedCard card = genericSamCard(text);
        auto id = readIdentityWithMap(builtin("generic-sam").apdu, card.channel());
        QVERIFY(!id);
        QCOMPARE(id.error().error, ReadError::UnsupportedDocument);
        QVERIFY(id.error().detail.contains(QStringLiteral("unsupported_document")));
    }

    void chipSerialOnly()
    {
        ScriptedCard card;
        card.ok("0036000008", hex("1122334455667788"));
        auto serial = readChipSerialWithMap(builtin("chip-serial-only").apdu, card.channel());
        QVERIFY(serial);
        QCOMPARE(serial.value(), hex("1122334455667788"));

        ScriptedCard bankCard; // answers 6D 00 to everything
        auto none = readChipSerialWithMap(builtin("chip-serial-only").apdu, bankCard.channel());
        QVERIFY(!none);
        QVERIFY(none.error().profileMismatch);

        auto noMap = readChipSerialWithMap(builtin("generic-sam").apdu, card.channel());
        QVERIFY(!noMap);
        auto noText = readIdentityWithMap(builtin("chip-serial-only").apdu, card.channel());
        QVERIFY(!noText);
        QCOMPARE(noText.error().error, ReadError::UnsupportedDocument);
    }
};

QTEST_GUILESS_MAIN(TestApduMapReader)
#include "tst_apdumapreader.moc"
