#pragma once

#include "app/tool/CommandResult.h"

#include <QDate>
#include <QString>

class QIODevice;

namespace onewindow::tool {

// onewindow-tool decode-text FILE|- [--json] [--reveal]
// Decodes a GA/T 490 text block (binary, hex text, or a captured SAM read-response frame;
// see InputBytes.h), cross-checks it and prints the identity, masked unless reveal.
// Exit 0 decoded and consistent, 1 decoded with cross-check errors, 2 unreadable input, wrong
// size, malformed hex or frame, unsupported document flag.
class DecodeTextCommand
{
public:
    struct Request
    {
        QString path; // "-" reads standard input
        bool json = false;
        bool reveal = false;                // already authorised by the caller
        QDate today = QDate::currentDate(); // for expiry warnings
        QIODevice* standardInput = nullptr; // nullptr: the process's stdin
    };

    static CommandResult run(const Request& request);
    static QString usage();
};

} // namespace onewindow::tool
