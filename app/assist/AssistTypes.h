#pragma once

#include <QString>

namespace onewindow::assist {

// Why a resident asked for a person (docs/sync-protocol.md §13). Names go to the hub, the audit
// log and the hall call as they are: never free text.
enum class AssistReason
{
    ResidentPressedHelp, // 人工帮办
    WrongPrefilledField, // 信息有误，转人工 (with the field's schema key)
};
const char* reasonName(AssistReason r); // "resident_pressed_help", "wrong_prefilled_field"

// The screen the resident was on, from the QML screen's objectName ("formScreen" → "form").
// Anything unknown is "other", so no text from QML reaches the hub unchecked.
QString screenName(const QString& objectName);

// A schema key or kiosk id as the protocol allows it ([A-Za-z0-9_.-], 1–64 characters);
// anything else is not sent.
bool isProtocolToken(const QString& text);

} // namespace onewindow::assist
