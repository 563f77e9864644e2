#pragma once

#include <QByteArray>
#include <QString>

namespace onewindow {

// The two things every file we write by hand with POSIX calls needs (key file, PIN record,
// lockout state): a write that survives EINTR and short writes, and an error text with errno.
bool writeAllToFd(int fd, const QByteArray& data);
// "<what> <path>: <strerror(errno)>", read right after the failing call.
QString systemErrorText(const QString& what, const QString& path);

// fsync(2) of a file, or of a directory so that a rename or creation in it is durable. False when
// the path cannot be opened or the file system refuses (some refuse it on directories).
bool fsyncPath(const QString& path, bool directory = false);

struct DiskSpace
{
    qint64 totalBytes = -1;
    qint64 availableBytes = -1; // for an unprivileged writer; -1 = unknown
};
// statvfs(2) on `path` itself. Not QStorageInfo: that resolves the path through
// /proc/self/mountinfo, which in a chroot or some containers names the wrong file system (and
// reported 0 bytes free there, which would fail the health check and restart-loop the kiosk).
DiskSpace diskSpaceAt(const QString& path);

} // namespace onewindow
