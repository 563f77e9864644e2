#pragma once

#include "app/platform/KioskConfig.h"
#include "app/tool/CommandResult.h"

#include <QString>

namespace onewindow::tool {

// onewindow-tool cache stats|lookup ID, queue, audit verify (DESIGN.md §9). They read the
// kiosk's state directory (--state-dir, else kiosk/state_dir) next to a running kiosk: files
// are opened without creating anything, no migration runs and no key is ever created.
class StorageCommands
{
public:
    struct Request
    {
        QString stateDir;      // from --state-dir; empty = the configuration's
        QStringList arguments; // after the command name
        bool json = false;
        bool reveal = false; // already authorised by the caller
    };

    static CommandResult cache(const Request& request, const KioskConfig& config);
    static CommandResult queue(const Request& request, const KioskConfig& config);
    static CommandResult audit(const Request& request, const KioskConfig& config);

    static QString cacheUsage();
    static QString queueUsage();
    static QString auditUsage();
};

} // namespace onewindow::tool
