#include "app/storage/OutboxOwnerLock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace onewindow::storage {

OutboxOwnerLock::~OutboxOwnerLock()
{
    release();
}

OutboxOwnerLock::OutboxOwnerLock(OutboxOwnerLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

OutboxOwnerLock& OutboxOwnerLock::operator=(OutboxOwnerLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

QString OutboxOwnerLock::acquire(const QString& stateDir, Wait wait, bool* busy)
{
    release();
    if (busy)
        *busy = false;
    const QByteArray path = lockPath(stateDir).toLocal8Bit();
    // O_NOFOLLOW: the lock file is never a symlink planted elsewhere; 0600 like every state file.
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return QStringLiteral("cannot open %1: %2")
            .arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(strerror(errno)));
    (void)::fchmod(fd, 0600); // whatever the umask was when an older build created it
    int rc;
    do {
        rc = ::flock(fd, LOCK_EX | (wait == Wait::No ? LOCK_NB : 0));
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK && busy)
            *busy = true;
        if (err == EWOULDBLOCK)
            return QStringLiteral(
                       "the state directory %1 is in use by another process (the running kiosk, or "
                       "another onewindow-tool sync); stop it first, or use the admin page's "
                       "\"sync now\"")
                .arg(stateDir);
        return QStringLiteral("cannot lock %1: %2")
            .arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(strerror(err)));
    }
    m_fd = fd;
    return {};
}

void OutboxOwnerLock::release()
{
    if (m_fd >= 0) {
        ::close(m_fd); // closing the only descriptor drops the flock
        m_fd = -1;
    }
}

} // namespace onewindow::storage
