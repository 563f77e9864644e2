#pragma once

#include "app/tool/CommandResult.h"

#include <QString>
#include <QStringList>

class QIODevice;

namespace onewindow::tool {

// Parses the command line, loads the configuration, applies the reveal policy and runs the
// command. Everything onewindow-tool does, minus the process: main() writes the result.
class ToolDispatcher
{
public:
    explicit ToolDispatcher(QIODevice* standardInput = nullptr) : m_stdin(standardInput) {}

    // `arguments` excludes the program name.
    CommandResult run(const QStringList& arguments) const;

    static QString usage();
    // The command's own help, or an empty string for an unknown command.
    static QString commandUsage(const QString& command);
    static QStringList commands();

private:
    QIODevice* m_stdin = nullptr;
};

} // namespace onewindow::tool
