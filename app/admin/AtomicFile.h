#pragma once

#include <QByteArray>
#include <QString>

namespace onewindow::admin {

// Replaces a small file so that a crash or power cut leaves either the old or the new content,
// never a mix: a temporary file in the same directory, written, chmod-ed, fsync-ed, renamed
// over the target, then the directory fsync-ed so the rename itself is durable. A symlinked
// directory or a target that is a symlink is refused (files::OutputDirectory, Policy::Private).
struct AtomicFile
{
    // `mode` is the final permission (e.g. 0600). `gid` / `uid` >= 0 also set the file's group /
    // owner. Returns an error message, empty on success. Never leaves the temporary file behind.
    static QString write(const QString& path, const QByteArray& content, unsigned mode, long gid = -1,
                         long uid = -1);
};

} // namespace onewindow::admin
