#include "app/catalog/FieldValidator.h"

#include "app/phone/PhoneNumbers.h"
#include "drivers/idcard/ResidentId.h"

#include <QDate>
#include <QRegularExpression>

namespace onewindow::catalog {

const char* fieldProblemKey(FieldProblem p)
{
    switch (p) {
    case FieldProblem::None:
        return "";
    case FieldProblem::Required:
        return "required";
    case FieldProblem::NotANumber:
        return "not_a_number";
    case FieldProblem::TooSmall:
        return "too_small";
    case FieldProblem::TooLarge:
        return "too_large";
    case FieldProblem::BadDate:
        return "bad_date";
    case FieldProblem::BadPhone:
        return "bad_phone";
    case FieldProblem::BadIdNumber:
        return "bad_id_number";
    case FieldProblem::NotAnOption:
        return "not_an_option";
    case FieldProblem::BadFormat:
        return "bad_format";
    }
    return "bad_format";
}

FieldProblem validateField(const FormField& field, const QString& raw)
{
    const QString value = raw.trimmed();
    if (value.isEmpty() || (field.type == FormField::Type::Checkbox && value == QLatin1String("false")))
        return field.required && field.type != FormField::Type::Checkbox ? FieldProblem::Required
                                                                         : FieldProblem::None;
    switch (field.type) {
    case FormField::Type::Number: {
        bool ok = false;
        const double n = value.toDouble(&ok);
        if (!ok)
            return FieldProblem::NotANumber;
        if (field.min && n < *field.min)
            return FieldProblem::TooSmall;
        if (field.max && n > *field.max)
            return FieldProblem::TooLarge;
        break;
    }
    case FormField::Type::Date:
        if (!QDate::fromString(value, Qt::ISODate).isValid())
            return FieldProblem::BadDate;
        break;
    case FormField::Type::Phone: {
        // E.164 from the form's country-code picker (issue 19), checked per region by
        // libphonenumber; bare digits are a mainland number (mobile, or landline with area code).
        if (value.size() > 32 || !phone::checkStored(value).valid)
            return FieldProblem::BadPhone;
        break;
    }
    case FormField::Type::IdNumber:
        if (!ResidentId::parse(value).isValid())
            return FieldProblem::BadIdNumber;
        break;
    case FormField::Type::Select: {
        bool known = false;
        for (const FormField::Option& o : field.options)
            known = known || o.value == value;
        if (!known)
            return FieldProblem::NotAnOption;
        break;
    }
    case FormField::Type::Text:
    case FormField::Type::Region:
    case FormField::Type::Checkbox:
        break;
    }
    if (!field.pattern.isEmpty()) {
        // Compiled with the schema; a field built in code gets the same checks here. A pattern
        // refused as unsafe or invalid fails closed.
        if (field.compiledPattern) {
            if (!field.compiledPattern->matches(value))
                return FieldProblem::BadFormat;
        } else {
            const auto compiled = FieldPattern::compile(field.pattern);
            if (!compiled || !compiled->matches(value))
                return FieldProblem::BadFormat;
        }
    }
    return FieldProblem::None;
}

const char* phoneProblemKey(const QString& value)
{
    const QString region = phone::checkStored(value).region;
    if (region == QLatin1String("CN"))
        return "bad_phone_cn";
    if (region == QLatin1String("HK"))
        return "bad_phone_hk";
    if (region == QLatin1String("MO"))
        return "bad_phone_mo";
    if (region == QLatin1String("TW"))
        return "bad_phone_tw";
    return "bad_phone_intl";
}

} // namespace onewindow::catalog
