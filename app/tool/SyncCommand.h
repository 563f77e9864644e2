#pragma once

#include "app/platform/KioskConfig.h"
#include "app/tool/CommandResult.h"

#include <QString>

namespace onewindow::tool {

// onewindow-tool sync [--once] [--json] [--state-dir DIR] (DESIGN.md §9): runs the sync engine
// against the hub of [hub] on the kiosk's state directory. --once: one pass over every stream
// (heartbeat, outbox, licences, catalogue). Without it: passes until the outbox is empty (or
// paused, or 10 minutes), waiting out the backoff between passes.
// Exit 0: every stream succeeded; 1: the hub failed somewhere (the report says where);
// 2: usage, configuration or state-directory error.
class SyncCommand
{
public:
    struct Request
    {
        QString stateDir; // empty = the configuration's
        bool once = false;
        bool json = false;
        qint64 maxMs = 600000;
    };

    static CommandResult run(const Request& request, const KioskConfig& config);
    static QString usage();
};

} // namespace onewindow::tool
