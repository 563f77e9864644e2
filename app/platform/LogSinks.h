#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QtGlobal>

class QMessageLogContext;

namespace onewindow {

// Where log lines go (DESIGN.md §10): journald when systemd runs us, stderr otherwise. The
// text handed to these functions is already redacted.
namespace logsinks {

// syslog priority for a Qt message type (debug 7, info 6, warning 4, critical 3, fatal 2).
int journalPriority(QtMsgType type);

// The native journal fields of one message: MESSAGE, PRIORITY, ONEWINDOW_CATEGORY,
// CODE_FILE/CODE_LINE/CODE_FUNC when the context knows them, SYSLOG_IDENTIFIER.
QList<QByteArray> journalFields(QtMsgType type, const QMessageLogContext& context, const QString& message);

// True when stderr is connected to the journal: $JOURNAL_STREAM ("device:inode") names the
// same file as fd 2 (systemd.exec(5)).
bool stderrIsJournal();

// Sends the fields with sd_journal_sendv. False when libsystemd is not built in or the send
// failed (the caller then writes to stderr).
bool sendToJournal(const QList<QByteArray>& fields);
// Whether this build has the journald sink (libsystemd found at configure time).
bool journalCompiledIn();

// "2026-11-22T01:33:14.123Z W onewindow.reader: message" — time (UTC), level letter, category.
QString stderrLine(QtMsgType type, const char* category, const QString& message, const QDateTime& utc);

} // namespace logsinks
} // namespace onewindow
