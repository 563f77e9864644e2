#pragma once

#include <QString>

namespace onewindow {

// Display masks (DESIGN.md: ID 110***********123X, name 张*, phone 138****5678).
// Every mask keeps the length so the resident recognises the shape of their own data.

// First 3 and last 4 characters kept; shorter inputs (≤ 7) keep only the last character.
QString maskIdNumber(const QString& number);
// First character kept, every other letter replaced by '*'; spaces and '·' kept so a
// "阿卜杜·热合曼" or "JOHN SMITH" still reads as a name of that shape.
QString maskName(const QString& name);
// First 3 and last 4 digits kept (138****5678); other shapes keep the last 4 (inputs of 4 or
// fewer characters keep only the last one).
QString maskPhone(const QString& phone);
// Addresses keep the first 6 characters (province/city level), the rest becomes "****".
// An address of 6 characters or fewer keeps only its first half. Empty stays empty.
QString maskAddress(const QString& address);
// All masks count characters, not UTF-16 units: a surrogate pair (a rare CJK character) is
// one character and is never split. Empty input gives empty output.

} // namespace onewindow
