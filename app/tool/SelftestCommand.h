#pragma once

#include "app/tool/CommandResult.h"

#include <QList>
#include <QString>

namespace onewindow::tool {

class ToolContext;

// onewindow-tool selftest [--json] [--state-dir DIR] (DESIGN.md §9, issue 8): is this machine a
// working kiosk? Checks the configuration, the state directory and key file (owners and modes),
// the three databases (open + quick_check, never created or migrated), the configured reader
// backends and the QML runtime modules the kiosk loads. Read-only apart from a probe file
// created and removed in the state directory. Exit 0 when nothing failed (warnings allowed),
// 1 when a check failed, 2 on a usage error.
class SelftestCommand
{
public:
    struct Request
    {
        QString stateDir; // from --state-dir; empty = the configuration's
        bool json = false;
    };

    struct Check
    {
        enum class Status
        {
            Ok,
            Warn, // not broken, but worth a look (e.g. a database not created yet)
            Fail,
        };
        QString name;
        Status status = Status::Ok;
        QString detail;
    };

    static QList<Check> runChecks(const Request& request, const ToolContext& context);
    static CommandResult run(const Request& request, const ToolContext& context);
    static QString usage();
};

} // namespace onewindow::tool
