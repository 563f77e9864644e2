#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace onewindow {

// A value snapshot of one reader, safe to copy across threads and to show in the UI.
struct ReaderInfo
{
    enum class Status
    {
        Ready,       // working, no card
        CardPresent, // a card is on the reader (being read or already read)
        Unsupported, // attached but no profile/driver fits (diagnostics)
        Failed,      // lost or broken; the backend is reconnecting
    };

    QString name;    // unique across backends
    QString backend; // "sim", "pcsc", "serial", "nfc"
    Status status = Status::Ready;
    QStringList capabilities; // "identity", "chip_serial", "photo"
    QString detail;           // technician-facing, never personal data

    static const char* statusKey(Status s); // "ready", "card_present", "unsupported", "failed"
    bool operator==(const ReaderInfo&) const = default;
};

// Why a read did not produce an identity. Stable keys; the UI maps each to a resident-facing
// message in one place (app/ui/ResidentMessages).
enum class ReadError
{
    CardMoved,           // removed or moved mid-read (SW3 0x41, timeout, partial frame)
    CardUnreadable,      // authentication or verification failed (0x31/0x32/0x33/0x40)
    UnsupportedDocument, // not an ID card this kiosk understands
    InconsistentData,    // the decoded fields contradict the ID number (GB 11643 checks)
    ReaderFailure,       // transport or SAM problem
    Timeout,             // no answer in time
};
const char* readErrorKey(ReadError e); // "card_moved", "card_unreadable", …

} // namespace onewindow

Q_DECLARE_METATYPE(onewindow::ReaderInfo)
Q_DECLARE_METATYPE(onewindow::ReadError)
