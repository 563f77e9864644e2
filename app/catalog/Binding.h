#pragma once

#include "app/core/ELicense.h"
#include "drivers/idcard/Identity.h"

#include <QDate>
#include <QList>
#include <QString>

namespace onewindow::catalog {

// Where a form field's value comes from (DESIGN.md §8, gov-standards.md §7.3):
//   idcard.<field>                               name, id_number, sex, birth_date, address, issuer,
//   valid_until license[<type code>].face.<KZ_field>         a face field of the resident's licence of that
//   type license[<type code>].holders[<role>].name    a holder's name (结婚证 男方/女方, 出生医学证明
//   婴儿/父/母) license[<type code>].license_no              the licence number applicant.<field> typed by
//   the resident (phone …): not prefilled static:<value>                               a constant
struct Binding
{
    enum class Kind
    {
        None, // no binding: the resident types the value
        IdCard,
        LicenseFace,
        LicenseHolder,
        LicenseNumber,
        Applicant,
        Constant,
        Invalid, // the schema text did not parse: shown as a normal field, reported by validateSchema
    };
    Kind kind = Kind::None;
    QString typeCode; // license[…] kinds
    QString field;    // idcard/face/applicant field, or the constant
    QString role;     // LicenseHolder

    static Binding parse(const QString& text);
    // Bound fields (card, licence, constant) are read-only; None/Applicant are typed.
    bool isReadOnly() const
    {
        return kind == Kind::IdCard || kind == Kind::LicenseFace || kind == Kind::LicenseHolder ||
               kind == Kind::LicenseNumber || kind == Kind::Constant;
    }
    bool usesLicense() const
    {
        return kind == Kind::LicenseFace || kind == Kind::LicenseHolder || kind == Kind::LicenseNumber;
    }
};

// The value a binding gives for one resident, and where it came from (shown as "来自：…").
struct ResolvedValue
{
    bool found = false;
    QString value;
    QString licenseId;       // the licence used (用证), empty for card/constant
    QString licenseTypeName; // e.g. 居民户口簿
};

// Resolves bindings against the card and the licences the resident holds. Only licences
// usable on `today` count (valid status and dates): an expired or revoked licence never fills
// a form.
class BindingResolver
{
public:
    BindingResolver(const Identity& identity, const QList<ELicense>& licenses, QDate today);

    ResolvedValue resolve(const Binding& binding) const;
    // The resident's usable licence of this type, or nullptr.
    const ELicense* usableLicense(const QString& typeCode) const;

private:
    QString idCardField(const QString& field) const;

    const Identity& m_identity;
    const QList<ELicense>& m_licenses;
    QDate m_today;
};

} // namespace onewindow::catalog
