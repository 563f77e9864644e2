#pragma once

#include <QString>
#include <QStringList>

namespace onewindow::tool {

// The parsed command line of onewindow-tool:
//   onewindow-tool [--config PATH] COMMAND [ARGS…] [--json] [--reveal]
// Options may appear anywhere; "--" ends them; a lone "-" is an argument (stdin).
// Which options a command accepts is checked by the dispatcher, not here.
struct ToolCommandLine
{
    QString command;       // first non-option argument ("validate-id", "help", …), may be empty
    QStringList arguments; // the non-option arguments after the command
    QString configPath;    // --config PATH / --config=PATH
    bool json = false;     // --json
    bool reveal = false;   // --reveal
    bool help = false;     // --help / -h
    bool version = false;  // --version
    QStringList options;   // every option given, by its long name ("json", "reveal", …)
    QString error;         // set on a malformed command line (unknown option, missing value)

    bool ok() const { return error.isEmpty(); }

    // `args` excludes the program name.
    static ToolCommandLine parse(const QStringList& args);
};

} // namespace onewindow::tool
