#pragma once

#include <QByteArray>

namespace onewindow::files {

// write(2) until every byte is out, retrying on EINTR; false on any error or a zero write
// (errno says why).
bool writeAll(int fd, const QByteArray& data);

} // namespace onewindow::files
