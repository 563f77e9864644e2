#include "base/files/OutputDirectory.h"

#include "base/files/WriteAll.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <climits>
#include <cstdlib>
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

bool isAtOrBelow(const QString& path, const QString& root)
{
    return path == root || path.startsWith(root + QLatin1Char('/'));
}

// The path the descriptor really names (/proc/self/fd), else realpath(3) of what was asked.
QString resolvedPath(int fd, const QString& asked)
{
    char buffer[PATH_MAX + 1];
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t n = ::readlink(link.constData(), buffer, PATH_MAX);
    if (n > 0)
        return QFile::decodeName(QByteArray(buffer, qsizetype(n)));
    char* real = ::realpath(QFile::encodeName(asked).constData(), nullptr);
    if (!real)
        return QDir::cleanPath(QDir(asked).absolutePath());
    const QString out = QFile::decodeName(real);
    std::free(real);
    return out;
}

} // namespace

OutputDirectory::OutputDirectory(int fd, QString realPath) : m_fd(fd), m_realPath(std::move(realPath)) {}

OutputDirectory::~OutputDirectory()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool OutputDirectory::isSystemDirectory(const QString& path)
{
    static const QStringList exact = {QStringLiteral("/"),        QStringLiteral("/run"),
                                      QStringLiteral("/var"),     QStringLiteral("/var/lib"),
                                      QStringLiteral("/home"),    QStringLiteral("/root"),
                                      QStringLiteral("/var/log"), QStringLiteral("/opt")};
    static const QStringList trees = {QStringLiteral("/etc"),
                                      QStringLiteral("/usr"),
                                      QStringLiteral("/bin"),
                                      QStringLiteral("/sbin"),
                                      QStringLiteral("/lib"),
                                      QStringLiteral("/lib32"),
                                      QStringLiteral("/lib64"),
                                      QStringLiteral("/libx32"),
                                      QStringLiteral("/boot"),
                                      QStringLiteral("/proc"),
                                      QStringLiteral("/sys"),
                                      QStringLiteral("/dev"),
                                      QStringLiteral("/var/lib/onewindow")};
    const QString p = QDir::cleanPath(path);
    if (exact.contains(p))
        return true;
    for (const QString& root : trees)
        if (isAtOrBelow(p, root))
            return true;
    return false;
}

std::unique_ptr<OutputDirectory> OutputDirectory::open(const QString& dir, Policy policy, QString* error,
                                                       const QStringList& alsoRefused)
{
    auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return std::unique_ptr<OutputDirectory>();
    };
    if (dir.isEmpty())
        return refuse(QStringLiteral("no directory given"));
    // A trailing slash would make the kernel follow a final symlink despite O_NOFOLLOW.
    QString asked = dir;
    while (asked.size() > 1 && asked.endsWith(QLatin1Char('/')))
        asked.chop(1);
    const int fd =
        ::open(QFile::encodeName(asked).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        struct stat st
        {};
        if ((errno == ELOOP || errno == ENOTDIR) && ::lstat(QFile::encodeName(asked).constData(), &st) == 0 &&
            S_ISLNK(st.st_mode))
            return refuse(QStringLiteral("%1 is a symbolic link: give the real directory").arg(dir));
        if (errno == ENOTDIR)
            return refuse(QStringLiteral("%1 is not a directory").arg(dir));
        return refuse(QStringLiteral("cannot open the directory %1: %2").arg(dir, errnoText()));
    }
    const QString real = resolvedPath(fd, asked);
    if (policy == Policy::Export) {
        bool refused = isSystemDirectory(real);
        for (const QString& other : alsoRefused) {
            if (other.isEmpty())
                continue;
            const QString canonical = QDir(other).canonicalPath();
            refused = refused || isAtOrBelow(real, canonical.isEmpty() ? QDir::cleanPath(other) : canonical);
        }
        if (refused) {
            ::close(fd);
            return refuse(QStringLiteral("%1 is a system directory: write to a USB stick or an export "
                                         "directory instead")
                              .arg(real));
        }
    }
    if (::faccessat(fd, ".", W_OK | X_OK, AT_EACCESS) != 0) {
        ::close(fd);
        return refuse(QStringLiteral("%1 is not writable").arg(dir));
    }
    return std::unique_ptr<OutputDirectory>(new OutputDirectory(fd, real));
}

QString OutputDirectory::writeFile(const QString& name, const QByteArray& content, unsigned mode, long gid,
                                   long uid) const
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name == QLatin1String(".") ||
        name == QLatin1String(".."))
        return QStringLiteral("not a plain file name: %1").arg(name);
    const QByteArray finalName = QFile::encodeName(name);
    const QString shown = m_realPath + QLatin1Char('/') + name;
    struct stat existing
    {};
    if (::fstatat(m_fd, finalName.constData(), &existing, AT_SYMLINK_NOFOLLOW) == 0 &&
        !S_ISREG(existing.st_mode))
        return QStringLiteral("%1 exists and is %2: refused")
            .arg(shown, S_ISLNK(existing.st_mode) ? QStringLiteral("a symbolic link")
                                                  : QStringLiteral("not a regular file"));
    // The temporary name is unique per process; O_EXCL refuses a planted file or symlink.
    const QByteArray tmpName = "." + finalName + ".tmp-" + QByteArray::number(::getpid());
    ::unlinkat(m_fd, tmpName.constData(), 0); // a leftover of a crashed run of this same pid number
    const int fd =
        ::openat(m_fd, tmpName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return QStringLiteral("cannot create a file in %1: %2").arg(m_realPath, errnoText());
    QString error;
    if (!writeAll(fd, content))
        error = QStringLiteral("cannot write %1: %2").arg(shown, errnoText());
    else if ((gid >= 0 || uid >= 0) &&
             ::fchown(fd, uid >= 0 ? uid_t(uid) : uid_t(-1), gid >= 0 ? gid_t(gid) : gid_t(-1)) != 0)
        error = QStringLiteral("cannot set the owner or group of %1: %2").arg(shown, errnoText());
    else if (::fchmod(fd, mode_t(mode)) != 0)
        error = QStringLiteral("cannot set the mode of %1: %2").arg(shown, errnoText());
    else if (::fsync(fd) != 0)
        error = QStringLiteral("cannot write %1 to disk (full or removed?): %2").arg(shown, errnoText());
    ::close(fd);
    if (error.isEmpty() && ::renameat(m_fd, tmpName.constData(), m_fd, finalName.constData()) != 0)
        error = QStringLiteral("cannot replace %1: %2").arg(shown, errnoText());
    if (!error.isEmpty()) {
        ::unlinkat(m_fd, tmpName.constData(), 0);
        return error;
    }
    ::fsync(m_fd); // best effort: some file systems refuse fsync on a directory
    return {};
}

} // namespace onewindow::files
