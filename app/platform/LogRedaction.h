#pragma once

#include <QString>
#include <QStringList>

namespace onewindow {

struct Identity;

// The redaction layer every log line passes through (DESIGN.md §10). Two kinds of rules:
//  - shapes, always on: ID numbers (18 digits/X, 15 digits, 2017 foreigner 3 letters + 12
//    digits) get the display mask, 11-digit mobile numbers 138****5678, and hex runs of 32 or
//    more hex digits (an APDU payload or key that slipped into a message) become "[hex N]";
//  - session terms: the name, English name, address, ID and permit numbers of the resident now
//    at the kiosk. Names get the name mask (张*), everything else "[redacted]". Terms shorter
//    than 2 characters are ignored, so a one-character name part cannot blank every line.
// Thread-safe: messages arrive from every thread while the GUI thread sets and clears terms.
class LogRedaction
{
public:
    // Replaces the session terms. `names` are masked as names, `others` become "[redacted]".
    static void setSessionTerms(const QStringList& names, const QStringList& others);
    // The terms of one resident (name, English name and its parts, addresses, numbers).
    static void setSessionIdentity(const Identity& identity);
    // The session was wiped: the terms are forgotten (and their memory overwritten).
    static void clearSessionTerms();
    static int sessionTermCount();

    static QString redact(const QString& text);
};

} // namespace onewindow
