#include "drivers/idcard/CrossCheck.h"

#include "drivers/idcard/CodeTables.h"
#include "drivers/idcard/ResidentId.h"

namespace onewindow {

namespace {

void add(QList<CheckFinding>& out, CheckFinding::Severity severity, const char* code)
{
    const QString key = QString::fromLatin1(code);
    for (const CheckFinding& f : std::as_const(out)) {
        if (f.code == key)
            return; // each code at most once
    }
    out.append(CheckFinding{severity, key});
}

void error(QList<CheckFinding>& out, const char* code)
{
    add(out, CheckFinding::Severity::Error, code);
}

void warning(QList<CheckFinding>& out, const char* code)
{
    add(out, CheckFinding::Severity::Warning, code);
}

// 2017 foreigner permanent residence number: 3 upper-case letters + 12 digits (reference §2.5).
bool isForeign2017Number(const QString& n)
{
    if (n.size() != 15)
        return false;
    for (int i = 0; i < 15; ++i) {
        const char16_t c = n[i].unicode();
        const bool ok = i < 3 ? (c >= u'A' && c <= u'Z') : (c >= u'0' && c <= u'9');
        if (!ok)
            return false;
    }
    return true;
}

ResidentId::Kind expectedKind(DocumentType t)
{
    switch (t) {
    case DocumentType::HmtPermit:
        return ResidentId::Kind::Hmt;
    case DocumentType::Foreign2023:
        return ResidentId::Kind::Foreign2023;
    case DocumentType::Resident:
    case DocumentType::Foreign2017:
        break;
    }
    return ResidentId::Kind::Resident;
}

} // namespace

QList<CheckFinding> crossCheck(const Identity& identity, QDate today)
{
    QList<CheckFinding> out;
    const QString sex = identity.sexCode;
    const bool sexKnown = !sexKey(sex).isNull();

    // The number.
    if (identity.documentType == DocumentType::Foreign2017) {
        if (!isForeign2017Number(identity.idNumber))
            error(out, "id_invalid");
    } else {
        const ResidentId id = ResidentId::parse(identity.idNumber, today);
        if (!id.isValid()) {
            error(out, "id_invalid");
        } else {
            if (id.kind() != expectedKind(identity.documentType))
                error(out, "id_kind_mismatch");
            if (identity.birthDate.isValid() && identity.birthDate != id.birthDate())
                error(out, "birth_date_mismatch");
            const bool fieldMale = sex == QLatin1String("1");
            const bool fieldFemale = sex == QLatin1String("2");
            if ((fieldMale && id.sex() != ResidentId::Sex::Male) ||
                (fieldFemale && id.sex() != ResidentId::Sex::Female)) {
                error(out, "sex_mismatch");
            }
        }
    }

    // Field-level warnings.
    if (!sexKnown)
        warning(out, "unknown_sex_code");
    if (identity.documentType == DocumentType::Resident && !isKnownEthnicity(identity.ethnicityCode))
        warning(out, "unknown_ethnicity_code");
    if (!identity.birthDate.isValid())
        warning(out, "invalid_birth_date");
    if (!identity.validFrom.isValid() || (!identity.validLongTerm && !identity.validUntil.isValid()))
        warning(out, "invalid_validity_date");

    if (containsPrivateUse(identity.name) || containsPrivateUse(identity.englishName))
        warning(out, "name_private_use");

    // Validity period.
    if (identity.isExpired(today))
        warning(out, "expired");
    if (identity.validFrom.isValid() && today.isValid() && identity.validFrom > today)
        warning(out, "not_yet_valid");
    return out;
}

bool containsPrivateUse(QStringView text)
{
    // Walks the UTF-16 units in place: no UCS-4 copy of a name to wipe afterwards.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.unicode() >= 0xE000 && c.unicode() <= 0xF8FF)
            return true;
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            if (QChar::surrogateToUcs4(c, text[i + 1]) >= 0xF0000)
                return true;
            ++i;
        }
    }
    return false;
}

bool hasErrors(const QList<CheckFinding>& findings)
{
    for (const CheckFinding& f : findings) {
        if (f.severity == CheckFinding::Severity::Error)
            return true;
    }
    return false;
}

QStringList findingCodes(const QList<CheckFinding>& findings, CheckFinding::Severity severity)
{
    QStringList codes;
    for (const CheckFinding& f : findings) {
        if (f.severity == severity)
            codes.append(f.code);
    }
    return codes;
}

} // namespace onewindow
