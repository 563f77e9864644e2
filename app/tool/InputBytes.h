#pragma once

#include "drivers/idcard/Expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class QIODevice;

namespace onewindow::tool {

// Reading the 256-byte GA/T 490 text block a technician hands to decode-text. Accepted forms:
//   - the block itself, binary (exactly 256 bytes);
//   - the block as hex text: whitespace and newlines, "0x" prefixes, ':' '-' ',' separators
//     and '#' comments to the end of a line are ignored;
//   - a captured SAM read-response frame (AA AA AA 96 69 …, reference/idcard.md §1.4), binary
//     or hex: the frame is checked (length, XOR), SW3 must be 0x90, and its text part is used.
// Every error is a one-line reason that never contains the input's bytes.
namespace input {

// Upper bound on what is read: the largest frame is 2321 bytes, i.e. < 8 KiB as hex.
inline constexpr qsizetype kMaxInputBytes = 1024 * 1024;

// Reads a whole file, or standard input when `path` is "-". `standardInput` defaults to the
// process's stdin.
Expected<QByteArray, QString> readAll(const QString& path, QIODevice* standardInput = nullptr);

// True when the bytes are text that can only be a hex dump (no NUL, no control bytes other
// than whitespace, valid UTF-8). A binary text block always contains NUL bytes (UTF-16LE).
bool looksLikeText(QByteArrayView bytes);

// Hex text → bytes.
Expected<QByteArray, QString> parseHex(QByteArrayView text);

// Binary or hex → bytes, as they were (no frame handling).
Expected<QByteArray, QString> decodeBinaryOrHex(QByteArrayView raw);

// True when the bytes start with the SAM preamble AA AA AA 96 69.
bool startsWithSamPreamble(QByteArrayView bytes);

// Bytes → the 256-byte text block candidate: a SAM frame is unwrapped, anything else is
// returned unchanged (its size is checked by the decoder).
Expected<QByteArray, QString> textBlockFrom(QByteArrayView bytes);

} // namespace input
} // namespace onewindow::tool
