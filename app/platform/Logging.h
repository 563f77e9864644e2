#pragma once

#include <QLoggingCategory>
#include <QString>

namespace onewindow {

class KioskConfig;

// Categories of the app/platform layer. Every area has its own under "onewindow.<area>[.<sub>]"
// (the full list, and how to turn on debug output, is in docs/logging.md).
Q_DECLARE_LOGGING_CATEGORY(lcReader)
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcDiagnostics)

// The redaction layer (LogRedaction::redact): ID numbers, mobile numbers and long hex runs by
// shape, plus the current resident's name, address and numbers while a session holds them.
QString redactLogText(const QString& text);

// Routes every qDebug/qWarning/… and QML console message through redactLogText, into the
// RecentLog buffer and then to journald (under systemd) or stderr. Idempotent.
void installRedactingMessageHandler();

enum class LogTarget
{
    Auto,    // journald when stderr is systemd's journal stream ($JOURNAL_STREAM), else stderr
    Stderr,  // "time level category: message" lines (or $QT_MESSAGE_PATTERN when set)
    Journal, // sd_journal_send with PRIORITY, ONEWINDOW_CATEGORY and CODE_* fields
};
void setLogTarget(LogTarget target);
LogTarget effectiveLogTarget(); // Auto resolved

// Applies [logging] of kiosk.conf: rules= (QLoggingCategory filter rules separated by ',', e.g.
// "rules=onewindow.reader.*.debug=true, onewindow.sync.debug=true" — in the INI file ';' starts
// a comment; $QT_LOGGING_RULES still wins) and target=auto|stderr|journal. Returns a problem text for a bad
// value (the default is kept), else an empty string. Call right after the configuration is loaded.
QString applyLoggingConfig(const KioskConfig& config);

} // namespace onewindow
