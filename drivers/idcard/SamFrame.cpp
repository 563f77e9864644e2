#include "drivers/idcard/SamFrame.h"

#include "drivers/idcard/SecureWipe.h"

#include <algorithm>

namespace onewindow::sam {

namespace {

QByteArrayView preambleView()
{
    return QByteArrayView(kPreamble, kPreambleSize);
}

std::uint8_t byteAt(QByteArrayView bytes, qsizetype i)
{
    return static_cast<std::uint8_t>(bytes.at(i));
}

int lengthField(QByteArrayView frame) // caller guarantees frame.size() >= kHeaderSize
{
    return (int(byteAt(frame, 5)) << 8) | int(byteAt(frame, 6));
}

// Builds preamble | Len | body | CHK. Returns an empty array when the frame would exceed
// kMaxLength (no SAM accepts or sends such a frame).
QByteArray buildFrame(QByteArrayView body)
{
    const qsizetype length = body.size() + 1; // + CHK
    if (length > kMaxLength)
        return {};
    QByteArray frame;
    frame.reserve(kHeaderSize + length);
    frame.append(preambleView());
    frame.append(char((length >> 8) & 0xFF));
    frame.append(char(length & 0xFF));
    frame.append(body);
    frame.append(char(xorChecksum(QByteArrayView(frame).sliced(kPreambleSize))));
    return frame;
}

// Shared validation of one complete frame: preamble, length bounds, size, checksum.
// On success returns the body (the bytes between the length field and CHK).
Expected<QByteArrayView, FrameError> checkFrame(QByteArrayView frame, int minLength)
{
    const QByteArrayView preamble = preambleView();
    const qsizetype head = std::min<qsizetype>(frame.size(), kPreambleSize);
    if (frame.first(head) != preamble.first(head))
        return Expected<QByteArrayView, FrameError>::failure(FrameError::BadPreamble);
    if (frame.size() < kHeaderSize)
        return Expected<QByteArrayView, FrameError>::failure(FrameError::Truncated);
    const int length = lengthField(frame);
    if (length < minLength || length > kMaxLength)
        return Expected<QByteArrayView, FrameError>::failure(FrameError::BadLength);
    const qsizetype total = kHeaderSize + length;
    if (frame.size() < total)
        return Expected<QByteArrayView, FrameError>::failure(FrameError::Truncated);
    if (frame.size() > total)
        return Expected<QByteArrayView, FrameError>::failure(FrameError::BadLength);
    if (xorChecksum(frame.sliced(kPreambleSize, total - kPreambleSize - 1)) != byteAt(frame, total - 1))
        return Expected<QByteArrayView, FrameError>::failure(FrameError::BadChecksum);
    return frame.sliced(kHeaderSize, length - 1);
}

// Length of the longest suffix of `bytes` that is a proper prefix of the preamble: those
// bytes may be the start of a frame whose rest has not arrived yet.
qsizetype partialPreambleSuffix(QByteArrayView bytes)
{
    const QByteArrayView preamble = preambleView();
    for (qsizetype n = std::min<qsizetype>(bytes.size(), kPreambleSize - 1); n > 0; --n) {
        if (bytes.last(n) == preamble.first(n))
            return n;
    }
    return 0;
}

} // namespace

const char* frameErrorName(FrameError e)
{
    switch (e) {
    case FrameError::BadPreamble:
        return "bad_preamble";
    case FrameError::BadLength:
        return "bad_length";
    case FrameError::Truncated:
        return "truncated";
    case FrameError::BadChecksum:
        return "bad_checksum";
    }
    return "unknown";
}

std::uint8_t xorChecksum(QByteArrayView bytes)
{
    std::uint8_t sum = 0;
    for (const char c : bytes)
        sum ^= static_cast<std::uint8_t>(c);
    return sum;
}

QByteArray encodeCommand(std::uint8_t cmd, std::uint8_t para, QByteArrayView data)
{
    QByteArray body;
    body.reserve(2 + data.size());
    body.append(char(cmd));
    body.append(char(para));
    body.append(data);
    return buildFrame(body);
}

QByteArray encodeCommand(Command command, QByteArrayView data)
{
    const auto value = static_cast<std::uint16_t>(command);
    static constexpr char kMaxRfByte[] = {char(0x50)};
    if (command == Command::SetMaxRfByte && data.isEmpty())
        data = QByteArrayView(kMaxRfByte, 1);
    return encodeCommand(std::uint8_t(value >> 8), std::uint8_t(value & 0xFF), data);
}

QByteArray encodeResponse(std::uint8_t sw1, std::uint8_t sw2, std::uint8_t sw3, QByteArrayView data)
{
    QByteArray body;
    body.reserve(3 + data.size());
    body.append(char(sw1));
    body.append(char(sw2));
    body.append(char(sw3));
    body.append(data);
    return buildFrame(body);
}

Expected<Response, FrameError> parseResponse(QByteArrayView frame)
{
    const auto body = checkFrame(frame, kMinResponseLength);
    if (!body)
        return Expected<Response, FrameError>::failure(body.error());
    Response r;
    r.sw1 = byteAt(*body, 0);
    r.sw2 = byteAt(*body, 1);
    r.sw3 = byteAt(*body, 2);
    r.data = body->sliced(3).toByteArray();
    return r;
}

Expected<CommandFrame, FrameError> parseCommand(QByteArrayView frame)
{
    const auto body = checkFrame(frame, kMinCommandLength);
    if (!body)
        return Expected<CommandFrame, FrameError>::failure(body.error());
    CommandFrame c;
    c.cmd = byteAt(*body, 0);
    c.para = byteAt(*body, 1);
    c.data = body->sliced(2).toByteArray();
    return c;
}

Expected<ReadPayload, PayloadError> splitReadPayload(QByteArrayView data, bool withFingerprint)
{
    const qsizetype header = withFingerprint ? 6 : 4;
    if (data.size() < header)
        return Expected<ReadPayload, PayloadError>::failure(PayloadError::TooShort);
    auto be16 = [&](qsizetype at) {
        return (qsizetype(byteAt(data, at)) << 8) | qsizetype(byteAt(data, at + 1));
    };
    const qsizetype textLen = be16(0);
    const qsizetype photoLen = be16(2);
    const qsizetype fpLen = withFingerprint ? be16(4) : 0;
    if (header + textLen + photoLen + fpLen != data.size())
        return Expected<ReadPayload, PayloadError>::failure(PayloadError::LengthMismatch);
    ReadPayload p;
    p.text = data.sliced(header, textLen).toByteArray();
    p.photo = data.sliced(header + textLen, photoLen).toByteArray();
    if (withFingerprint)
        p.fingerprint = data.sliced(header + textLen + photoLen, fpLen).toByteArray();
    return p;
}

void FrameReader::feed(QByteArrayView bytes)
{
    // Growing in place lets realloc() free the old block unwiped, and it held card data: move
    // to a bigger buffer ourselves and wipe the old one.
    if (m_buffer.size() + bytes.size() > m_buffer.capacity()) {
        QByteArray grown;
        grown.reserve(qMax(2 * m_buffer.capacity(), m_buffer.size() + bytes.size()));
        grown.append(m_buffer);
        secureWipe(m_buffer);
        m_buffer = std::move(grown);
    }
    m_buffer.append(bytes);
}

void FrameReader::dropFront(qsizetype count)
{
    // The buffer held card data (text, photo): copy what stays and overwrite the old
    // allocation instead of shifting bytes around inside it.
    QByteArray rest = QByteArrayView(m_buffer).sliced(count).toByteArray();
    secureWipe(m_buffer);
    m_buffer = std::move(rest);
}

std::optional<FrameReader::Event> FrameReader::next()
{
    // 1. Synchronise: drop everything before the next preamble.
    const qsizetype start = m_buffer.indexOf(preambleView());
    if (start < 0) {
        const qsizetype keep = partialPreambleSuffix(m_buffer);
        m_skipped += m_buffer.size() - keep;
        dropFront(m_buffer.size() - keep);
        return std::nullopt;
    }
    if (start > 0) {
        m_skipped += start;
        dropFront(start);
    }
    if (m_buffer.size() < kHeaderSize)
        return std::nullopt;

    Event event;
    const int length = lengthField(m_buffer);
    if (length < kMinResponseLength || length > kMaxLength) {
        event.error = FrameError::BadLength;
    } else {
        const qsizetype total = kHeaderSize + length;
        if (m_buffer.size() < total)
            return std::nullopt; // the rest of the frame has not arrived yet
        auto parsed = parseResponse(QByteArrayView(m_buffer).first(total));
        if (parsed) {
            event.frame = std::move(parsed).value();
            dropFront(total);
        } else {
            event.error = parsed.error();
        }
    }
    if (event.error) {
        // Reported once; the search for the next preamble starts one byte after this one, so
        // a real frame hidden inside a corrupt one is still found.
        dropFront(1);
    }
    event.skippedBytes = m_skipped;
    m_skipped = 0;
    return event;
}

void FrameReader::reset()
{
    secureWipe(m_buffer);
    m_skipped = 0;
}

} // namespace onewindow::sam
