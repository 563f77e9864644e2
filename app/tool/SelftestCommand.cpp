#include "app/tool/SelftestCommand.h"

#include "app/admin/LockoutState.h"
#include "app/admin/PinStore.h"
#include "app/diagnostics/DatabaseCheck.h"
#include "app/platform/KeyStore.h"
#include "app/readers/ReaderSetup.h"
#include "app/storage/Migrations.h"
#include "app/storage/Schemas.h"
#include "app/storage/StorageConfig.h"
#include "app/sync/HubConfig.h"
#include "app/tool/TextTable.h"
#include "app/tool/ToolContext.h"
#include "drivers/reader/ReaderManager.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLibraryInfo>
#include <QTemporaryFile>
#include <sys/stat.h>

#ifndef ONEWINDOW_VERSION
#define ONEWINDOW_VERSION "0.0.0"
#endif

namespace onewindow::tool {

using Check = SelftestCommand::Check;
using Status = Check::Status;
using namespace onewindow::storage;

namespace {

Check ok(const QString& name, const QString& detail)
{
    return {name, Status::Ok, detail};
}
Check warn(const QString& name, const QString& detail)
{
    return {name, Status::Warn, detail};
}
Check failed(const QString& name, const QString& detail)
{
    return {name, Status::Fail, detail};
}

QString statusName(Status s)
{
    switch (s) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Warn:
        return QStringLiteral("warn");
    case Status::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

// lstat, so a symlink planted in place of the key file or the directory is seen as such.
struct FileMode
{
    bool exists = false;
    bool isDir = false;
    bool isFile = false;
    unsigned perms = 0; // the low 12 bits
    QString owner;

    static FileMode of(const QString& path)
    {
        FileMode m;
        struct stat st
        {};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            return m;
        m.exists = true;
        m.isDir = S_ISDIR(st.st_mode);
        m.isFile = S_ISREG(st.st_mode);
        m.perms = st.st_mode & 07777;
        m.owner = QFileInfo(path).owner();
        if (m.owner.isEmpty())
            m.owner = QString::number(st.st_uid);
        return m;
    }
    QString modeText() const { return QStringLiteral("0%1").arg(perms, 3, 8, QLatin1Char('0')); }
};

const QStringList& knownBackends()
{
    static const QStringList names = {QStringLiteral("sim"), QStringLiteral("pcsc"), QStringLiteral("serial"),
                                      QStringLiteral("nfc")};
    return names;
}

Check checkConfig(const ToolContext& context)
{
    const QString name = QStringLiteral("config");
    const KioskConfig& config = context.config();
    if (config.path().isEmpty())
        return warn(name, QStringLiteral("no configuration file (looked for $ONEWINDOW_CONFIG, "
                                         "/etc/onewindow/kiosk.conf): built-in defaults"));
    if (!config.ok())
        return failed(name, config.errorString());
    QStringList problems;
    for (const QString& backend : config.readerBackends()) {
        if (!knownBackends().contains(backend))
            problems << QStringLiteral("readers/backends: unknown backend '%1'").arg(backend.left(40));
    }
    if (config.readerBackends().isEmpty())
        problems << QStringLiteral("readers/backends: no reader backend");
    static const QStringList languages = {QStringLiteral("zh_CN"), QStringLiteral("zh_TW"),
                                          QStringLiteral("en")};
    if (!languages.contains(config.defaultLanguage()))
        problems << QStringLiteral("ui/default_language: expected zh_CN, zh_TW or en");
    if (!QDir::isAbsolutePath(config.stateDir()))
        problems << QStringLiteral("kiosk/state_dir: not an absolute path");
    bool retentionOk = false;
    const int retention = config.value(QStringLiteral("storage/retention_hours"), 72).toInt(&retentionOk);
    if (!retentionOk || retention < 0)
        problems << QStringLiteral("storage/retention_hours: expected a whole number of hours");
    // A hub is optional; a configured one must be usable, and trusts only its own CA.
    if (const sync::HubConfig hub = sync::HubConfig::fromKioskConfig(config); hub.isConfigured())
        if (const QString problem = hub.problem(); !problem.isEmpty())
            problems << QStringLiteral("hub: %1").arg(problem);
    if (!problems.isEmpty())
        return failed(name, QStringLiteral("%1: %2").arg(config.path(), problems.join(QStringLiteral("; "))));
    // The file may hold the hub URL and the reveal policy: readable by the kiosk's group at most.
    const FileMode mode = FileMode::of(config.path());
    if (mode.perms & 0007)
        return failed(name, QStringLiteral("%1 is readable by others (mode %2): expected 0640 root:onewindow")
                                .arg(config.path(), mode.modeText()));
    return ok(name, QStringLiteral("%1 (mode %2)").arg(config.path(), mode.modeText()));
}

Check checkStateDir(const StorageConfig& storage)
{
    const QString name = QStringLiteral("state_dir");
    const FileMode mode = FileMode::of(storage.stateDir);
    if (!mode.exists)
        return failed(name, QStringLiteral("%1 does not exist").arg(storage.stateDir));
    if (!mode.isDir)
        return failed(name, QStringLiteral("%1 is not a directory").arg(storage.stateDir));
    if (mode.perms != 0700)
        return failed(name,
                      QStringLiteral("%1 has mode %2, expected 0700").arg(storage.stateDir, mode.modeText()));
    // A probe file proves the directory (and its file system) takes writes.
    QTemporaryFile probe(storage.stateDir + QStringLiteral("/.selftest-XXXXXX"));
    if (!probe.open() || probe.write("ok", 2) != 2 || !probe.flush())
        return failed(name,
                      QStringLiteral("%1 is not writable: %2").arg(storage.stateDir, probe.errorString()));
    return ok(name, QStringLiteral("%1 (mode 0700, owner %2, writable)").arg(storage.stateDir, mode.owner));
}

Check checkKeyFile(const StorageConfig& storage)
{
    const QString name = QStringLiteral("key_file");
    const QString path = storage.keyPath();
    const FileMode mode = FileMode::of(path);
    if (!mode.exists)
        return warn(name,
                    QStringLiteral("%1 does not exist yet: the kiosk creates it on first start").arg(path));
    if (!mode.isFile)
        return failed(name, QStringLiteral("%1 is not a regular file").arg(path));
    if (mode.perms != 0600)
        return failed(name, QStringLiteral("%1 has mode %2, expected 0600").arg(path, mode.modeText()));
    auto keys = KeyStore::open(path, /*create=*/false);
    if (!keys.ok())
        return failed(name, keys.error());
    return ok(name, QStringLiteral("%1 (mode 0600, owner %2, key version %3)")
                        .arg(path, mode.owner)
                        .arg(keys.value().currentVersion()));
}

// Opens an existing database read-only (never created or migrated) and runs PRAGMA
// quick_check: the check the diagnostics report shares (app/diagnostics/DatabaseCheck).
Check checkDatabase(const QString& label, const QString& path, const QList<Migration>& migrations)
{
    const diagnostics::DatabaseCheck c = diagnostics::DatabaseCheck::run(label, path, migrations);
    switch (c.status) {
    case diagnostics::DatabaseCheck::Status::Ok:
        return ok(label, c.detail);
    case diagnostics::DatabaseCheck::Status::Warn:
        return warn(label, c.detail);
    case diagnostics::DatabaseCheck::Status::Fail:
        break;
    }
    return failed(label, c.detail);
}

Check checkReaders(const KioskConfig& config)
{
    const QString name = QStringLiteral("readers");
    const ReaderSetup setup = ReaderSetup::fromConfig(config);
    ReaderManager manager; // never started: only the factories are registered
    QStringList problems = registerReaderBackends(manager, setup);
    const QStringList registered = manager.registeredBackends();
    for (const QString& backend : setup.backends) {
        if (!registered.contains(backend))
            problems << QStringLiteral("backend '%1' cannot be created").arg(backend.left(40));
    }
    if (!problems.isEmpty())
        return failed(name, problems.join(QStringLiteral("; ")));
    QStringList notes;
    Status status = Status::Ok;
    if (setup.backends.contains(QStringLiteral("pcsc"))) {
        const QString socket = qEnvironmentVariableIsEmpty("PCSCLITE_CSOCK_NAME")
                                   ? QStringLiteral("/run/pcscd/pcscd.comm")
                                   : qEnvironmentVariable("PCSCLITE_CSOCK_NAME");
        if (!QFileInfo::exists(socket)) {
            status = Status::Warn;
            notes << QStringLiteral("pcscd socket %1 missing (is pcscd.socket enabled?)").arg(socket);
        }
    }
    for (const QString& port : setup.serialPorts) {
        if (!QFileInfo::exists(port)) {
            status = Status::Warn;
            notes << QStringLiteral("serial port %1 not present").arg(port);
        }
    }
    const QString summary = QStringLiteral("backends %1").arg(setup.backends.join(QLatin1Char(',')));
    return {name, status,
            notes.isEmpty() ? summary : summary + QStringLiteral(": ") + notes.join(QStringLiteral("; "))};
}

// The kiosk links its own QML modules statically; these are the Qt ones it imports at run
// time (qml/ imports, the Basic style main.cpp selects, the virtual keyboard and its input
// context) and the Wayland platform (a site may run the kiosk as a native client of cage).
Check checkQmlModules()
{
    const QString name = QStringLiteral("qml_modules");
    const QString qmlDir = QLibraryInfo::path(QLibraryInfo::QmlImportsPath);
    struct Module
    {
        const char* path;
        const char* package;
    };
    static const Module modules[] = {
        {"QtQuick", "qml6-module-qtquick"},
        {"QtQuick/Controls", "qml6-module-qtquick-controls"},
        {"QtQuick/Controls/Basic", "qml6-module-qtquick-controls"},
        {"QtQuick/Templates", "qml6-module-qtquick-templates"},
        {"QtQuick/Layouts", "qml6-module-qtquick-layouts"},
        {"QtQuick/Window", "qml6-module-qtquick-window"},
        {"QtQml", "qml6-module-qtqml"},
        {"QtQml/Models", "qml6-module-qtqml-models"},
        {"QtQml/WorkerScript", "qml6-module-qtqml-workerscript"},
        {"QtQuick/VirtualKeyboard", "qml6-module-qtquick-virtualkeyboard"},
        {"Qt/labs/folderlistmodel", "qml6-module-qt-labs-folderlistmodel"},
    };
    QStringList missing;
    for (const Module& m : modules) {
        if (!QFileInfo::exists(qmlDir + QLatin1Char('/') + QLatin1String(m.path) + QStringLiteral("/qmldir")))
            missing << QStringLiteral("%1 (%2)").arg(QLatin1String(m.path), QLatin1String(m.package));
    }
    const QString plugins = QLibraryInfo::path(QLibraryInfo::PluginsPath);
    if (!QFileInfo::exists(plugins + QStringLiteral("/platforminputcontexts/libqtvirtualkeyboardplugin.so")))
        missing << QStringLiteral("virtual keyboard input context (qt6-virtualkeyboard-plugin)");
    const QString wayland = plugins + QStringLiteral("/platforms/libqwayland-generic.so");
    if (!QFileInfo::exists(wayland))
        missing << QStringLiteral("Wayland platform plugin (qt6-wayland)");
    if (!missing.isEmpty())
        return failed(name, QStringLiteral("missing: %1").arg(missing.join(QStringLiteral(", "))));
    return ok(
        name,
        QStringLiteral("%1 modules and the Wayland platform under %2").arg(std::size(modules)).arg(qmlDir));
}

// Admin mode needs a provisioned PIN (no default PIN exists) and is worth a look while locked.
Check checkAdminPin(const KioskConfig& config, const QString& stateDir)
{
    const QString name = QStringLiteral("admin_pin");
    const admin::PinStore store(admin::PinStore::pathFor(config));
    const auto record = store.load();
    if (!record.ok()) {
        if (record.error().kind == admin::PinStoreError::Kind::Missing)
            return warn(name, QStringLiteral("%1 does not exist: admin mode refuses every PIN until "
                                             "`onewindow-tool admin set-pin`")
                                  .arg(store.path()));
        return failed(name, QStringLiteral("%1: %2").arg(store.path(), record.error().message));
    }
    const admin::LockoutState::Snapshot lock =
        admin::LockoutState(admin::LockoutState::pathIn(stateDir)).peek();
    if (lock.locked())
        return warn(name, QStringLiteral("set; admin mode locked until %1 (`onewindow-tool admin unlock`)")
                              .arg(lock.lockedUntil.toString(Qt::ISODate)));
    return ok(name,
              QStringLiteral("%1 (set %2)").arg(store.path(), record.value().setAt.toString(Qt::ISODate)));
}

} // namespace

QList<Check> SelftestCommand::runChecks(const Request& request, const ToolContext& context)
{
    StorageConfig storage = StorageConfig::fromKioskConfig(context.config());
    if (!request.stateDir.isEmpty())
        storage.stateDir = request.stateDir;

    QList<Check> checks;
    checks << checkConfig(context);
    const Check stateDir = checkStateDir(storage);
    checks << stateDir;
    checks << checkKeyFile(storage);
    checks << checkDatabase(QStringLiteral("outbox.db"), storage.outboxPath(), outboxMigrations());
    checks << checkDatabase(QStringLiteral("cache.db"), storage.cachePath(), cacheMigrations());
    checks << checkDatabase(QStringLiteral("audit.db"), storage.auditPath(), auditMigrations());
    checks << checkReaders(context.config());
    checks << checkQmlModules();
    checks << checkAdminPin(context.config(), storage.stateDir);
    return checks;
}

CommandResult SelftestCommand::run(const Request& request, const ToolContext& context)
{
    const QList<Check> checks = runChecks(request, context);
    bool allOk = true;
    for (const Check& c : checks)
        allOk = allOk && c.status != Status::Fail;

    CommandResult result;
    result.exitCode = allOk ? ExitSuccess : ExitNegative;
    if (request.json) {
        QJsonArray list;
        for (const Check& c : checks) {
            list.append(QJsonObject{
                {QStringLiteral("name"), c.name},
                {QStringLiteral("status"), statusName(c.status)},
                {QStringLiteral("ok"), c.status != Status::Fail},
                {QStringLiteral("detail"), c.detail},
            });
        }
        result.output = jsonBytes(QJsonObject{
            {QStringLiteral("ok"), allOk},
            {QStringLiteral("version"), QStringLiteral(ONEWINDOW_VERSION)},
            {QStringLiteral("checks"), list},
        });
    } else {
        TextTable t;
        for (const Check& c : checks)
            t.add(c.name, QStringLiteral("%1  %2").arg(statusName(c.status).toUpper(), -4).arg(c.detail));
        t.add(QStringLiteral("version"), QStringLiteral(ONEWINDOW_VERSION));
        t.add(QStringLiteral("result"), allOk ? QStringLiteral("OK") : QStringLiteral("FAILED"));
        result.output = t.toString().toUtf8();
    }
    if (!allOk)
        result.error = QStringLiteral("selftest failed");
    return result;
}

QString SelftestCommand::usage()
{
    return QStringLiteral(
        "Usage: onewindow-tool selftest [--json] [--state-dir DIR] [--config PATH]\n"
        "\n"
        "Checks that this machine is a working kiosk: configuration readable and valid, state\n"
        "directory present with mode 0700 and writable, key file mode 0600, outbox.db, cache.db\n"
        "and audit.db open and pass PRAGMA quick_check (never created or migrated here), the\n"
        "configured reader backends can be created, and the Qt QML modules and the Wayland\n"
        "platform plugin the kiosk loads are installed.\n"
        "Each check is ok, warn (e.g. a database the kiosk has not created yet) or fail.\n"
        "\n"
        "--json prints {\"ok\": bool, \"version\": \"...\", \"checks\": [{\"name\", \"status\",\n"
        "\"ok\", \"detail\"}, ...]}.\n"
        "\n"
        "Exit status: 0 nothing failed, 1 a check failed, 2 usage error.\n");
}

} // namespace onewindow::tool
