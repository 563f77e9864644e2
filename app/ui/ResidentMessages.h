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

// The journey (issue 6).
QString workingDays(int days); // "5 working days"; 0 → "on the spot"
QString sourceCard();          // where a bound field's value comes from
QString sourceLicense(const QString& licenseTypeName);
QString materialStatus(const char* modeKey); // "license", "card", "counter", "tolerance", "promise"
QString fieldProblem(const char* problemKey, double min, double max);
QString yesNo(bool yes);
QString receiptState(bool acknowledged); // 待提交 / 已提交
QString savedOffline();                  // what was saved and what happens next
QString notSaved();
QString takeYourCard(); // 请取回您的证件
QString progressState(const QString& outboxState, bool online);
QString progressOffline();
QString progressNotFound();

} // namespace ResidentMessages
} // namespace onewindow
