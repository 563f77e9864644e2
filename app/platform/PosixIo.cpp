#include "app/platform/PosixIo.h"

#include "base/files/WriteAll.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace onewindow {

bool writeAllToFd(int fd, const QByteArray& data)
{
    return files::writeAll(fd, data);
}

QString systemErrorText(const QString& what, const QString& path)
{
    return QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
}

bool fsyncPath(const QString& path, bool directory)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

DiskSpace diskSpaceAt(const QString& path)
{
    struct statvfs st
    {};
    if (::statvfs(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {qint64(st.f_blocks) * qint64(st.f_frsize), qint64(st.f_bavail) * qint64(st.f_frsize)};
}

} // namespace onewindow
