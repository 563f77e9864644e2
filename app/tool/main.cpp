// onewindow-tool: command-line access to the kiosk's libraries for technicians and scripts
// (DESIGN.md §9). No GUI; everything happens in ToolDispatcher.
#include "app/platform/Logging.h"
#include "app/tool/ToolDispatcher.h"
#include "drivers/idcard/SecureWipe.h"

#include <QCoreApplication>
#include <QStringList>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-tool"));
    // Nothing here logs personal data; the redacting handler guards against library slips.
    onewindow::installRedactingMessageHandler();

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    onewindow::tool::CommandResult result = onewindow::tool::ToolDispatcher().run(arguments);

    if (!result.output.isEmpty()) {
        std::fwrite(result.output.constData(), 1, size_t(result.output.size()), stdout);
        std::fflush(stdout);
        onewindow::secureWipe(result.output);
    }
    if (!result.error.isEmpty()) {
        const QByteArray line = "onewindow-tool: " + result.error.toUtf8() + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    }
    return result.exitCode;
}
