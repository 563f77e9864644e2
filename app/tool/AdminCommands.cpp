#include "app/tool/AdminCommands.h"

#include "app/admin/AdminSetup.h"
#include "app/admin/PinPolicy.h"
#include "app/platform/KeyStore.h"
#include "app/platform/KioskConfig.h"
#include "app/storage/AuditLog.h"
#include "app/storage/Migrations.h"
#include "app/storage/Schemas.h"
#include "app/storage/SqliteDb.h"
#include "app/storage/StorageConfig.h"
#include "app/tool/TextTable.h"
#include "drivers/idcard/SecureWipe.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace onewindow::tool {

using namespace onewindow::admin;

namespace {

QByteArray jsonOut(const QJsonObject& o)
{
    return jsonBytes(o);
}

QJsonValue dateOrNull(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

// Turns terminal echo off while a secret is typed; restores it on every path.
class NoEcho
{
public:
    NoEcho()
    {
        if (::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~NoEcho()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    bool active() const { return m_active; }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

// One line of a secret from `in` (or stdin), without the line end. Prompts go to stderr and
// only on a terminal; piped input (scripts, tests) is read as plain lines.
bool readSecretLine(QIODevice* in, const char* prompt, QString* out)
{
    QByteArray line;
    if (in) {
        line = in->readLine(256);
    } else {
        const bool tty = ::isatty(STDIN_FILENO);
        NoEcho noEcho;
        if (tty) {
            std::fputs(prompt, stderr);
            std::fflush(stderr);
        }
        char buffer[256] = {};
        if (std::fgets(buffer, sizeof buffer, stdin))
            line = QByteArray(buffer);
        secureWipe(buffer, sizeof buffer);
        if (tty) {
            std::fputs("\n", stderr);
            std::fflush(stderr);
        }
    }
    if (line.isEmpty())
        return false;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    *out = QString::fromUtf8(line);
    secureWipe(line);
    return true;
}

// Audits an admin tool action when audit.db and the keys are there; returns a note otherwise.
QString auditBestEffort(const QString& stateDir, const KioskConfig& config, const QString& action)
{
    storage::StorageConfig storageConfig = storage::StorageConfig::fromKioskConfig(config);
    storageConfig.stateDir = stateDir;
    if (!QFileInfo::exists(storageConfig.auditPath()))
        return QStringLiteral("not audited: %1 does not exist").arg(storageConfig.auditPath());
    auto keys = KeyStore::open(storageConfig.keyPath(), /*create=*/false);
    if (!keys.ok())
        return QStringLiteral("not audited: %1").arg(keys.error());
    auto db = storage::SqliteDb::open(storageConfig.auditPath(), storage::SqliteDb::Mode::ReadWrite);
    if (!db.ok())
        return QStringLiteral("not audited: %1").arg(db.error().message);
    auto version = db.value()->queryInt("PRAGMA user_version");
    if (!version.ok() || version.value() != storage::Migrator::latestVersion(storage::auditMigrations()))
        return QStringLiteral("not audited: audit.db has another schema version");
    storage::AuditLog log(*db.value(), keys.value());
    storage::AuditEvent e;
    e.kind = storage::AuditEvent::Kind::AdminAction;
    e.actor = QStringLiteral("admin:tool");
    e.objectRef = QStringLiteral("admin-lockout");
    e.result = QStringLiteral("ok");
    e.detail = action;
    auto appended = log.append(e);
    return appended.ok() ? QString() : QStringLiteral("not audited: %1").arg(appended.error().message);
}

} // namespace

using Request = AdminCommands::Request;

namespace {

CommandResult setPin(const Request& request, const AdminSetup& setup)
{
    QString first, second;
    if (!readSecretLine(request.standardInput, "New admin PIN: ", &first) ||
        !readSecretLine(request.standardInput, "Repeat the PIN: ", &second)) {
        secureWipe(first);
        return CommandResult::usageError(
            QStringLiteral("admin set-pin: expected the new PIN twice on standard input"));
    }
    const bool same = first == second;
    secureWipe(second);
    if (!same) {
        secureWipe(first);
        return CommandResult::failure(ExitNegative,
                                      QStringLiteral("admin set-pin: the two PINs differ; nothing changed"));
    }
    const QString reason = PinPolicy::check(first);
    if (!reason.isEmpty()) {
        secureWipe(first);
        return CommandResult::failure(ExitNegative,
                                      QStringLiteral("admin set-pin: %1; nothing changed").arg(reason));
    }
    auto record = PinHasher::makeRecord(first);
    secureWipe(first);
    if (!record.ok())
        return CommandResult::usageError(QStringLiteral("admin set-pin: %1").arg(record.error()));
    const QString error = setup.store.save(record.value());
    if (!error.isEmpty())
        return CommandResult::usageError(QStringLiteral("admin set-pin: %1").arg(error));

    CommandResult r;
    if (request.json) {
        r.output =
            jsonOut({{QStringLiteral("ok"), true},
                     {QStringLiteral("pin_file"), setup.store.path()},
                     {QStringLiteral("set_at"), dateOrNull(record->setAt)},
                     {QStringLiteral("technician_cards_stale"), !setup.settings.technicianCards.isEmpty()}});
    } else {
        QByteArray text = "Admin PIN set in " + setup.store.path().toUtf8() + " (mode 0640).\n";
        if (!setup.settings.technicianCards.isEmpty())
            text += "The new record has a new salt: recompute [admin] technician_cards with "
                    "'onewindow-tool admin card-entry'.\n";
        r.output = text;
    }
    return r;
}

CommandResult status(const Request& request, const AdminSetup& setup)
{
    const auto record = setup.store.load();
    const LockoutState::Snapshot lock = setup.lockout.peek();
    CommandResult r;
    if (request.json) {
        QJsonObject o{
            {QStringLiteral("provisioned"), record.ok()},
            {QStringLiteral("pin_file"), setup.store.path()},
            {QStringLiteral("set_at"), record.ok() ? dateOrNull(record->setAt) : QJsonValue()},
            {QStringLiteral("error"), record.ok() ? QJsonValue() : QJsonValue(record.error().message)},
            {QStringLiteral("locked"), lock.locked()},
            {QStringLiteral("locked_until"), dateOrNull(lock.lockedUntil)},
            {QStringLiteral("failures"), lock.failures},
            {QStringLiteral("max_failures"), setup.lockout.maxFailures()},
            {QStringLiteral("lockout_minutes"), setup.lockout.lockoutMinutes()},
            {QStringLiteral("lockout_file"), setup.lockout.path()},
            {QStringLiteral("technician_cards"), int(setup.settings.technicianCards.size())}};
        if (!lock.error.isEmpty())
            o.insert(QStringLiteral("lockout_error"), lock.error);
        r.output = jsonOut(o);
        return r;
    }
    TextTable t;
    t.add(QStringLiteral("Provisioned"), record.ok() ? QStringLiteral("yes") : QStringLiteral("no"));
    t.add(QStringLiteral("PIN file"), setup.store.path());
    if (record.ok())
        t.add(QStringLiteral("Set at"), record->setAt.toUTC().toString(Qt::ISODate));
    else
        t.add(QStringLiteral("Problem"), record.error().message);
    t.add(QStringLiteral("Locked until"),
          lock.locked() ? lock.lockedUntil.toUTC().toString(Qt::ISODate) : QStringLiteral("not locked"));
    t.add(QStringLiteral("Failures"),
          QStringLiteral("%1 of %2").arg(lock.failures).arg(setup.lockout.maxFailures()));
    if (!lock.error.isEmpty())
        t.add(QStringLiteral("Lockout file"), lock.error);
    t.add(QStringLiteral("Technician cards"), QString::number(setup.settings.technicianCards.size()));
    r.output = t.toString().toUtf8();
    return r;
}

CommandResult unlock(const Request& request, const AdminSetup& setup, const KioskConfig& config)
{
    if (::geteuid() != 0)
        return CommandResult::usageError(QStringLiteral("admin unlock must be run as root"));
    if (!QFileInfo(setup.settings.stateDir).isDir())
        return CommandResult::usageError(
            QStringLiteral("state directory %1 does not exist").arg(setup.settings.stateDir));
    const QString error = setup.lockout.clear();
    if (!error.isEmpty())
        return CommandResult::usageError(QStringLiteral("admin unlock: %1").arg(error));
    const QString auditNote = auditBestEffort(setup.settings.stateDir, config, QStringLiteral("unlock"));
    CommandResult r;
    if (request.json)
        r.output = jsonOut(
            {{QStringLiteral("ok"), true},
             {QStringLiteral("audited"), auditNote.isEmpty()},
             {QStringLiteral("audit_note"), auditNote.isEmpty() ? QJsonValue() : QJsonValue(auditNote)}});
    else
        r.output = "Admin lockout cleared" +
                   (auditNote.isEmpty() ? QByteArray(" (audited).\n") : " (" + auditNote.toUtf8() + ").\n");
    return r;
}

CommandResult cardEntry(const Request& request, const AdminSetup& setup)
{
    const auto record = setup.store.load();
    if (!record.ok())
        return CommandResult::usageError(
            QStringLiteral("admin card-entry: the PIN record keys the entries; %1")
                .arg(record.error().message));
    QString number;
    if (!readSecretLine(request.standardInput, "Technician's ID number: ", &number) ||
        number.trimmed().isEmpty())
        return CommandResult::usageError(
            QStringLiteral("admin card-entry: expected an ID number on standard input"));
    bool plausible = number.trimmed().size() <= 32;
    for (const QChar c : number.trimmed())
        plausible = plausible && c.isLetterOrNumber() && c.unicode() < 0x80;
    if (!plausible) {
        secureWipe(number);
        return CommandResult::failure(
            ExitNegative,
            QStringLiteral("admin card-entry: that is not an ID number (letters and digits only)"));
    }
    const QString entry = TechnicianCards::entryFor(record->salt, number);
    secureWipe(number);
    CommandResult r;
    if (request.json)
        r.output = jsonOut({{QStringLiteral("entry"), entry}});
    else
        r.output = entry.toLatin1() + '\n';
    return r;
}

} // namespace

CommandResult AdminCommands::run(const Request& request, const KioskConfig& config)
{
    if (request.arguments.size() != 1)
        return CommandResult::usageError(
            QStringLiteral("admin: expected one of set-pin, status, unlock, card-entry"));
    KioskConfig effective = config;
    if (!request.stateDir.isEmpty())
        effective.setValue(QStringLiteral("kiosk/state_dir"), request.stateDir);
    if (!request.pinFile.isEmpty())
        effective.setValue(QStringLiteral("admin/pin_file"), request.pinFile);
    const AdminSetup setup = AdminSetup::fromConfig(effective);
    const QString sub = request.arguments.first();
    if (sub == QLatin1String("set-pin"))
        return setPin(request, setup);
    if (sub == QLatin1String("status"))
        return status(request, setup);
    if (sub == QLatin1String("unlock"))
        return unlock(request, setup, effective);
    if (sub == QLatin1String("card-entry"))
        return cardEntry(request, setup);
    return CommandResult::usageError(
        QStringLiteral("admin: unknown subcommand (expected set-pin, status, unlock, card-entry)"));
}

QString AdminCommands::usage()
{
    return QStringLiteral(
        "Usage: onewindow-tool admin set-pin|status|unlock|card-entry [--json]\n"
        "                            [--pin-file PATH] [--state-dir DIR]\n"
        "\n"
        "The admin PIN for the kiosk's admin mode (docs/admin-guide.md, \"Admin PIN\").\n"
        "\n"
        "  set-pin     read the new PIN twice from standard input (no echo on a terminal),\n"
        "              check it (6-12 digits, not 111111, 123456, 654321 …) and write the\n"
        "              scrypt record to the PIN file (mode 0640, group of its directory).\n"
        "              Exit 1 when the PIN is refused; nothing is changed then.\n"
        "  status      provisioned or not, when set, lockout and failures (no secrets)\n"
        "  unlock      clear the lockout after failed PINs (root only; audited when audit.db\n"
        "              and the keys are present)\n"
        "  card-entry  read a technician's ID number from standard input and print the entry\n"
        "              for [admin] technician_cards (a keyed hash; the number is not kept).\n"
        "              Entries depend on the PIN record: recompute them after set-pin.\n"
        "\n"
        "  --pin-file PATH  the PIN record (default: [admin] pin_file, else admin-pin next to\n"
        "                   the configuration file, else /etc/onewindow/admin-pin)\n"
        "  --state-dir DIR  where admin-lockout.json lives (default: kiosk/state_dir)\n");
}

} // namespace onewindow::tool
