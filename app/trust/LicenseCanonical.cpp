#include "app/trust/LicenseCanonical.h"

#include <QtEndian>
#include <algorithm>

namespace onewindow::trust {

namespace {

class FieldWriter
{
public:
    void bytes(const QByteArray& b)
    {
        char len[4];
        qToBigEndian(quint32(b.size()), len);
        m_out.append(len, 4);
        m_out.append(b);
    }
    void text(const QString& s) { bytes(s.toUtf8()); }
    void date(QDate d) { text(d.isValid() ? d.toString(Qt::ISODate) : QString()); }
    void count(qsizetype n) { bytes(QByteArray::number(qlonglong(n))); }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

} // namespace

QByteArray licenseSignedBytes(const ELicense& l)
{
    FieldWriter w;
    w.text(QStringLiteral("onewindow.license.v1"));
    w.text(l.signature.alg);
    w.text(l.signature.keyId);
    w.text(l.licenseId);
    w.text(l.sourceLicenseId);
    w.text(l.typeCode);
    w.text(l.typeName);
    w.text(l.licenseName);
    w.text(l.licenseNo);
    w.text(l.relatedLicenseId);
    w.text(l.issuerName);
    w.text(l.issuerCode);
    w.date(l.issueDate);
    w.date(l.validFrom);
    w.date(l.validTo);
    w.text(ELicense::statusName(l.status));
    w.text(l.statusDesc);
    w.text(l.areaCode);
    w.count(l.holders.size());
    for (const LicenseHolder& h : l.holders) {
        w.text(h.name);
        w.text(h.code);
        w.text(h.codeTypeCode);
        w.text(h.role);
    }
    // QMap orders by QString (UTF-16 code units); the wire order is by UTF-8 bytes (= code
    // points), which differs only for characters beyond the BMP.
    QList<QPair<QByteArray, QByteArray>> face;
    face.reserve(l.face.size());
    for (auto it = l.face.cbegin(); it != l.face.cend(); ++it)
        face.append({it.key().toUtf8(), it.value().toUtf8()});
    std::sort(face.begin(), face.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    w.count(face.size());
    for (const auto& [key, value] : face) {
        w.bytes(key);
        w.bytes(value);
    }
    return w.take();
}

QByteArray issuerListSignedBytes(const QString& version, const QString& rootAlg,
                                 const QList<IssuerKeyEntry>& keys)
{
    FieldWriter w;
    w.text(QStringLiteral("onewindow.issuer-keys.v1"));
    w.text(version);
    w.text(rootAlg);
    w.count(keys.size());
    for (const IssuerKeyEntry& k : keys) {
        w.text(k.keyId);
        w.text(k.issuerCode);
        w.text(k.alg);
        w.bytes(k.publicKeyDer);
    }
    return w.take();
}

} // namespace onewindow::trust
