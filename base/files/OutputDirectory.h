#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

namespace onewindow::files {

// A directory the project writes a named file into (issue 16, finding 5): diagnostics
// bundles, the rejected-list export, the admin PIN record. The directory is opened once with
// O_DIRECTORY|O_NOFOLLOW (a symlinked directory is refused) and every file in it is created
// relative to that descriptor with openat(O_NOFOLLOW|O_EXCL), so a symlink planted anywhere on
// the way cannot redirect a write made as root.
class OutputDirectory
{
public:
    enum class Policy
    {
        // Exports (bundles, lists on a USB stick): system directories are refused, see
        // isSystemDirectory(), unless listed in `allowed`.
        Export,
        // A file of the kiosk's own (the PIN record in /etc/onewindow): any real directory.
        Private,
    };

    ~OutputDirectory();
    OutputDirectory(const OutputDirectory&) = delete;
    OutputDirectory& operator=(const OutputDirectory&) = delete;

    // Null with `error` set when `dir` is not a directory, is a symlink, or (Export) resolves
    // to a system directory or to one of `alsoRefused` (the kiosk's state directory).
    static std::unique_ptr<OutputDirectory> open(const QString& dir, Policy policy, QString* error,
                                                 const QStringList& alsoRefused = {});

    // The directory as opened, symlinks resolved.
    QString path() const { return m_realPath; }

    // Writes `name` (a plain file name, no '/') atomically: a temporary file created 0600 and
    // O_EXCL, written, chown-ed (`uid`/`gid` >= 0), chmod-ed to `mode`, fsync-ed, renamed over
    // the name, the directory fsync-ed. An existing `name` that is a symlink or not a regular
    // file is refused. Returns an error message, empty on success.
    QString writeFile(const QString& name, const QByteArray& content, unsigned mode, long gid = -1,
                      long uid = -1) const;

    // /, /run, /var, /var/lib, /home, /root, and /etc, /usr, /bin, /sbin, /lib*, /boot, /proc,
    // /sys, /dev, /var/lib/onewindow with everything below them. `path` is a resolved path.
    static bool isSystemDirectory(const QString& path);

private:
    OutputDirectory(int fd, QString realPath);
    int m_fd = -1;
    QString m_realPath;
};

} // namespace onewindow::files
