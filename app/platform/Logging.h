#pragma once

#include <QLoggingCategory>
#include <QString>

namespace onewindow {

Q_DECLARE_LOGGING_CATEGORY(lcReader)
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)

// Masks anything shaped like an ID number (18 digits with an optional X, 15 digits, or the
// 2017 foreigner number 3 letters + 12 digits) with the display mask, so a mistake elsewhere
// cannot put a full number into a log. Names cannot be recognised by shape; code must never
// log them, and issue 7's redaction layer adds session-scoped terms.
QString redactLogText(const QString& text);

// Routes every qDebug/qWarning/… and QML console message through redactLogText. Idempotent.
void installRedactingMessageHandler();

} // namespace onewindow
