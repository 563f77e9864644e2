#include "app/catalog/Binding.h"

#include <QRegularExpression>

namespace onewindow::catalog {

Binding Binding::parse(const QString& text)
{
    Binding b;
    const QString t = text.trimmed();
    if (t.isEmpty())
        return b;
    if (t.startsWith(QLatin1String("static:"))) {
        b.kind = Kind::Constant;
        b.field = t.mid(7);
        return b;
    }
    static const QRegularExpression simple(QStringLiteral("^(idcard|applicant)\\.([a-z_]+)$"));
    if (const auto m = simple.match(t); m.hasMatch()) {
        b.kind = m.captured(1) == QLatin1String("idcard") ? Kind::IdCard : Kind::Applicant;
        b.field = m.captured(2);
        return b;
    }
    static const QRegularExpression license(
        QStringLiteral("^license\\[([0-9A-Z]{1,32})\\]\\.(?:face\\.([A-Za-z0-9_]+)|holders\\[([^\\]]+)\\]\\."
                       "name|(license_no))$"));
    if (const auto m = license.match(t); m.hasMatch()) {
        b.typeCode = m.captured(1);
        if (!m.captured(2).isEmpty()) {
            b.kind = Kind::LicenseFace;
            b.field = m.captured(2);
        } else if (!m.captured(3).isEmpty()) {
            b.kind = Kind::LicenseHolder;
            b.role = m.captured(3);
        } else {
            b.kind = Kind::LicenseNumber;
        }
        return b;
    }
    b.kind = Kind::Invalid;
    return b;
}

BindingResolver::BindingResolver(const Identity& identity, const QList<ELicense>& licenses, QDate today)
    : m_identity(identity), m_licenses(licenses), m_today(today)
{}

const ELicense* BindingResolver::usableLicense(const QString& typeCode) const
{
    for (const ELicense& l : m_licenses) {
        if (l.typeCode == typeCode && l.isUsableOn(m_today))
            return &l;
    }
    return nullptr;
}

QString BindingResolver::idCardField(const QString& field) const
{
    const Identity& id = m_identity;
    if (field == QLatin1String("name"))
        return id.name.isEmpty() ? id.englishName : id.name;
    if (field == QLatin1String("id_number") || field == QLatin1String("idno"))
        return id.idNumber;
    if (field == QLatin1String("sex"))
        return id.sexCode == QLatin1String("1")   ? QStringLiteral("男")
               : id.sexCode == QLatin1String("2") ? QStringLiteral("女")
                                                  : QString();
    if (field == QLatin1String("birth_date") || field == QLatin1String("birth"))
        return id.birthDate.isValid() ? id.birthDate.toString(Qt::ISODate) : QString();
    if (field == QLatin1String("address"))
        return id.appendedAddress.isEmpty() ? id.address : id.appendedAddress;
    if (field == QLatin1String("issuer"))
        return id.issuer;
    if (field == QLatin1String("valid_until") || field == QLatin1String("valid_to"))
        return id.validLongTerm ? QStringLiteral("长期") : id.validUntil.toString(Qt::ISODate);
    if (field == QLatin1String("nationality"))
        return id.nationality;
    return {};
}

ResolvedValue BindingResolver::resolve(const Binding& binding) const
{
    ResolvedValue r;
    switch (binding.kind) {
    case Binding::Kind::None:
    case Binding::Kind::Applicant:
    case Binding::Kind::Invalid:
        return r;
    case Binding::Kind::Constant:
        r.value = binding.field;
        r.found = true;
        return r;
    case Binding::Kind::IdCard:
        r.value = idCardField(binding.field);
        r.found = !r.value.isEmpty();
        return r;
    case Binding::Kind::LicenseFace:
    case Binding::Kind::LicenseHolder:
    case Binding::Kind::LicenseNumber:
        break;
    }
    const ELicense* l = usableLicense(binding.typeCode);
    if (!l)
        return r;
    if (binding.kind == Binding::Kind::LicenseFace) {
        r.value = l->face.value(binding.field);
    } else if (binding.kind == Binding::Kind::LicenseNumber) {
        r.value = l->licenseNo;
    } else {
        for (const LicenseHolder& h : l->holders) {
            if (h.role == binding.role) {
                r.value = h.name;
                break;
            }
        }
    }
    r.found = !r.value.isEmpty();
    if (r.found) {
        r.licenseId = l->licenseId;
        r.licenseTypeName = l->typeName;
    }
    return r;
}

} // namespace onewindow::catalog
