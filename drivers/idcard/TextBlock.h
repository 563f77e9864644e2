#pragma once

#include "drivers/idcard/Expected.h"
#include "drivers/idcard/Identity.h"

#include <QByteArray>
#include <QByteArrayView>

namespace onewindow {

// GA/T 490 machine-readable text block: 256 bytes of UTF-16LE (reference/idcard.md §2.2–2.7).
// The document type flag sits at offset 248. Strings are trimmed of trailing U+0020 and U+0000
// only: inner spaces and '·' in names stay.
inline constexpr int kTextBlockSize = 256;
inline constexpr int kTypeFlagOffset = 248;

enum class TextBlockError
{
    WrongSize,           // not exactly 256 bytes
    UnsupportedDocument, // an unknown type flag at offset 248
};
const char* textBlockErrorName(TextBlockError e); // "wrong_size", "unsupported_document"

Expected<Identity, TextBlockError> decodeTextBlock(QByteArrayView block);

// The appended-address file (30 03 / FF B0 06): 70 bytes of UTF-16LE, trailing spaces trimmed.
// Only the first 70 bytes are read; a shorter input decodes what is there.
QString decodeAppendedAddress(QByteArrayView bytes);

// Builds the 256-byte block for an identity (the inverse of decodeTextBlock). Used by the
// simulated reader, the card emulators and tests. Fields longer than their slot are cut;
// unused slots are space-padded as on real cards. Dates are written from the QDate when it is
// valid, else from the *Raw text; validLongTerm writes "长期". Fields the document type does
// not carry are ignored. decodeTextBlock(encodeTextBlock(x)) reproduces x when x's raw dates
// agree with its QDates and its strings fit their slots without trailing spaces.
QByteArray encodeTextBlock(const Identity& identity);
QByteArray encodeAppendedAddress(const QString& address);

} // namespace onewindow
