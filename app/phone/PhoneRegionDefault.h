#pragma once

#include "drivers/idcard/Identity.h"

#include <QString>
#include <QStringList>

namespace onewindow::phone {

// The country-code picker's first choice from the document on the reader (docs/ui.md "Phone
// numbers"): resident card → CN; HK/Macao/Taiwan residence permit → HK or MO by the permit
// number's first letter (H/M), TW otherwise (its numbers start with digits); foreigner cards →
// the nationality's region when it maps to one, else "ZZ" (the resident picks).
QString defaultRegionFor(const Identity& identity);

// GB/T 2659 (ISO 3166-1) alpha-3 or numeric → alpha-2; empty when unknown.
QString alpha2ForNationality(const QString& nationality);

// The picker's choices: CN, HK, MO, TW, then `preferred` when it is another region, then ZZ.
QStringList pickerRegions(const QString& preferred);

} // namespace onewindow::phone
