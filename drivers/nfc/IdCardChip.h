#pragma once

#include <QByteArray>
#include <optional>

namespace onewindow {

// The ID card's chip over the air, without a SAM (reference/idcard.md §4.1). The card is
// ISO 14443-3 Type B but not ISO 14443-4: after REQB it wants a fixed, non-standard ATTRIB
// (answered with 08 where ISO says 00) and then takes plain APDUs with no block header.
// Frames here are without CRC_B; the chip adds and checks it (CRCs per the reference:
// REQB 71 FF, ATTRIB F3 10, GET UID 57 44).
namespace idcardchip {

QByteArray reqb();   // 05 00 00: AFI "all families", one slot
QByteArray attrib(); // 1D 00 00 00 00 00 08 01 08
QByteArray getUid(); // 00 36 00 00 08

// An ATQB is 12 bytes starting with 50 (the card's PUPI is 00000000, so it identifies nothing).
bool isAtqb(const QByteArray& answer);
// The ID card's ATTRIB answer is exactly one byte, 08.
bool isAttribAccepted(const QByteArray& answer);
// GET UID answers 8 bytes + 90 00: the chip serial (居民身份证专用集成电路序列号).
std::optional<QByteArray> chipSerial(const QByteArray& answer);

// The status word of an APDU answer as "90 00", or "--" when it is too short: the only part
// of an APDU that may be logged, with its length (the rest can be personal data).
QByteArray statusWord(const QByteArray& answer);

} // namespace idcardchip
} // namespace onewindow
