#pragma once

#include <QByteArray>
#include <QString>

namespace onewindow {

// The two things every file we write by hand with POSIX calls needs (key file, PIN record,
// lockout state): a write that survives EINTR and short writes, and an error text with errno.
bool writeAllToFd(int fd, const QByteArray& data);
// "<what> <path>: <strerror(errno)>", read right after the failing call.
QString systemErrorText(const QString& what, const QString& path);

} // namespace onewindow
