#pragma once

#include <QString>

namespace onewindow::files {

// Makes `path` a regular file of mode 0600, whatever the umask (issue 16, finding 3): created
// empty with O_CREAT|O_EXCL|O_NOFOLLOW when missing and `create` is set, narrowed to 0600 when
// it exists with a wider mode (files of older versions). A symlink or a non-regular file is
// refused. SQLite gives -wal, -shm and -journal the mode of their database, so a database
// made 0600 here keeps its companions 0600 too. Returns an error message, empty on success.
QString ensurePrivateFile(const QString& path, bool create);

} // namespace onewindow::files
