#include "base/files/PrivateFile.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onewindow::files {

QString ensurePrivateFile(const QString& path, bool create)
{
    const QByteArray native = QFile::encodeName(path);
    int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
    if (fd < 0 && errno == ENOENT && create)
        fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && errno == ENOENT && !create)
        return {}; // nothing to narrow
    if (fd < 0)
        return QStringLiteral("cannot open %1: %2")
            .arg(path, errno == ELOOP ? QStringLiteral("it is a symbolic link")
                                      : QString::fromLocal8Bit(std::strerror(errno)));
    struct stat st
    {};
    QString error;
    if (::fstat(fd, &st) != 0)
        error = QStringLiteral("cannot stat %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    else if (!S_ISREG(st.st_mode))
        error = QStringLiteral("%1 is not a regular file").arg(path);
    else if ((st.st_mode & 07777) != 0600 && ::fchmod(fd, 0600) != 0)
        error = QStringLiteral("cannot make %1 mode 0600: %2")
                    .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    ::close(fd);
    return error;
}

} // namespace onewindow::files
