#include "app/admin/AtomicFile.h"

#include "base/files/OutputDirectory.h"

#include <QFileInfo>

namespace onewindow::admin {

QString AtomicFile::write(const QString& path, const QByteArray& content, unsigned mode, long gid, long uid)
{
    // The directory is opened once without following a symlink and the file is made relative
    // to it (O_NOFOLLOW, O_EXCL): a link planted at the directory or the name redirects nothing.
    const QFileInfo info(path);
    QString error;
    const auto dir =
        files::OutputDirectory::open(info.absolutePath(), files::OutputDirectory::Policy::Private, &error);
    if (!dir)
        return error;
    return dir->writeFile(info.fileName(), content, mode, gid, uid);
}

} // namespace onewindow::admin
