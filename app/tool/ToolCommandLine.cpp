#include "app/tool/ToolCommandLine.h"

#include <QRegularExpression>

namespace onewindow::tool {

ToolCommandLine ToolCommandLine::parse(const QStringList& args)
{
    ToolCommandLine cl;
    QStringList plain;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (optionsEnded || arg == QLatin1String("-") || !arg.startsWith(QLatin1Char('-'))) {
            plain.append(arg);
            continue;
        }
        if (arg == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (arg == QLatin1String("--config") || arg.startsWith(QLatin1String("--config="))) {
            QString value;
            if (arg == QLatin1String("--config")) {
                if (i + 1 >= args.size()) {
                    cl.error = QStringLiteral("option --config needs a file path");
                    return cl;
                }
                value = args.at(++i);
            } else {
                value = arg.mid(int(sizeof("--config=")) - 1);
            }
            if (value.isEmpty()) {
                cl.error = QStringLiteral("option --config needs a file path");
                return cl;
            }
            cl.configPath = value;
            cl.options.append(QStringLiteral("config"));
        } else if (arg == QLatin1String("--json")) {
            cl.json = true;
            cl.options.append(QStringLiteral("json"));
        } else if (arg == QLatin1String("--reveal")) {
            cl.reveal = true;
            cl.options.append(QStringLiteral("reveal"));
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            cl.help = true;
            cl.options.append(QStringLiteral("help"));
        } else if (arg == QLatin1String("--version")) {
            cl.version = true;
            cl.options.append(QStringLiteral("version"));
        } else {
            // The option name is echoed so a typo is recognisable; a value after '=' and
            // anything that does not look like an option name (it may be personal data) is not.
            static const QRegularExpression optionLike(QStringLiteral("^--?[A-Za-z][A-Za-z0-9-]{0,39}$"));
            const QString name = arg.section(QLatin1Char('='), 0, 0);
            cl.error = optionLike.match(name).hasMatch() ? QStringLiteral("unknown option '%1'").arg(name)
                                                         : QStringLiteral("unknown option (not shown)");
            return cl;
        }
    }
    if (!plain.isEmpty()) {
        cl.command = plain.takeFirst();
        cl.arguments = plain;
    }
    return cl;
}

} // namespace onewindow::tool
