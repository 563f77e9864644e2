#include "base/files/BoundedRead.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onewindow::files {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Opens and vets the file; -1 with `r` filled on refusal.
int openVetted(const QString& path, qint64 maxBytes, const QString& what, Symlinks symlinks, ReadResult& r)
{
    if (path.isEmpty()) {
        r.error = QStringLiteral("%1: no path given").arg(what);
        return -1;
    }
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer (it is refused below).
    int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
    if (symlinks == Symlinks::Refuse)
        flags |= O_NOFOLLOW;
    const int fd = ::open(QFile::encodeName(path).constData(), flags);
    if (fd < 0) {
        r.missing = errno == ENOENT;
        r.error = errno == ELOOP && symlinks == Symlinks::Refuse
                      ? QStringLiteral("%1 %2 is a symbolic link (refused)").arg(what, path)
                      : QStringLiteral("cannot open %1 %2: %3").arg(what, path, errnoText());
        return -1;
    }
    struct stat st
    {};
    if (::fstat(fd, &st) != 0) {
        r.error = QStringLiteral("cannot stat %1 %2: %3").arg(what, path, errnoText());
        ::close(fd);
        return -1;
    }
    r.mode = st.st_mode;
    if (!S_ISREG(st.st_mode)) {
        r.error = QStringLiteral("%1 %2 is not a regular file").arg(what, path);
        ::close(fd);
        return -1;
    }
    if (st.st_size > maxBytes) {
        r.tooLarge = true;
        r.error = QStringLiteral("%1 %2 is too large (%3 bytes, the limit is %4)")
                      .arg(what, path)
                      .arg(qint64(st.st_size))
                      .arg(maxBytes);
        ::close(fd);
        return -1;
    }
    // Back to blocking reads for a regular file (O_NONBLOCK has no effect on them anyway).
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

} // namespace

namespace {

// A Qt resource (":/…", compiled into the binary: the demo's files, built-in profiles).
ReadResult readResource(const QString& path, qint64 maxBytes, const QString& what)
{
    ReadResult r;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.missing = !f.exists();
        r.error = QStringLiteral("cannot open %1 %2").arg(what, path);
    } else if (f.size() > maxBytes) {
        r.tooLarge = true;
        r.error = QStringLiteral("%1 %2 is too large (%3 bytes, the limit is %4)")
                      .arg(what, path)
                      .arg(f.size())
                      .arg(maxBytes);
    } else {
        r.bytes = f.readAll();
        r.mode = S_IFREG | 0444;
    }
    return r;
}

} // namespace

ReadResult readRegularFile(const QString& path, qint64 maxBytes, const QString& what, Symlinks symlinks)
{
    if (path.startsWith(QLatin1Char(':')))
        return readResource(path, maxBytes, what);
    ReadResult r;
    const int fd = openVetted(path, maxBytes, what, symlinks, r);
    if (fd < 0)
        return r;
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            r.error = QStringLiteral("cannot read %1 %2: %3").arg(what, path, errnoText());
            break;
        }
        if (n == 0)
            break;
        if (r.bytes.size() + n > maxBytes) { // grew after fstat
            r.tooLarge = true;
            r.error = QStringLiteral("%1 %2 is too large (more than %3 bytes)").arg(what, path).arg(maxBytes);
            break;
        }
        r.bytes.append(buffer, qsizetype(n));
    }
    ::close(fd);
    if (!r.ok()) {
        r.bytes.fill('\0'); // may be key material: wiped, not just dropped
        r.bytes.clear();
    }
    return r;
}

QString checkRegularFile(const QString& path, qint64 maxBytes, const QString& what)
{
    if (path.startsWith(QLatin1Char(':')))
        return readResource(path, maxBytes, what).error;
    ReadResult r;
    const int fd = openVetted(path, maxBytes, what, Symlinks::Follow, r);
    if (fd >= 0)
        ::close(fd);
    return r.error;
}

} // namespace onewindow::files
