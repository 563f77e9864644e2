#pragma once

#include <QByteArray>
#include <QString>

namespace onewindow::tool {

// Exit status of onewindow-tool (DESIGN.md §9).
enum ExitStatus : int
{
    ExitSuccess = 0,  // the command did its job and the result is positive
    ExitNegative = 1, // a negative result: invalid number, a decoded block with cross-check errors
    ExitUsage = 2,    // usage or system error: bad arguments, unreadable input, malformed data
};

// What a command produced. main() writes `output` to stdout and `error` (one line, never
// personal data) to stderr, then exits with `exitCode`.
struct CommandResult
{
    int exitCode = ExitSuccess;
    QByteArray output; // UTF-8
    QString error;     // empty unless something went wrong

    static CommandResult failure(int code, const QString& reason)
    {
        CommandResult r;
        r.exitCode = code;
        r.error = reason;
        return r;
    }
    static CommandResult usageError(const QString& reason) { return failure(ExitUsage, reason); }
};

} // namespace onewindow::tool
