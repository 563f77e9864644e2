#pragma once

#include "app/platform/KioskConfig.h"
#include "app/tool/CommandResult.h"

#include <QString>

namespace onewindow::tool {

// onewindow-tool diag [--json] [--state-dir DIR] [--bundle DIR] (issue 7): the diagnostics
// report (app/diagnostics) as a table or JSON; --bundle also writes the diagnostics bundle
// into DIR (e.g. a mounted USB stick). Read-only on the state directory.
class DiagCommand
{
public:
    struct Request
    {
        QString stateDir;  // from --state-dir; empty = the configuration's
        QString bundleDir; // from --bundle; empty = no bundle
        bool json = false;
    };

    static CommandResult run(const Request& request, const KioskConfig& config);
    static QString usage();
};

} // namespace onewindow::tool
