#pragma once

#include "app/tool/CommandResult.h"

#include <QString>
#include <QStringList>

class QIODevice;

namespace onewindow {
class KioskConfig;
}

namespace onewindow::tool {

// onewindow-tool admin set-pin|status|unlock|card-entry (issue 7): provisioning and care of the
// admin PIN (app/admin). PINs and ID numbers are read from standard input, never from the
// command line (which other users can see in ps), and are never printed.
class AdminCommands
{
public:
    struct Request
    {
        QStringList arguments; // the subcommand
        QString stateDir;      // --state-dir; empty = the configuration's
        QString pinFile;       // --pin-file; empty = PinStore::pathFor(config)
        bool json = false;
        QIODevice* standardInput = nullptr; // null = the process's stdin (no echo on a tty)
    };

    static CommandResult run(const Request& request, const KioskConfig& config);
    static QString usage();
};

} // namespace onewindow::tool
