#pragma once

#include "drivers/idcard/Identity.h"

#include <QString>

namespace onewindow {

// Every resident-facing text that C++ decides, in one place, translated with the current
// language (Qt Linguist context "ResidentMessages"). Errors say what happened and what to do
// next, never a bare code (DESIGN.md §11).
namespace ResidentMessages {

QString documentType(DocumentType type);
// Title and next step for a read error key (ReadError keys plus "card_removed").
QString errorTitle(const QString& errorKey);
QString errorHint(const QString& errorKey);
// A cross-check warning shown on the confirmation screen ("expired", …); empty for codes the
// resident need not see.
QString findingText(const QString& code, const Identity& identity);
QString validity(const Identity& identity);
QString sex(const QString& sexCode);

} // namespace ResidentMessages
} // namespace onewindow
