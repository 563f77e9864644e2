#pragma once

#include <QString>

namespace onewindow {

// GB/T 2261.1-2003 sex codes: 0 unknown, 1 male, 2 female, 9 not stated.
// Returns the Chinese label ("男") or English ("male") for language "en"; an unknown code is
// returned as "其他(c)" / "other (c)". Never throws.
QString sexLabel(const QString& code, const QString& language = QStringLiteral("zh"));
// JSON value: "male" / "female" / "unknown" / "unspecified"; null string for any other code.
QString sexKey(const QString& code);

// GB/T 3304 ethnicity codes 01–56 plus the readers' 97 其他 and 98 外国血统中国籍人士.
// An unknown code gives "其他(nn)" — never a crash, never a guess.
QString ethnicityLabel(const QString& code);
bool isKnownEthnicity(const QString& code);

} // namespace onewindow
