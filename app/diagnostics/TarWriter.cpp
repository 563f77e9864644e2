#include "app/diagnostics/TarWriter.h"

#include <cstring>

namespace onewindow::diagnostics {

namespace {

// Octal, zero-padded to width-1 digits, NUL-terminated (ustar numeric fields).
void putOctal(char* field, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

} // namespace

bool TarWriter::addFile(const QString& name, const QByteArray& content, int mode, const QDateTime& mtime)
{
    const QByteArray encoded = name.toUtf8();
    if (encoded.isEmpty() || encoded.size() > 99)
        return false;
    char header[512] = {};
    std::memcpy(header, encoded.constData(), size_t(encoded.size())); // name[100]
    putOctal(header + 100, 8, mode);                                  // mode
    putOctal(header + 108, 8, 0);                                     // uid
    putOctal(header + 116, 8, 0);                                     // gid
    putOctal(header + 124, 12, content.size());                       // size
    putOctal(header + 136, 12, mtime.toSecsSinceEpoch());             // mtime
    std::memset(header + 148, ' ', 8);                                // chksum, spaces while summing
    header[156] = '0';                                                // typeflag: regular file
    std::memcpy(header + 257, "ustar", 6);                            // magic "ustar\0"
    std::memcpy(header + 263, "00", 2);                               // version
    std::memcpy(header + 265, "root", 4);                             // uname
    std::memcpy(header + 297, "root", 4);                             // gname
    unsigned sum = 0;
    for (unsigned char c : header)
        sum += c;
    putOctal(header + 148, 7, sum); // six digits, NUL, then the space already there
    m_data.append(header, 512);
    m_data.append(content);
    const qsizetype pad = (512 - content.size() % 512) % 512;
    m_data.append(QByteArray(pad, '\0'));
    return true;
}

QByteArray TarWriter::finish() const
{
    return m_data + QByteArray(1024, '\0');
}

} // namespace onewindow::diagnostics
