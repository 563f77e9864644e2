#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>

namespace onewindow::adminui {

// What the admin pages need from the rest of the kiosk, as plain functions wired in main.cpp.
// Each may be empty (the page then says "not available"); the slow ones (diagnostics, bundle)
// are called on a pool thread, never on the GUI thread.
struct AdminHooks
{
    // Every admin action, for the audit log: action, object, result, non-personal detail.
    std::function<void(const QString&, const QString&, const QString&, const QString&)> record;
    // Any admin activity keeps the admin session from locking for idleness.
    std::function<void()> touch;
    // Pool thread: the diagnostics JSON (version, uptime, disk, memory, databases, certificate).
    std::function<QJsonObject()> collectDiagnostics;
    // Pool thread: writes the diagnostics bundle into a directory; the file's path or an error.
    std::function<QString(const QString& targetDir, QString* error)> writeBundle;
    // Recent redacted log lines, newest last.
    std::function<QStringList(int max)> recentLogLines;
    // Mounted removable file systems (USB sticks) the bundle may go to.
    std::function<QStringList()> removableTargets;
    // Pool thread: the hub client certificate's expiry {configured, not_after, days_left, expired, error}.
    std::function<QJsonObject()> certificate;
    // The health model's checks as maps {name, status, detail, since}.
    std::function<QVariantList()> healthChecks;
};

} // namespace onewindow::adminui
