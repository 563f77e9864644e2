#pragma once

#include <QByteArray>
#include <QString>

namespace onewindow::files {

// Size limits of the files the project reads (issue 16, finding 4). Generous for real content,
// small enough that a wrong path (/dev/zero, a 300 MB log) is refused at once.
inline constexpr qint64 kConfigMaxBytes = 1024 * 1024;          // kiosk.conf
inline constexpr qint64 kOverridesMaxBytes = 64 * 1024;         // admin-settings.conf
inline constexpr qint64 kReaderProfileMaxBytes = 256 * 1024;    // one reader profile
inline constexpr qint64 kCatalogMaxBytes = 16 * 1024 * 1024;    // the catalogue JSON
inline constexpr qint64 kDemoDataMaxBytes = 16 * 1024 * 1024;   // demo residents, demo licences
inline constexpr qint64 kSmallStateMaxBytes = 64 * 1024;        // key file, PIN record, lockout
inline constexpr qint64 kTechnicianCardsMaxBytes = 1024 * 1024; // technician card list
inline constexpr qint64 kCertificateMaxBytes = 1024 * 1024;     // a PEM certificate chain

enum class Symlinks
{
    Follow,
    Refuse // O_NOFOLLOW on the last component (the key file: a planted link is an attack)
};

struct ReadResult
{
    QByteArray bytes;
    QString error;         // empty on success; "<what> <path>: …" otherwise
    bool missing = false;  // the path does not exist (ENOENT): callers may treat that as "none"
    bool tooLarge = false; // a regular file over the limit (content that is not ours)
    unsigned mode = 0;     // st_mode of the file read (permission checks by the caller)
    bool ok() const { return error.isEmpty(); }
};

// Reads a whole regular file of at most `maxBytes`. Anything else is refused with a clear
// message and without reading: a device (/dev/zero), a FIFO (opened non-blocking, so no wait
// for a writer), a directory, a file larger than the limit (by fstat, and again while reading,
// for a file that grows). `what` names the file in the message ("configuration file").
ReadResult readRegularFile(const QString& path, qint64 maxBytes, const QString& what,
                           Symlinks symlinks = Symlinks::Follow);

// The same checks without keeping the content, for readers that must open the path themselves
// (QSettings). Empty when the file may be read.
QString checkRegularFile(const QString& path, qint64 maxBytes, const QString& what);

} // namespace onewindow::files
