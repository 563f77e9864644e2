#pragma once

#include "drivers/idcard/CrossCheck.h"
#include "drivers/idcard/Identity.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace onewindow::tool {

// Identity → the stable JSON shape of decode-text / read-card (DESIGN.md §9):
//   document_type, name, english_name, sex_code, sex, ethnicity_code, ethnicity, birth_date,
//   address, id_number, issuer, valid_from, valid_until, nationality, permit_number,
//   issue_count, warnings
// plus the extra keys errors (error-severity cross-check codes), appended_address,
// card_version, authority_code, previous_number and masked.
// A field the document type does not carry, or that is blank on the card, is null. Dates are
// "YYYY-MM-DD" (valid_until "long-term" for 长期); an unparseable date is given as on the card.
// Unless `reveal`, name, english_name, address, appended_address, id_number, permit_number
// and previous_number are masked (drivers/idcard/Masking.h). The caller decides whether
// revealing is allowed.
QJsonObject identityToJson(const Identity& identity, const QList<CheckFinding>& findings, bool reveal);

// The human-readable form of identityToJson's object: aligned English labels, absent fields
// left out, warnings and errors listed.
QString identityJsonToText(const QJsonObject& object);

} // namespace onewindow::tool
