#include "app/tool/ToolDispatcher.h"

#include "app/tool/AdminCommands.h"
#include "app/tool/DecodeTextCommand.h"
#include "app/tool/DiagCommand.h"
#include "app/tool/ReaderCommands.h"
#include "app/tool/SelftestCommand.h"
#include "app/tool/StorageCommands.h"
#include "app/tool/SyncCommand.h"
#include "app/tool/ToolCommandLine.h"
#include "app/tool/ToolContext.h"
#include "app/tool/ValidateIdCommand.h"

#include <QRegularExpression>

#ifndef ONEWINDOW_VERSION
#define ONEWINDOW_VERSION "0.0.0"
#endif

namespace onewindow::tool {

namespace {

struct CommandSpec
{
    const char* name;
    QStringList options; // besides the global --config, --help
    int arguments;       // exact number of positional arguments; -1: the command checks them
    const char* argumentName;
};

const QList<CommandSpec>& specs()
{
    static const QList<CommandSpec> list = {
        {"validate-id", {QStringLiteral("json"), QStringLiteral("reveal")}, 1, "NUMBER"},
        {"decode-text", {QStringLiteral("json"), QStringLiteral("reveal")}, 1, "FILE|-"},
        {"cache",
         {QStringLiteral("json"), QStringLiteral("reveal"), QStringLiteral("state-dir")},
         -1,
         "stats|lookup ID"},
        {"queue", {QStringLiteral("json"), QStringLiteral("state-dir")}, 0, ""},
        {"readers", {QStringLiteral("json"), QStringLiteral("serial"), QStringLiteral("timeout")}, 0, ""},
        {"read-card",
         {QStringLiteral("json"), QStringLiteral("reveal"), QStringLiteral("serial"),
          QStringLiteral("timeout"), QStringLiteral("reader"), QStringLiteral("profile")},
         0,
         ""},
        {"audit", {QStringLiteral("json"), QStringLiteral("state-dir")}, 1, "verify"},
        {"selftest", {QStringLiteral("json"), QStringLiteral("state-dir")}, 0, ""},
        {"sync", {QStringLiteral("json"), QStringLiteral("state-dir"), QStringLiteral("once")}, 0, ""},
        {"diag", {QStringLiteral("json"), QStringLiteral("state-dir"), QStringLiteral("bundle")}, 0, ""},
        {"admin",
         {QStringLiteral("json"), QStringLiteral("state-dir"), QStringLiteral("pin-file")},
         -1,
         "set-pin|status|unlock|card-entry"},
    };
    return list;
}

const CommandSpec* findSpec(const QString& name)
{
    for (const CommandSpec& spec : specs()) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

// Words typed by the user are echoed in errors only when they look like a command name: a
// mistyped command line may well hold an ID number or a name.
QString echoable(const QString& word)
{
    static const QRegularExpression commandLike(QStringLiteral("^[A-Za-z][A-Za-z-]{0,39}$"));
    return commandLike.match(word).hasMatch() ? QStringLiteral("'%1'").arg(word)
                                              : QStringLiteral("(not shown)");
}

// --state-dir DIR / --state-dir=DIR (the storage commands) is taken out before the common
// parser sees the command line, which keeps ToolCommandLine to the options every command shares.
QString takeStateDir(QStringList& args, QString* error)
{
    QString dir;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg == QLatin1String("--state-dir")) {
            if (i + 1 >= args.size() || args.at(i + 1).isEmpty()) {
                *error = QStringLiteral("option --state-dir needs a directory");
                return {};
            }
            dir = args.at(i + 1);
            args.remove(i, 2);
            --i;
        } else if (arg.startsWith(QLatin1String("--state-dir="))) {
            dir = arg.mid(int(sizeof("--state-dir=")) - 1);
            if (dir.isEmpty()) {
                *error = QStringLiteral("option --state-dir needs a directory");
                return {};
            }
            args.remove(i);
            --i;
        }
    }
    return dir;
}

// Options that take a value (--serial PATH, --reader NAME, --timeout S, --profile NAME) are
// taken out like --state-dir; --serial may repeat. Returns the values in order.
QStringList takeValues(QStringList& args, const QString& name, QString* error)
{
    QStringList values;
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg == flag) {
            if (i + 1 >= args.size() || args.at(i + 1).isEmpty()) {
                *error = QStringLiteral("option %1 needs a value").arg(flag);
                return {};
            }
            values << args.at(i + 1);
            args.remove(i, 2);
            --i;
        } else if (arg.startsWith(flag + QLatin1Char('='))) {
            values << arg.mid(flag.size() + 1);
            args.remove(i);
            --i;
        }
    }
    return values;
}

// A flag only one command knows (sync --once), taken out like --state-dir.
bool takeFlag(QStringList& args, const QString& name)
{
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--"))
            break;
        if (args.at(i) == flag) {
            args.remove(i);
            return true;
        }
    }
    return false;
}

CommandResult helpResult(const QString& text)
{
    CommandResult r;
    r.output = text.toUtf8();
    return r;
}

} // namespace

QStringList ToolDispatcher::commands()
{
    QStringList names;
    for (const CommandSpec& spec : specs())
        names.append(QLatin1String(spec.name));
    return names;
}

QString ToolDispatcher::usage()
{
    return QStringLiteral(
        "Usage: onewindow-tool [--config PATH] COMMAND [ARGS...] [--json] [--reveal]\n"
        "\n"
        "OneWindow kiosk tool for technicians and scripts (no GUI).\n"
        "\n"
        "Commands:\n"
        "  validate-id NUMBER     check an ID number (GB 11643); exit 1 when invalid\n"
        "  decode-text FILE|-     decode a 256-byte ID card text block (binary, hex or SAM frame)\n"
        "  cache stats            e-licence cache counts, sync cursor, catalogue version\n"
        "  cache lookup ID        a resident's valid e-licences (masked; audited); exit 1 when none\n"
        "  queue                  outbox depth by state, oldest pending item, PAUSED_AUTH\n"
        "  audit verify           check the audit log's HMAC chain; exit 1 when broken\n"
        "  selftest               check config, state directory, keys, databases, readers and\n"
        "                         Qt modules; exit 1 when a check failed\n"
        "  readers                list the card readers and their status; exit 1 when none\n"
        "  read-card              wait for a card and print its identity (masked); exit 1 no card\n"
        "  sync [--once]          synchronise with the hub now (queue, licences, catalogue);\n"
        "                         exit 1 when the hub failed\n"
        "  admin set-pin          set the admin PIN (read twice from stdin); exit 1 when refused\n"
        "  admin status           admin PIN provisioned?, lockout and failures (no secrets)\n"
        "  admin unlock           clear the admin PIN lockout (root only)\n"
        "  admin card-entry       print the [admin] technician_cards entry for an ID number\n"
        "                         read from stdin\n"
        "  diag [--bundle DIR]    diagnostics report (disk, memory, databases, queue, audit,\n"
        "                         certificate expiry); --bundle writes a redacted archive to DIR\n"
        "  help [COMMAND]         show this help, or a command's help\n"
        "\n"
        "Options:\n"
        "  --config PATH   configuration file (default: $ONEWINDOW_CONFIG, then\n"
        "                  /etc/onewindow/kiosk.conf, else built-in defaults)\n"
        "  --json          machine-readable JSON output (UTF-8)\n"
        "  --state-dir DIR the kiosk's state directory for cache, queue and audit (default:\n"
        "                  kiosk/state_dir of the configuration, /var/lib/onewindow)\n"
        "  --reveal        show personal data unmasked; honoured only when the configuration\n"
        "                  allows it (privacy/allow_reveal, default true only without any\n"
        "                  configuration file), otherwise refused with exit status 2\n"
        "  -h, --help      show help\n"
        "  --version       show the version\n"
        "\n"
        "Personal data (names, ID and permit numbers, addresses) is always printed masked\n"
        "unless --reveal is given and allowed, and is never logged.\n"
        "\n"
        "Exit status: 0 success, 1 negative result (invalid number, cross-check errors),\n"
        "2 usage or system error (reason on stderr).\n");
}

QString ToolDispatcher::commandUsage(const QString& command)
{
    if (command == QLatin1String("validate-id"))
        return ValidateIdCommand::usage();
    if (command == QLatin1String("decode-text"))
        return DecodeTextCommand::usage();
    if (command == QLatin1String("cache"))
        return StorageCommands::cacheUsage();
    if (command == QLatin1String("queue"))
        return StorageCommands::queueUsage();
    if (command == QLatin1String("audit"))
        return StorageCommands::auditUsage();
    if (command == QLatin1String("selftest"))
        return SelftestCommand::usage();
    if (command == QLatin1String("readers"))
        return ReaderCommands::readersUsage();
    if (command == QLatin1String("read-card"))
        return ReaderCommands::readCardUsage();
    if (command == QLatin1String("sync"))
        return SyncCommand::usage();
    if (command == QLatin1String("admin"))
        return AdminCommands::usage();
    if (command == QLatin1String("diag"))
        return DiagCommand::usage();
    if (command == QLatin1String("help"))
        return usage();
    return {};
}

CommandResult ToolDispatcher::run(const QStringList& arguments) const
{
    QStringList remaining = arguments;
    QString stateDirError;
    const QString stateDir = takeStateDir(remaining, &stateDirError);
    if (!stateDirError.isEmpty())
        return CommandResult::usageError(stateDirError);
    QString valueError;
    const QStringList serialPorts = takeValues(remaining, QStringLiteral("serial"), &valueError);
    const QStringList readerNames = takeValues(remaining, QStringLiteral("reader"), &valueError);
    const QStringList timeouts = takeValues(remaining, QStringLiteral("timeout"), &valueError);
    const QStringList profiles = takeValues(remaining, QStringLiteral("profile"), &valueError);
    const QStringList bundles = takeValues(remaining, QStringLiteral("bundle"), &valueError);
    const QStringList pinFiles = takeValues(remaining, QStringLiteral("pin-file"), &valueError);
    if (!valueError.isEmpty())
        return CommandResult::usageError(valueError);
    if (readerNames.size() > 1 || timeouts.size() > 1 || profiles.size() > 1 || pinFiles.size() > 1 ||
        bundles.size() > 1)
        return CommandResult::usageError(
            QStringLiteral("--reader, --timeout, --profile, --pin-file and --bundle may be given once"));
    int timeoutSeconds = -1;
    if (!timeouts.isEmpty()) {
        bool ok = false;
        timeoutSeconds = timeouts.first().toInt(&ok);
        if (!ok || timeoutSeconds < 0 || timeoutSeconds > 3600)
            return CommandResult::usageError(QStringLiteral("--timeout takes whole seconds (0..3600)"));
    }
    const bool once = takeFlag(remaining, QStringLiteral("once"));
    ToolCommandLine cl = ToolCommandLine::parse(remaining);
    if (!cl.ok())
        return CommandResult::usageError(cl.error);
    if (!stateDir.isEmpty())
        cl.options.append(QStringLiteral("state-dir"));
    if (once)
        cl.options.append(QStringLiteral("once"));
    if (!serialPorts.isEmpty())
        cl.options.append(QStringLiteral("serial"));
    if (!readerNames.isEmpty())
        cl.options.append(QStringLiteral("reader"));
    if (!timeouts.isEmpty())
        cl.options.append(QStringLiteral("timeout"));
    if (!profiles.isEmpty())
        cl.options.append(QStringLiteral("profile"));
    if (!bundles.isEmpty())
        cl.options.append(QStringLiteral("bundle"));
    if (!pinFiles.isEmpty())
        cl.options.append(QStringLiteral("pin-file"));

    if (cl.version)
        return helpResult(QStringLiteral("onewindow-tool %1\n").arg(QLatin1String(ONEWINDOW_VERSION)));

    if (cl.command.isEmpty()) {
        if (cl.help)
            return helpResult(usage());
        return CommandResult::usageError(QStringLiteral("no command given (try 'onewindow-tool --help')"));
    }

    if (cl.command == QLatin1String("help")) {
        if (cl.arguments.isEmpty())
            return helpResult(usage());
        const QString text = commandUsage(cl.arguments.first());
        if (text.isEmpty() || cl.arguments.size() > 1)
            return CommandResult::usageError(
                QStringLiteral("help: unknown command %1").arg(echoable(cl.arguments.first())));
        return helpResult(text);
    }

    const CommandSpec* spec = findSpec(cl.command);
    if (!spec)
        return CommandResult::usageError(
            QStringLiteral("unknown command %1 (commands: %2)")
                .arg(echoable(cl.command), commands().join(QStringLiteral(", "))));

    if (cl.help)
        return helpResult(commandUsage(cl.command));

    for (const QString& option : cl.options) {
        if (option != QLatin1String("config") && !spec->options.contains(option))
            return CommandResult::usageError(
                QStringLiteral("option --%1 is not valid for %2").arg(option, cl.command));
    }
    // Arguments may be personal data (an ID number): never echoed in errors.
    if (spec->arguments >= 0 && cl.arguments.size() < spec->arguments)
        return CommandResult::usageError(
            QStringLiteral("%1: missing argument %2").arg(cl.command, QLatin1String(spec->argumentName)));
    if (spec->arguments >= 0 && cl.arguments.size() > spec->arguments)
        return CommandResult::usageError(QStringLiteral("%1: too many arguments (expected %2)")
                                             .arg(cl.command, QLatin1String(spec->argumentName)));

    const ToolContext context = ToolContext::load(cl.configPath);
    if (context.configExplicit() && context.configFailed())
        return CommandResult::usageError(context.configError());
    // Decided before any personal data is read.
    if (cl.reveal) {
        const QString refusal = context.revealRefusal();
        if (!refusal.isEmpty())
            return CommandResult::usageError(refusal);
    }

    if (cl.command == QLatin1String("cache") || cl.command == QLatin1String("queue") ||
        cl.command == QLatin1String("audit")) {
        StorageCommands::Request request;
        request.stateDir = stateDir;
        request.arguments = cl.arguments;
        request.json = cl.json;
        request.reveal = cl.reveal;
        if (cl.command == QLatin1String("cache"))
            return StorageCommands::cache(request, context.config());
        if (cl.command == QLatin1String("queue"))
            return StorageCommands::queue(request, context.config());
        return StorageCommands::audit(request, context.config());
    }
    if (cl.command == QLatin1String("readers") || cl.command == QLatin1String("read-card")) {
        ReaderCommands::Request request;
        request.configFile = !context.config().path().isEmpty() && !context.configFailed();
        request.serialPorts = serialPorts;
        request.readerName = readerNames.value(0);
        request.profile = profiles.value(0);
        request.timeoutSeconds = timeoutSeconds;
        request.json = cl.json;
        request.reveal = cl.reveal;
        if (cl.command == QLatin1String("readers"))
            return ReaderCommands::readers(request, context.config());
        return ReaderCommands::readCard(request, context.config());
    }
    if (cl.command == QLatin1String("sync")) {
        SyncCommand::Request request;
        request.stateDir = stateDir;
        request.once = once;
        request.json = cl.json;
        return SyncCommand::run(request, context.config());
    }
    if (cl.command == QLatin1String("admin")) {
        AdminCommands::Request request;
        request.arguments = cl.arguments;
        request.stateDir = stateDir;
        request.pinFile = pinFiles.value(0);
        request.json = cl.json;
        request.standardInput = m_stdin;
        return AdminCommands::run(request, context.config());
    }
    if (cl.command == QLatin1String("diag")) {
        DiagCommand::Request request;
        request.stateDir = stateDir;
        request.bundleDir = bundles.value(0);
        request.json = cl.json;
        return DiagCommand::run(request, context.config());
    }
    if (cl.command == QLatin1String("selftest")) {
        SelftestCommand::Request request;
        request.stateDir = stateDir;
        request.json = cl.json;
        return SelftestCommand::run(request, context);
    }
    if (cl.command == QLatin1String("validate-id")) {
        ValidateIdCommand::Request request;
        request.number = cl.arguments.first();
        request.json = cl.json;
        request.reveal = cl.reveal;
        return ValidateIdCommand::run(request);
    }
    DecodeTextCommand::Request request;
    request.path = cl.arguments.first();
    request.json = cl.json;
    request.reveal = cl.reveal;
    request.standardInput = m_stdin;
    return DecodeTextCommand::run(request);
}

} // namespace onewindow::tool
