#include "app/tool/DiagCommand.h"

#include "app/diagnostics/DiagnosticsBundle.h"
#include "app/diagnostics/DiagnosticsReport.h"
#include "app/platform/RecentLog.h"

#include <QJsonDocument>

namespace onewindow::tool {

using namespace onewindow::diagnostics;

CommandResult DiagCommand::run(const Request& request, const KioskConfig& config)
{
    DiagnosticsInputs inputs;
    inputs.config = &config;
    inputs.stateDir = request.stateDir;
    QJsonObject report = DiagnosticsReport::collect(inputs);

    CommandResult result;
    if (!request.bundleDir.isEmpty()) {
        DiagnosticsBundle::Contents contents;
        contents.inputs = inputs;
        // The tool's own log lines (it has no kiosk's history); the journal holds the kiosk's.
        contents.recentLines = RecentLog::instance().lines();
        auto written = DiagnosticsBundle::write(request.bundleDir, contents);
        if (!written.ok())
            return CommandResult::failure(ExitUsage,
                                          QStringLiteral("diag --bundle: %1").arg(written.error()));
        report.insert(QStringLiteral("bundle"), written.value());
    }
    result.output = request.json ? QJsonDocument(report).toJson(QJsonDocument::Indented)
                                 : DiagnosticsReport::toText(report).toUtf8();
    return result;
}

QString DiagCommand::usage()
{
    return QStringLiteral(
        "Usage: onewindow-tool diag [--json] [--state-dir DIR] [--bundle DIR] [--config PATH]\n"
        "\n"
        "The diagnostics report: version, host name, kiosk id, process and system uptime, clock,\n"
        "disk of the state directory, memory, the three databases (size, schema version,\n"
        "PRAGMA quick_check through a read-only open), the outbox queue by state and the age of\n"
        "the oldest pending item, the audit chain check, the TLS client certificate's expiry,\n"
        "the configured readers and a configuration summary without secrets.\n"
        "\n"
        "--bundle DIR writes onewindow-diag-<kiosk_id>-<UTC time>.tar into DIR (a mounted USB\n"
        "stick, for example): diagnostics.json, recent.log, journal.log (the kiosk's journal,\n"
        "redacted), kiosk.conf (secrets removed) and audit-verify.json; the report then names it\n"
        "under \"bundle\". Nothing personal is in the report or the bundle. DIR must be a real\n"
        "directory: a symbolic link, a system directory (/, /etc, /usr, /bin, /sbin, /lib*, /boot,\n"
        "/proc, /sys, /dev, /run, /var, /var/lib, /home, /root) and the state directory are refused.\n"
        "\n"
        "--json prints the report as one JSON object (keys: version, hostname, kiosk_id,\n"
        "generated_at, uptime, clock, disk, memory, databases, queue, audit,\n"
        "tls_client_certificate, readers, config, sync, health).\n"
        "\n"
        "Exit status: 0 report printed, 2 usage or system error (e.g. the bundle directory is\n"
        "not a writable directory).\n");
}

} // namespace onewindow::tool
