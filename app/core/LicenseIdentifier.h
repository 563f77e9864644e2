#pragma once

#include <QString>
#include <QStringView>

namespace onewindow {

// GB/T 36904 证照标识 (reference/gov-standards.md §1.2):
//   1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version NNN>.<check>
// The check character is ISO/IEC 7064 hybrid MOD 37,36 over the dot-less body after the root.
// Used only to validate cached identifiers; the kiosk never issues identifiers.
class LicenseIdentifier
{
public:
    enum class Error
    {
        None,
        Root,
        Structure,
        Characters,
        Version,
        Checksum
    };

    static LicenseIdentifier parse(QStringView text);
    // The check character for an upper-case alphanumeric body ('\0' on other characters).
    static QChar checkCharacter(QStringView body);

    bool isValid() const { return m_error == Error::None; }
    Error error() const { return m_error; }
    static const char* errorName(Error e);

    QString text() const { return m_text; }
    QString typeCode() const { return m_typeCode; }
    QString issuerCode() const { return m_issuerCode; }
    QString serial() const { return m_serial; }
    QString version() const { return m_version; }

private:
    QString m_text;
    QString m_typeCode;
    QString m_issuerCode;
    QString m_serial;
    QString m_version;
    Error m_error = Error::Structure;
};

} // namespace onewindow
