#pragma once

#include "app/diagnostics/DiagnosticsReport.h"
#include "drivers/idcard/Expected.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace onewindow::diagnostics {

// The diagnostics bundle a technician takes away on a USB stick (admin logs page,
// `onewindow-tool diag --bundle DIR`): one tar archive
//   onewindow-diag-<kiosk_id>-<UTC yyyyMMdd-hhmmss>.tar
// holding diagnostics.json, recent.log, journal.log, kiosk.conf (no secrets) and
// audit-verify.json. Every text passes the log redaction; nothing personal, no key material.
class DiagnosticsBundle
{
public:
    struct Contents
    {
        DiagnosticsInputs inputs;
        QStringList recentLines; // RecentLog::instance().lines() in the kiosk
        bool includeJournal = true;
    };

    // Writes the archive into targetDir (temp name, fsync, rename, mode 0640). Returns its
    // path, or a message when targetDir is not a writable directory or the write failed.
    static Expected<QString, QString> write(const QString& targetDir, const Contents& contents);

    // kiosk.conf with every value whose key names a secret (key, secret, password, pin, token)
    // replaced by "(removed)", and every line redacted.
    static QByteArray sanitizedConfig(const QString& configPath);
    // `journalctl -u onewindow-kiosk -n 5000 -o short-iso`, redacted line by line; a note when
    // journalctl is not there or fails.
    static QByteArray journalExcerpt();

    struct Volume
    {
        QString rootPath; // /media/usb0
        QString label;
        qint64 freeBytes = 0;
    };
    // Mounted file systems on removable block devices (/sys/block/<disk>/removable = 1).
    static QList<Volume> removableTargets();
};

} // namespace onewindow::diagnostics
