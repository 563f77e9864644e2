#include "app/admin/AtomicFile.h"

#include "app/platform/PosixIo.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onewindow::admin {

QString AtomicFile::write(const QString& path, const QByteArray& content, unsigned mode, long gid, long uid)
{
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    // The temporary name is unique per process; O_EXCL refuses a planted file or symlink.
    const QString tmp = QStringLiteral("%1/.%2.tmp-%3").arg(dir, info.fileName()).arg(::getpid());
    const QByteArray tmpName = QFile::encodeName(tmp);
    ::unlink(tmpName.constData()); // a leftover of a crashed run of this same pid number
    const int fd = ::open(tmpName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return systemErrorText(QStringLiteral("cannot create"), tmp);
    QString error;
    if (!writeAllToFd(fd, content))
        error = systemErrorText(QStringLiteral("cannot write"), tmp);
    else if ((gid >= 0 || uid >= 0) &&
             ::fchown(fd, uid >= 0 ? uid_t(uid) : uid_t(-1), gid >= 0 ? gid_t(gid) : gid_t(-1)) != 0)
        error = systemErrorText(QStringLiteral("cannot set the owner or group of"), tmp);
    else if (::fchmod(fd, mode_t(mode)) != 0)
        error = systemErrorText(QStringLiteral("cannot set the mode of"), tmp);
    else if (::fsync(fd) != 0)
        error = systemErrorText(QStringLiteral("cannot sync"), tmp);
    ::close(fd);
    if (error.isEmpty() && ::rename(tmpName.constData(), QFile::encodeName(path).constData()) != 0)
        error = systemErrorText(QStringLiteral("cannot replace"), path);
    if (!error.isEmpty()) {
        ::unlink(tmpName.constData());
        return error;
    }
    fsyncPath(dir, true); // best effort: some file systems refuse fsync on a directory
    return {};
}

} // namespace onewindow::admin
