#pragma once

#include "drivers/idcard/Identity.h"

#include <QDate>
#include <QList>
#include <QString>

namespace onewindow {

// Consistency of a decoded identity (reference/idcard.md §8.1 step 6, §8.2).
// Errors make the read untrustworthy (re-read, then refuse); warnings are shown but do not
// stop the resident (an expired card is still readable; business rules decide later).
struct CheckFinding
{
    enum class Severity
    {
        Warning,
        Error
    };
    Severity severity = Severity::Warning;
    QString code; // stable key, e.g. "expired", "id_checksum", "birth_date_mismatch"
};

// Codes:
//   errors:   "id_invalid"           the ID number fails GB 11643 (length, format, date, checksum)
//             "birth_date_mismatch"  birth field ≠ the date in the ID number
//             "sex_mismatch"         sex field ≠ the parity of the 17th digit
//             "id_kind_mismatch"     e.g. an HMT permit whose number lacks 81/82/83 0000
//   warnings: "expired", "not_yet_valid", "unknown_sex_code", "unknown_ethnicity_code",
//             "invalid_birth_date", "invalid_validity_date",
//             "name_private_use"     the name holds a Private Use Area character (the old coding
//                                    of a 生僻字): kept byte-exact, but no installed font draws it
// Each code appears at most once. Birth-date, sex and kind checks run only when the number is a
// valid GB 11643 number; the 2017 foreigner number (3 letters + 12 digits) has no parity, and
// sex codes 0 and 9 are not compared. "invalid_validity_date" means validFrom is not a date, or
// validUntil is not a date on a document that is not long-term.
QList<CheckFinding> crossCheck(const Identity& identity, QDate today = QDate::currentDate());
// True when `text` holds a code point of a Private Use Area (U+E000–U+F8FF, planes 15 and 16).
bool containsPrivateUse(QStringView text);
bool hasErrors(const QList<CheckFinding>& findings);
QStringList findingCodes(const QList<CheckFinding>& findings, CheckFinding::Severity severity);

} // namespace onewindow
