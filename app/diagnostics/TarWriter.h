#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace onewindow::diagnostics {

// A minimal POSIX ustar archive in memory: regular files only, names up to 100 bytes. Enough
// for the diagnostics bundle (a handful of small text files) without a dependency; any `tar`
// extracts it.
class TarWriter
{
public:
    // False when the name does not fit a ustar header.
    bool addFile(const QString& name, const QByteArray& content, int mode = 0640,
                 const QDateTime& mtime = QDateTime::currentDateTimeUtc());
    // The archive with its two end-of-archive blocks.
    QByteArray finish() const;

private:
    QByteArray m_data;
};

} // namespace onewindow::diagnostics
