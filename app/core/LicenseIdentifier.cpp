#include "app/core/LicenseIdentifier.h"

#include <QStringList>

namespace onewindow {

namespace {

constexpr QStringView kRoot = u"1.2.156.3005.2.";

int valueOf(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - '0';
    if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        return c.unicode() - 'A' + 10;
    return -1;
}

} // namespace

QChar LicenseIdentifier::checkCharacter(QStringView body)
{
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    int p = 36;
    for (QChar c : body) {
        const int v = valueOf(c);
        if (v < 0)
            return QChar();
        int s = (p + v) % 36;
        if (s == 0)
            s = 36;
        p = (2 * s) % 37;
    }
    return QLatin1Char(alphabet[((1 - p) % 36 + 36) % 36]);
}

LicenseIdentifier LicenseIdentifier::parse(QStringView text)
{
    LicenseIdentifier id;
    id.m_text = text.trimmed().toString();
    if (!id.m_text.startsWith(kRoot)) {
        id.m_error = Error::Root;
        return id;
    }
    const QStringList parts = id.m_text.mid(kRoot.size()).split(QLatin1Char('.'));
    if (parts.size() != 5 || parts.contains(QString())) {
        id.m_error = Error::Structure;
        return id;
    }
    QString body;
    for (int i = 0; i < 4; ++i) {
        for (QChar c : parts.at(i)) {
            if (valueOf(c) < 0) {
                id.m_error = Error::Characters;
                return id;
            }
        }
        body += parts.at(i);
    }
    id.m_typeCode = parts.at(0);
    id.m_issuerCode = parts.at(1);
    id.m_serial = parts.at(2);
    id.m_version = parts.at(3);
    bool digits = id.m_version.size() == 3;
    for (QChar c : id.m_version)
        digits = digits && c.isDigit();
    if (!digits) {
        id.m_error = Error::Version;
        return id;
    }
    if (parts.at(4).size() != 1 || parts.at(4).at(0) != checkCharacter(body)) {
        id.m_error = Error::Checksum;
        return id;
    }
    id.m_error = Error::None;
    return id;
}

const char* LicenseIdentifier::errorName(Error e)
{
    switch (e) {
    case Error::None:
        return nullptr;
    case Error::Root:
        return "root";
    case Error::Structure:
        return "structure";
    case Error::Characters:
        return "characters";
    case Error::Version:
        return "version";
    case Error::Checksum:
        return "checksum";
    }
    return "structure";
}

} // namespace onewindow
