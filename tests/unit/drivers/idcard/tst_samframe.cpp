#include "drivers/idcard/SamFrame.h"

#include <QRandomGenerator>
#include <QTest>

using namespace onewindow;
using namespace onewindow::sam;

namespace {

QByteArray hex(const char* spaced)
{
    return QByteArray::fromHex(QByteArray(spaced));
}

// Independent checksum for fixtures: XOR of every byte from Len1 to the last data byte.
QByteArray withChecksum(QByteArray frameWithoutChk)
{
    std::uint8_t x = 0;
    for (qsizetype i = 5; i < frameWithoutChk.size(); ++i)
        x ^= std::uint8_t(frameWithoutChk[i]);
    frameWithoutChk.append(char(x));
    return frameWithoutChk;
}

QByteArray filled(qsizetype size, char seed)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        b[i] = char(seed + i * 7);
    return b;
}

// The read responses of §1.4, built by hand: header, TextLen/PhotoLen(/FPLen), the sections.
QByteArray readTextPhotoFrame()
{
    QByteArray f = hex("AAAAAA9669 0508 000090 0100 0400");
    f += filled(256, 1);
    f += filled(1024, 2);
    return withChecksum(f);
}

QByteArray readFingerprintFrame()
{
    QByteArray f = hex("AAAAAA9669 090A 000090 0100 0400 0400");
    f += filled(256, 1);
    f += filled(1024, 2);
    f += filled(1024, 3);
    return withChecksum(f);
}

const QByteArray kStatusOk = hex("AA AA AA 96 69 00 04 00 00 90 94");
const QByteArray kFindOk = hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97");
const QByteArray kFindFail = hex("AA AA AA 96 69 00 04 00 00 80 84");

QString describe(const FrameReader::Event& e)
{
    if (e.frame) {
        return QStringLiteral("frame %1 %2 skip %3")
            .arg(e.frame->sw3, 2, 16, QLatin1Char('0'))
            .arg(e.frame->data.size())
            .arg(e.skippedBytes);
    }
    if (e.error)
        return QStringLiteral("error %1 skip %2")
            .arg(QLatin1String(frameErrorName(*e.error)))
            .arg(e.skippedBytes);
    return QStringLiteral("empty event");
}

// Feeds `stream` in chunks of `chunk` bytes (0: all at once), draining events after each.
QStringList runReader(FrameReader& reader, const QByteArray& stream, int chunk)
{
    QStringList events;
    const qsizetype step = chunk <= 0 ? std::max<qsizetype>(stream.size(), 1) : chunk;
    for (qsizetype at = 0; at < stream.size(); at += step) {
        reader.feed(QByteArrayView(stream).sliced(at, std::min(step, stream.size() - at)));
        while (auto e = reader.next())
            events << describe(*e);
    }
    return events;
}

} // namespace

class TstSamFrame : public QObject
{
    Q_OBJECT

private slots:
    void checksum_data();
    void checksum();
    void commandFrames_data();
    void commandFrames();
    void responseFrames_data();
    void responseFrames();
    void parseResponseErrors_data();
    void parseResponseErrors();
    void parseCommandErrors_data();
    void parseCommandErrors();
    void lengthLimits();
    void frameErrorNames();
    void splitReadPayload_data();
    void splitReadPayload();
    void reader_data();
    void reader();
    void readerTruncatedStaysPendingThenCompletes();
    void readerSkipCountCarriesOver();
    void readerReset();
    void readerRecoversEveryFrameFromNoise();
    void parsersNeverCrashOnNoise();
};

void TstSamFrame::checksum_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected");
    // reference/idcard.md §10
    QTest::newRow("find") << hex("00 03 20 01") << 0x22;
    QTest::newRow("select") << hex("00 03 20 02") << 0x21;
    QTest::newRow("read") << hex("00 03 30 01") << 0x32;
    QTest::newRow("read fp") << hex("00 03 30 10") << 0x23;
    QTest::newRow("read address") << hex("00 03 30 03") << 0x30;
    QTest::newRow("status") << hex("00 03 11 FF") << 0xED;
    QTest::newRow("sam id") << hex("00 03 12 FF") << 0xEE;
    QTest::newRow("reset") << hex("00 03 10 FF") << 0xEC;
    QTest::newRow("max rf byte") << hex("00 04 61 FF 50") << 0xCA;
    QTest::newRow("baud 115200") << hex("00 03 60 00") << 0x63;
    QTest::newRow("find ok response") << hex("00 08 00 00 9F 00 00 00 00") << 0x97;
    QTest::newRow("find fail response") << hex("00 04 00 00 80") << 0x84;
    QTest::newRow("select ok response") << hex("00 0C 00 00 90 0000000000000000") << 0x9C;
    QTest::newRow("empty") << QByteArray() << 0x00;
}

void TstSamFrame::checksum()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    QCOMPARE(int(xorChecksum(bytes)), expected);
}

void TstSamFrame::commandFrames_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");

    // reference/idcard.md §1.3 "Ready-made command frames", byte for byte.
    QTest::newRow("reset sam") << int(Command::ResetSam) << QByteArray()
                               << hex("AA AA AA 96 69 00 03 10 FF EC");
    QTest::newRow("sam status") << int(Command::SamStatus) << QByteArray()
                                << hex("AA AA AA 96 69 00 03 11 FF ED");
    QTest::newRow("sam id") << int(Command::SamId) << QByteArray() << hex("AA AA AA 96 69 00 03 12 FF EE");
    QTest::newRow("find card") << int(Command::FindCard) << QByteArray()
                               << hex("AA AA AA 96 69 00 03 20 01 22");
    QTest::newRow("select card") << int(Command::SelectCard) << QByteArray()
                                 << hex("AA AA AA 96 69 00 03 20 02 21");
    QTest::newRow("read text+photo") << int(Command::ReadTextPhoto) << QByteArray()
                                     << hex("AA AA AA 96 69 00 03 30 01 32");
    QTest::newRow("read text+photo+fp")
        << int(Command::ReadTextPhotoFingerprint) << QByteArray() << hex("AA AA AA 96 69 00 03 30 10 23");
    QTest::newRow("read appended address")
        << int(Command::ReadAppendedAddress) << QByteArray() << hex("AA AA AA 96 69 00 03 30 03 30");
    QTest::newRow("baud 115200") << int(Command::SetBaud115200) << QByteArray()
                                 << hex("AA AA AA 96 69 00 03 60 00 63");
    QTest::newRow("baud 9600") << int(Command::SetBaud9600) << QByteArray()
                               << hex("AA AA AA 96 69 00 03 60 04 67");
    QTest::newRow("max rf byte, explicit data")
        << int(Command::SetMaxRfByte) << hex("50") << hex("AA AA AA 96 69 00 04 61 FF 50 CA");
}

void TstSamFrame::commandFrames()
{
    QFETCH(int, command);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);

    QCOMPARE(encodeCommand(Command(command), data), expected);
    const auto cmd = std::uint8_t(command >> 8);
    const auto para = std::uint8_t(command & 0xFF);
    QCOMPARE(encodeCommand(cmd, para, data), expected);

    const auto parsed = parseCommand(expected);
    QVERIFY(parsed.ok());
    QCOMPARE(int(parsed->cmd), int(cmd));
    QCOMPARE(int(parsed->para), int(para));
    QCOMPARE(parsed->data, data);

    // The default data byte of SetMaxRfByte is supplied by the encoder.
    if (Command(command) == Command::SetMaxRfByte)
        QCOMPARE(encodeCommand(Command::SetMaxRfByte), expected);
}

void TstSamFrame::responseFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("sw1");
    QTest::addColumn<int>("sw2");
    QTest::addColumn<int>("sw3");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("totalSize");

    // reference/idcard.md §1.4
    QTest::newRow("sam status ok") << kStatusOk << 0 << 0 << 0x90 << QByteArray() << 11;
    QTest::newRow("find ok") << kFindOk << 0 << 0 << 0x9F << hex("00000000") << 15;
    QTest::newRow("find fail") << kFindFail << 0 << 0 << 0x80 << QByteArray() << 11;
    QTest::newRow("select ok") << hex("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C") << 0 << 0
                               << 0x90 << hex("0000000000000000") << 19;
    QTest::newRow("select fail") << hex("AA AA AA 96 69 00 04 00 00 81 85") << 0 << 0 << 0x81 << QByteArray()
                                 << 11;
    QTest::newRow("read fail") << hex("AA AA AA 96 69 00 04 00 00 41 45") << 0 << 0 << 0x41 << QByteArray()
                               << 11;
    QTest::newRow("sam->card auth failure")
        << hex("AA AA AA 96 69 00 04 00 00 32 36") << 0 << 0 << 0x32 << QByteArray() << 11;
    QTest::newRow("non-zero SW1/SW2")
        << withChecksum(hex("AA AA AA 96 69 00 04 6A 82 31")) << 0x6A << 0x82 << 0x31 << QByteArray() << 11;
    const QByteArray textPhoto = readTextPhotoFrame();
    QTest::newRow("read text+photo (1295 bytes)")
        << textPhoto << 0 << 0 << 0x90 << textPhoto.mid(10, 1284) << 1295;
    const QByteArray fp = readFingerprintFrame();
    QTest::newRow("read text+photo+fp (2321 bytes)") << fp << 0 << 0 << 0x90 << fp.mid(10, 2310) << 2321;
}

void TstSamFrame::responseFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, sw1);
    QFETCH(int, sw2);
    QFETCH(int, sw3);
    QFETCH(QByteArray, data);
    QFETCH(int, totalSize);

    QCOMPARE(frame.size(), totalSize);
    const auto r = parseResponse(frame);
    QVERIFY(r.ok());
    QCOMPARE(int(r->sw1), sw1);
    QCOMPARE(int(r->sw2), sw2);
    QCOMPARE(int(r->sw3), sw3);
    QCOMPARE(r->data, data);
    QCOMPARE(encodeResponse(std::uint8_t(sw1), std::uint8_t(sw2), std::uint8_t(sw3), data), frame);
}

void TstSamFrame::parseResponseErrors_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("error");
    const int pre = int(FrameError::BadPreamble);
    const int len = int(FrameError::BadLength);
    const int tru = int(FrameError::Truncated);
    const int chk = int(FrameError::BadChecksum);

    QTest::newRow("empty") << QByteArray() << tru;
    QTest::newRow("half a preamble") << hex("AA AA") << tru;
    QTest::newRow("wrong first byte") << hex("AB AA AA 96 69 00 04 00 00 90 94") << pre;
    QTest::newRow("96 69 swapped") << hex("AA AA AA 69 96 00 04 00 00 90 94") << pre;
    QTest::newRow("short garbage") << hex("01 02") << pre;
    QTest::newRow("leading garbage byte") << hex("00 AA AA AA 96 69 00 04 00 00 90 94") << pre;
    QTest::newRow("preamble only") << hex("AA AA AA 96 69") << tru;
    QTest::newRow("one length byte") << hex("AA AA AA 96 69 00") << tru;
    QTest::newRow("length 0") << hex("AA AA AA 96 69 00 00") << len;
    QTest::newRow("length 3 (below SW1 SW2 SW3 CHK)")
        << withChecksum(hex("AA AA AA 96 69 00 03 00 90")) << len;
    QTest::newRow("length above kMaxLength") << hex("AA AA AA 96 69 0A 01 00 00 90") << len;
    QTest::newRow("length FFFF") << hex("AA AA AA 96 69 FF FF 00 00 90") << len;
    QTest::newRow("missing checksum") << hex("AA AA AA 96 69 00 04 00 00 90") << tru;
    QTest::newRow("missing data") << hex("AA AA AA 96 69 00 08 00 00 9F 00 00") << tru;
    QTest::newRow("trailing byte") << hex("AA AA AA 96 69 00 04 00 00 90 94 00") << len;
    QTest::newRow("two frames") << kStatusOk + kStatusOk << len;
    QTest::newRow("bad checksum") << hex("AA AA AA 96 69 00 04 00 00 90 95") << chk;
    QTest::newRow("flipped data bit") << hex("AA AA AA 96 69 00 08 00 00 9F 00 01 00 00 97") << chk;
    QTest::newRow("flipped length bit") << hex("AA AA AA 96 69 00 05 00 00 90 94 00") << chk;
}

void TstSamFrame::parseResponseErrors()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, error);
    const auto r = parseResponse(frame);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error()), error);
}

void TstSamFrame::parseCommandErrors_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("error");
    const int pre = int(FrameError::BadPreamble);
    const int len = int(FrameError::BadLength);
    const int tru = int(FrameError::Truncated);
    const int chk = int(FrameError::BadChecksum);

    QTest::newRow("empty") << QByteArray() << tru;
    QTest::newRow("preamble prefix") << hex("AA AA AA 96") << tru;
    QTest::newRow("bad preamble") << hex("AA AA AA 96 6A 00 03 20 01 22") << pre;
    QTest::newRow("length 2 (below CMD Para CHK)") << withChecksum(hex("AA AA AA 96 69 00 02 20")) << len;
    QTest::newRow("length above kMaxLength") << hex("AA AA AA 96 69 0A 01 20 01") << len;
    QTest::newRow("truncated") << hex("AA AA AA 96 69 00 03 20 01") << tru;
    QTest::newRow("trailing byte") << hex("AA AA AA 96 69 00 03 20 01 22 22") << len;
    QTest::newRow("bad checksum") << hex("AA AA AA 96 69 00 03 20 01 23") << chk;
}

void TstSamFrame::parseCommandErrors()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, error);
    const auto c = parseCommand(frame);
    QVERIFY(!c.ok());
    QCOMPARE(int(c.error()), error);
}

void TstSamFrame::lengthLimits()
{
    // The largest response the reader accepts: Len == kMaxLength.
    const QByteArray maxData = filled(kMaxLength - kMinResponseLength, 9);
    const QByteArray biggest = encodeResponse(0, 0, 0x90, maxData);
    QCOMPARE(biggest.size(), kHeaderSize + kMaxLength);
    const auto r = parseResponse(biggest);
    QVERIFY(r.ok());
    QCOMPARE(r->data, maxData);

    // One more byte cannot be framed.
    QVERIFY(encodeResponse(0, 0, 0x90, filled(kMaxLength - kMinResponseLength + 1, 9)).isEmpty());
    QVERIFY(encodeCommand(0x30, 0x01, filled(kMaxLength - kMinCommandLength + 1, 9)).isEmpty());
    QCOMPARE(encodeCommand(0x30, 0x01, filled(kMaxLength - kMinCommandLength, 9)).size(),
             kHeaderSize + kMaxLength);
}

void TstSamFrame::frameErrorNames()
{
    QCOMPARE(QByteArray(frameErrorName(FrameError::BadPreamble)), QByteArray("bad_preamble"));
    QCOMPARE(QByteArray(frameErrorName(FrameError::BadLength)), QByteArray("bad_length"));
    QCOMPARE(QByteArray(frameErrorName(FrameError::Truncated)), QByteArray("truncated"));
    QCOMPARE(QByteArray(frameErrorName(FrameError::BadChecksum)), QByteArray("bad_checksum"));
}

void TstSamFrame::splitReadPayload_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("withFingerprint");
    QTest::addColumn<int>("error"); // -1: success
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("photo");
    QTest::addColumn<QByteArray>("fingerprint");

    const QByteArray text = filled(256, 1);
    const QByteArray photo = filled(1024, 2);
    const QByteArray fp512 = filled(512, 3);
    const QByteArray fp1024 = filled(1024, 4);
    const int tooShort = int(PayloadError::TooShort);
    const int mismatch = int(PayloadError::LengthMismatch);

    QTest::newRow("text+photo") << hex("0100 0400") + text + photo << false << -1 << text << photo
                                << QByteArray();
    QTest::newRow("text+photo+fp 512")
        << hex("0100 0400 0200") + text + photo + fp512 << true << -1 << text << photo << fp512;
    QTest::newRow("text+photo+fp 1024")
        << hex("0100 0400 0400") + text + photo + fp1024 << true << -1 << text << photo << fp1024;
    QTest::newRow("no fingerprint on card")
        << hex("0100 0400 0000") + text + photo << true << -1 << text << photo << QByteArray();
    QTest::newRow("all lengths zero")
        << hex("0000 0000") << false << -1 << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("read frame data") << readTextPhotoFrame().mid(10, 1284) << false << -1 << text << photo
                                     << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << tooShort << QByteArray() << QByteArray()
                           << QByteArray();
    QTest::newRow("3 bytes") << hex("0100 04") << false << tooShort << QByteArray() << QByteArray()
                             << QByteArray();
    QTest::newRow("5 bytes with fp") << hex("0100 0400 00") << true << tooShort << QByteArray()
                                     << QByteArray() << QByteArray();
    QTest::newRow("one byte missing") << hex("0100 0400") + text + photo.left(1023) << false << mismatch
                                      << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("one byte extra") << hex("0100 0400") + text + photo + "x" << false << mismatch
                                    << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("fp payload read without fp") << hex("0100 0400 0200") + text + photo + fp512 << false
                                                << mismatch << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("little-endian lengths") << hex("0001 0004") + text + photo << false << mismatch
                                           << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("huge lengths") << hex("FFFF FFFF FFFF") + text << true << mismatch << QByteArray()
                                  << QByteArray() << QByteArray();
}

void TstSamFrame::splitReadPayload()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, withFingerprint);
    QFETCH(int, error);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, photo);
    QFETCH(QByteArray, fingerprint);

    const auto p = sam::splitReadPayload(payload, withFingerprint);
    if (error >= 0) {
        QVERIFY(!p.ok());
        QCOMPARE(int(p.error()), error);
        return;
    }
    QVERIFY(p.ok());
    QCOMPARE(p->text, text);
    QCOMPARE(p->photo, photo);
    QCOMPARE(p->fingerprint, fingerprint);
}

void TstSamFrame::reader_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("chunk"); // 0: one feed()
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<int>("pending");

    const QByteArray read = readTextPhotoFrame();
    const QString ok = QStringLiteral("frame 90 0 skip 0");

    QTest::newRow("one frame") << kStatusOk << 0 << QStringList{ok} << 0;
    QTest::newRow("garbage prefix") << hex("00 11 22 AA AA") + kStatusOk << 0
                                    << QStringList{QStringLiteral("frame 90 0 skip 5")} << 0;
    QTest::newRow("extra AA before preamble")
        << hex("AA") + kFindOk << 0 << QStringList{QStringLiteral("frame 9f 4 skip 1")} << 0;
    QTest::newRow("read frame byte by byte")
        << read << 1 << QStringList{QStringLiteral("frame 90 1284 skip 0")} << 0;
    QTest::newRow("read frame in 7-byte chunks")
        << read << 7 << QStringList{QStringLiteral("frame 90 1284 skip 0")} << 0;
    const QByteArray merged = kStatusOk + kFindOk + kFindFail + read;
    const QStringList mergedEvents = {ok, QStringLiteral("frame 9f 4 skip 0"),
                                      QStringLiteral("frame 80 0 skip 0"),
                                      QStringLiteral("frame 90 1284 skip 0")};
    QTest::newRow("merged frames, one feed") << merged << 0 << mergedEvents << 0;
    QTest::newRow("merged frames, byte by byte") << merged << 1 << mergedEvents << 0;
    QTest::newRow("merged frames, 3-byte chunks") << merged << 3 << mergedEvents << 0;
    QTest::newRow("bad checksum then good frame")
        << hex("AA AA AA 96 69 00 04 00 00 90 95") + kStatusOk << 0
        << QStringList{QStringLiteral("error bad_checksum skip 0"), QStringLiteral("frame 90 0 skip 10")}
        << 0;
    QTest::newRow("bad checksum then good frame, byte by byte")
        << hex("AA AA AA 96 69 00 04 00 00 90 95") + kStatusOk << 1
        << QStringList{QStringLiteral("error bad_checksum skip 0"), QStringLiteral("frame 90 0 skip 10")}
        << 0;
    QTest::newRow("oversize length then good frame")
        << hex("AA AA AA 96 69 0F FF") + kFindOk << 0
        << QStringList{QStringLiteral("error bad_length skip 0"), QStringLiteral("frame 9f 4 skip 6")} << 0;
    QTest::newRow("length below minimum then good frame")
        << hex("AA AA AA 96 69 00 02 00 00") + kStatusOk << 1
        << QStringList{QStringLiteral("error bad_length skip 0"), QStringLiteral("frame 90 0 skip 8")} << 0;
    // A corrupt header whose length swallows a real frame: the real frame is found again by
    // resynchronising one byte after the rejected frame's start.
    QTest::newRow("real frame inside a rejected one")
        << hex("AA AA AA 96 69 00 0B") + kStatusOk << 0
        << QStringList{QStringLiteral("error bad_checksum skip 0"), QStringLiteral("frame 90 0 skip 6")} << 0;
    QTest::newRow("truncated frame stays pending")
        << hex("AA AA AA 96 69 00 04 00 00") << 0 << QStringList{} << 9;
    QTest::newRow("truncated after a good frame")
        << kStatusOk + hex("01 02 AA AA AA 96 69 00 08 00") << 1 << QStringList{ok} << 8;
    QTest::newRow("garbage only is dropped") << hex("01 02 03 04 05 06 07 08") << 0 << QStringList{} << 0;
    QTest::newRow("garbage ending in a partial preamble")
        << hex("01 02 03 AA AA AA 96") << 0 << QStringList{} << 4;
    QTest::newRow("empty stream") << QByteArray() << 0 << QStringList{} << 0;
}

void TstSamFrame::reader()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, chunk);
    QFETCH(QStringList, events);
    QFETCH(int, pending);

    FrameReader reader;
    QCOMPARE(runReader(reader, stream, chunk), events);
    QCOMPARE(reader.pending(), qsizetype(pending));
    QVERIFY(!reader.next().has_value());
}

void TstSamFrame::readerTruncatedStaysPendingThenCompletes()
{
    const QByteArray read = readTextPhotoFrame();
    FrameReader reader;
    reader.feed(QByteArrayView(read).first(700));
    QVERIFY(!reader.next().has_value());
    QVERIFY(!reader.next().has_value()); // asking again changes nothing
    QCOMPARE(reader.pending(), qsizetype(700));
    reader.feed(QByteArrayView(read).sliced(700));
    const auto e = reader.next();
    QVERIFY(e.has_value());
    QVERIFY(e->frame.has_value());
    QVERIFY(!e->error.has_value());
    QCOMPARE(e->frame->data, read.mid(10, 1284));
    QCOMPARE(reader.pending(), qsizetype(0));
}

void TstSamFrame::readerSkipCountCarriesOver()
{
    FrameReader reader;
    reader.feed(hex("01 02 03"));
    QVERIFY(!reader.next().has_value());
    QCOMPARE(reader.pending(), qsizetype(0));
    reader.feed(hex("04") + kStatusOk);
    const auto e = reader.next();
    QVERIFY(e.has_value() && e->frame.has_value());
    QCOMPARE(e->skippedBytes, qsizetype(4));
}

void TstSamFrame::readerReset()
{
    FrameReader reader;
    reader.feed(hex("55 AA AA AA 96 69 00 08 00 00 9F"));
    QVERIFY(!reader.next().has_value());
    QCOMPARE(reader.pending(), qsizetype(10));
    reader.reset();
    QCOMPARE(reader.pending(), qsizetype(0));
    // The stale half frame must not be glued to the next answer, nor counted as skipped.
    reader.feed(kFindFail);
    const auto e = reader.next();
    QVERIFY(e.has_value() && e->frame.has_value());
    QCOMPARE(int(e->frame->sw3), 0x80);
    QCOMPARE(e->skippedBytes, qsizetype(0));
    QVERIFY(!reader.next().has_value());
}

void TstSamFrame::readerRecoversEveryFrameFromNoise()
{
    // Good frames separated by noise and by corrupt headers with random lengths that swallow
    // what follows. Every good frame must come out, whatever the chunking.
    QRandomGenerator rng(467);
    QByteArray stream;
    QList<qsizetype> corruptHeaders;
    int goodFrames = 0;
    for (int i = 0; i < 200; ++i) {
        const int noise = int(rng.bounded(40));
        for (int n = 0; n < noise; ++n)
            stream.append(char(rng.bounded(0x60))); // below 0x96/0xAA: noise never forms a preamble
        if (rng.bounded(4) == 0) {
            corruptHeaders.append(stream.size());
            stream += hex("AA AA AA 96 69");
            const int len = int(rng.bounded(0x0C00));
            stream.append(char(len >> 8));
            stream.append(char(len & 0xFF));
        }
        QByteArray data(int(rng.bounded(30)), Qt::Uninitialized);
        for (char& c : data)
            c = char(rng.bounded(256));
        stream += encodeResponse(0, 0, 0x90, data);
        ++goodFrames;
    }
    // Lets every corrupt length run to its end; zeros hold no preamble.
    stream += QByteArray(0x0C10, '\0');
    // A corrupt header whose span happens to carry a correct checksum is a valid frame, not a
    // corrupt one: nudge its length (last to first, so earlier spans see the final bytes).
    for (auto it = corruptHeaders.crbegin(); it != corruptHeaders.crend(); ++it) {
        const qsizetype at = *it;
        for (;;) {
            const int len = (int(std::uint8_t(stream[at + 5])) << 8) | int(std::uint8_t(stream[at + 6]));
            if (len < kMinResponseLength || len > kMaxLength ||
                !parseResponse(QByteArrayView(stream).sliced(at, kHeaderSize + len)).ok()) {
                break;
            }
            stream[at + 6] = char(len + 1);
        }
    }
    QVERIFY(corruptHeaders.size() > 20);

    for (int chunk : {0, 1, 13, 512}) {
        FrameReader reader;
        const QStringList events = runReader(reader, stream, chunk);
        int frames = 0;
        int errors = 0;
        for (const QString& e : events) {
            frames += e.startsWith(QLatin1String("frame")) ? 1 : 0;
            errors += e.startsWith(QLatin1String("error")) ? 1 : 0;
        }
        QCOMPARE(frames, goodFrames);
        QCOMPARE(errors, int(corruptHeaders.size()));
        QCOMPARE(reader.pending(), qsizetype(0));
    }
}

void TstSamFrame::parsersNeverCrashOnNoise()
{
    QRandomGenerator rng(490);
    int accepted = 0;
    for (int i = 0; i < 5000; ++i) {
        QByteArray b(int(rng.bounded(40)), Qt::Uninitialized);
        for (char& c : b)
            c = char(rng.bounded(256));
        if (rng.bounded(2) == 0)
            b = hex("AA AA AA 96 69") + b; // get past the preamble check half of the time
        accepted += parseResponse(b).ok() ? 1 : 0;
        accepted += parseCommand(b).ok() ? 1 : 0;
        accepted += sam::splitReadPayload(b, rng.bounded(2) == 0).ok() ? 1 : 0;
    }
    // Practically nothing random is a valid frame; the point is that nothing crashed.
    QVERIFY(accepted < 500);
}

QTEST_GUILESS_MAIN(TstSamFrame)
#include "tst_samframe.moc"
