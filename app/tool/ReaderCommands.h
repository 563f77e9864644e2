#pragma once

#include "app/platform/KioskConfig.h"
#include "app/tool/CommandResult.h"

#include <QStringList>

namespace onewindow::tool {

// onewindow-tool readers  [--json] [--serial PATH]… [--timeout S]
// onewindow-tool read-card [--reader NAME] [--timeout S] [--profile NAME] [--serial PATH]…
//                          [--json] [--reveal]
// Backends: those of the configuration file; without one, PC/SC always (honours
// PCSCLITE_CSOCK_NAME), libnfc when LIBNFC_DEVICE / LIBNFC_DEFAULT_DEVICE is set, and a serial
// SAM per --serial PATH (DESIGN.md §9). --reader matches a reader's exact name or a unique
// prefix. Identity output is masked unless --reveal (authorised by the caller).
// Exit: readers 0 with at least one reader, 1 none; read-card 0 read, 1 no card / read failed
// before the timeout, 2 usage or system error (unknown or ambiguous reader, no backend).
class ReaderCommands
{
public:
    struct Request
    {
        bool configFile = false; // a configuration file was loaded
        QStringList serialPorts; // --serial
        QString readerName;      // --reader
        QString profile;         // --profile (PC/SC)
        int timeoutSeconds = -1; // --timeout; -1: the command's default
        bool json = false;
        bool reveal = false;
    };

    static CommandResult readers(const Request& request, const KioskConfig& config);
    static CommandResult readCard(const Request& request, const KioskConfig& config);
    static QString readersUsage();
    static QString readCardUsage();
};

} // namespace onewindow::tool
