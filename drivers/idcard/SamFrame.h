#pragma once

#include "drivers/idcard/Expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <optional>

namespace onewindow {

// GA/T 467 host <-> SAM framing (reference/idcard.md §1.3):
//   command:  AA AA AA 96 69 | Len1 Len2 | CMD Para Data… | CHK
//   response: AA AA AA 96 69 | Len1 Len2 | SW1 SW2 SW3 Data… | CHK
// Len is big-endian and counts everything after itself, CHK included. CHK is the XOR of
// Len1..last data byte. Frames are delimited by the length field, never by timing.
namespace sam {

inline constexpr std::uint8_t kPreamble[5] = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
inline constexpr int kPreambleSize = 5;
inline constexpr int kHeaderSize = 7;        // preamble + length
inline constexpr int kMinResponseLength = 4; // SW1 SW2 SW3 CHK
inline constexpr int kMinCommandLength = 3;  // CMD Para CHK
// Largest legitimate response is text+photo+fingerprint (0x090A). Anything larger is line
// noise; rejecting it at once keeps a corrupt length from stalling the stream for seconds.
inline constexpr int kMaxLength = 0x0A00;

enum class Command : std::uint16_t
{ // (CMD << 8) | Para
    ResetSam = 0x10FF,
    SamStatus = 0x11FF,
    SamId = 0x12FF,
    FindCard = 0x2001,
    SelectCard = 0x2002,
    ReadTextPhoto = 0x3001,
    ReadAppendedAddress = 0x3003,
    ReadTextPhotoFingerprint = 0x3010,
    SetBaud115200 = 0x6000,
    SetBaud9600 = 0x6004,
    SetMaxRfByte = 0x61FF, // data: 0x50 (encodeCommand supplies it when data is empty)
};

enum class FrameError
{
    BadPreamble, // the bytes do not start with AA AA AA 96 69
    BadLength,   // length field below the minimum or above kMaxLength, or bytes after the frame
    Truncated,   // fewer bytes than the length field announces
    BadChecksum, // XOR mismatch
};
const char* frameErrorName(FrameError e); // "bad_preamble", …

struct Response
{
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;
    std::uint8_t sw3 = 0;
    QByteArray data;
};

struct CommandFrame
{
    std::uint8_t cmd = 0;
    std::uint8_t para = 0;
    QByteArray data;
};

std::uint8_t xorChecksum(QByteArrayView bytes);

// The encoders return an empty array when the frame's length field would exceed kMaxLength.
QByteArray encodeCommand(std::uint8_t cmd, std::uint8_t para, QByteArrayView data = {});
QByteArray encodeCommand(Command command, QByteArrayView data = {});
// Used by SAM emulators and tests.
QByteArray encodeResponse(std::uint8_t sw1, std::uint8_t sw2, std::uint8_t sw3, QByteArrayView data = {});

// Parses exactly one complete frame (no leading or trailing bytes). Checks in this order: the
// preamble (a short input that is a prefix of it is Truncated), the length field's bounds, the
// size against the length field (short: Truncated, long: BadLength), then the checksum.
Expected<Response, FrameError> parseResponse(QByteArrayView frame);
Expected<CommandFrame, FrameError> parseCommand(QByteArrayView frame);

// Payload of a successful 30 01 / 30 10 read: TextLen(2) PhotoLen(2) [FPLen(2)] text photo [fp].
struct ReadPayload
{
    QByteArray text;
    QByteArray photo;
    QByteArray fingerprint;
};
enum class PayloadError
{
    TooShort,
    LengthMismatch
};
Expected<ReadPayload, PayloadError> splitReadPayload(QByteArrayView data, bool withFingerprint);

// Incremental response reader for a byte stream (serial port). Feed whatever arrived; take
// frames out. Garbage before a preamble is skipped; a frame with a bad length or checksum is
// reported once and the reader resynchronises on the next preamble after its first byte.
class FrameReader
{
public:
    struct Event
    {
        std::optional<Response> frame;   // set on success
        std::optional<FrameError> error; // set on a rejected frame
        qsizetype skippedBytes = 0;      // garbage dropped before this event (including the
                                         // rest of a frame rejected earlier)
    };

    void feed(QByteArrayView bytes);
    // Next complete frame or error; std::nullopt when more bytes are needed.
    std::optional<Event> next();
    // Bytes buffered but not yet a complete frame (a partial frame or garbage).
    qsizetype pending() const { return m_buffer.size(); }
    // Drops partial data (after a timeout: the rest of that frame is not coming).
    void reset();

private:
    void dropFront(qsizetype count);
    QByteArray m_buffer;
    qsizetype m_skipped = 0; // garbage dropped since the last event
};

} // namespace sam
} // namespace onewindow
