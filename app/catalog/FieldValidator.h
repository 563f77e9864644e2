#pragma once

#include "app/catalog/FormSchema.h"

namespace onewindow::catalog {

// Checks one typed value against its field. Returns a problem key, never a sentence: the UI
// turns it into the resident's language (ResidentMessages), so C++ logic stays language-free.
enum class FieldProblem
{
    None,
    Required,
    NotANumber,
    TooSmall,
    TooLarge,
    BadDate,
    BadPhone,
    BadIdNumber,
    NotAnOption,
    BadFormat,
};

const char* fieldProblemKey(FieldProblem p); // "required", "not_a_number", …
FieldProblem validateField(const FormField& field, const QString& value);
// The message key for a phone value that failed, by the region its country code names:
// "bad_phone_cn", "bad_phone_hk", "bad_phone_mo", "bad_phone_tw" or "bad_phone_intl".
const char* phoneProblemKey(const QString& value);

} // namespace onewindow::catalog
