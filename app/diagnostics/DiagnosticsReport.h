#pragma once

#include "app/sync/SyncStatus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace onewindow {
class KioskConfig;
}

namespace onewindow::diagnostics {

// What the report is built from. The configuration is always there; the rest only the running
// kiosk has (the tool leaves them empty) and is merged in when given.
struct DiagnosticsInputs
{
    const KioskConfig* config = nullptr; // required
    QString stateDir;                    // overrides kiosk/state_dir when not empty
    std::optional<sync::SyncStatus> syncStatus;
    QJsonObject healthReport; // app/health's report, when the kiosk has one
    QJsonArray liveReaders;   // the reader manager's live view
};

// The diagnostics report (issue 7, admin device page and `onewindow-tool diag`): version, host,
// uptimes, clock, disk, memory, databases, queue, audit chain, TLS certificate expiry, readers
// and a configuration summary, as one JSON object. Read-only: nothing is created or migrated.
// Holds no personal data (queue counts, not contents; the config summary has no secrets).
class DiagnosticsReport
{
public:
    static QJsonObject collect(const DiagnosticsInputs& inputs);

    // Pieces, for the admin pages and tests.
    static QJsonObject auditVerification(const KioskConfig& config, const QString& stateDir);
    static QJsonObject certificate(const QString& certFile); // {path, not_after, days_left} or error
    static QString kioskId(const KioskConfig& config);       // [hub] kiosk_id, else the host name

    // A readable table of the report (onewindow-tool diag without --json).
    static QString toText(const QJsonObject& report);
};

} // namespace onewindow::diagnostics
