#include "app/tool/StorageCommands.h"

#include "app/storage/AuditLog.h"
#include "app/storage/LicenseCache.h"
#include "app/storage/Migrations.h"
#include "app/storage/OutboxStore.h"
#include "app/storage/Schemas.h"
#include "app/storage/StorageConfig.h"
#include "app/tool/TextTable.h"
#include "drivers/idcard/Masking.h"
#include "drivers/idcard/SecureWipe.h"

#include <QFileInfo>
#include <QJsonArray>

namespace onewindow::tool {

using namespace onewindow::storage;

namespace {

// The state directory and keys, opened for reading next to a running kiosk.
class StateAccess
{
public:
    static Expected<StateAccess, QString> open(const StorageCommands::Request& request,
                                               const KioskConfig& config)
    {
        using R = Expected<StateAccess, QString>;
        StateAccess a;
        a.m_config = StorageConfig::fromKioskConfig(config);
        if (!request.stateDir.isEmpty())
            a.m_config.stateDir = request.stateDir;
        if (!QFileInfo(a.m_config.stateDir).isDir())
            return R::failure(QStringLiteral("state directory %1 does not exist").arg(a.m_config.stateDir));
        auto keys = KeyStore::open(a.m_config.keyPath(), /*create=*/false);
        if (!keys.ok())
            return R::failure(keys.error());
        a.m_keys = keys.value();
        return a;
    }

    // No create flag: a missing file is an error, not a new empty database.
    Result<std::unique_ptr<SqliteDb>> db(const QString& path, const QList<Migration>& migrations) const
    {
        if (!QFileInfo::exists(path))
            return fail(StorageError::Kind::NotFound, QStringLiteral("%1 does not exist").arg(path));
        auto db = SqliteDb::open(path, SqliteDb::Mode::ReadWrite);
        if (!db.ok())
            return db;
        auto version = db.value()->queryInt("PRAGMA user_version");
        if (!version.ok())
            return fail(version.error());
        const int known = Migrator::latestVersion(migrations);
        if (version.value() > known)
            return fail(
                StorageError::Kind::NewerSchema,
                Migrator::newerSchemaMessage(QFileInfo(path).fileName(), int(version.value()), known));
        if (version.value() < known)
            return fail(
                StorageError::Kind::InvalidInput,
                QStringLiteral("%1 has schema version %2 (expected %3): start the kiosk once to migrate it")
                    .arg(QFileInfo(path).fileName())
                    .arg(version.value())
                    .arg(known));
        return db;
    }

    const StorageConfig& config() const { return m_config; }
    const KeyStore& keys() const { return m_keys; }

private:
    StorageConfig m_config;
    KeyStore m_keys;
};

QJsonValue timeOrNull(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue dateOrNull(QDate d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
}

QString orDash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

CommandResult systemError(const QString& what)
{
    return CommandResult::usageError(what);
}

// A licence number keeps its first 2 and last 2 characters.
QString maskLicenseNo(const QString& no)
{
    if (no.size() <= 4)
        return QString(no.size(), QLatin1Char('*'));
    return no.left(2) + QString(no.size() - 4, QLatin1Char('*')) + no.right(2);
}

CommandResult cacheStats(const StateAccess& access, bool json)
{
    auto db = access.db(access.config().cachePath(), cacheMigrations());
    if (!db.ok())
        return systemError(db.error().message);
    LicenseCache cache(*db.value(), access.keys());
    auto stats = cache.stats();
    if (!stats.ok())
        return systemError(stats.error().message);
    const CacheStats& s = stats.value();
    const qint64 bytes = QFileInfo(access.config().cachePath()).size() +
                         QFileInfo(access.config().cachePath() + QStringLiteral("-wal")).size();
    CommandResult result;
    if (json) {
        QJsonObject byType;
        for (auto it = s.byType.cbegin(); it != s.byType.cend(); ++it)
            byType.insert(it.key(), double(it.value()));
        result.output = jsonBytes(QJsonObject{
            {QStringLiteral("state_dir"), access.config().stateDir},
            {QStringLiteral("licenses"), double(s.licenses)},
            {QStringLiteral("valid"), double(s.valid)},
            {QStringLiteral("revoked"), double(s.revoked)},
            {QStringLiteral("tombstones"), double(s.tombstones)},
            {QStringLiteral("holder_links"), double(s.holderLinks)},
            {QStringLiteral("by_type"), byType},
            {QStringLiteral("cursor"), s.cursor.isNull() ? QJsonValue() : QJsonValue(s.cursor)},
            {QStringLiteral("last_sync_at"), timeOrNull(s.lastSyncAt)},
            {QStringLiteral("catalog_version"),
             s.catalogVersion.isNull() ? QJsonValue() : QJsonValue(s.catalogVersion)},
            {QStringLiteral("catalog_etag"),
             s.catalogEtag.isNull() ? QJsonValue() : QJsonValue(s.catalogEtag)},
            {QStringLiteral("file_bytes"), double(bytes)},
        });
        return result;
    }
    TextTable t;
    t.add(QStringLiteral("State directory"), access.config().stateDir);
    t.add(QStringLiteral("Licences"), QString::number(s.licenses));
    t.add(QStringLiteral("Valid"), QString::number(s.valid));
    t.add(QStringLiteral("Revoked"), QString::number(s.revoked));
    t.add(QStringLiteral("Deleted (tombstones)"), QString::number(s.tombstones));
    t.add(QStringLiteral("Holder links"), QString::number(s.holderLinks));
    for (auto it = s.byType.cbegin(); it != s.byType.cend(); ++it)
        t.add(QStringLiteral("  type %1").arg(it.key()), QString::number(it.value()));
    t.add(QStringLiteral("Sync cursor"),
          s.cursor.isNull() ? QStringLiteral("none (full reload needed)") : s.cursor);
    t.add(QStringLiteral("Last sync"),
          s.lastSyncAt.isValid() ? s.lastSyncAt.toString(Qt::ISODate) : QStringLiteral("never"));
    t.add(QStringLiteral("Catalogue"),
          s.catalogVersion.isNull()
              ? QStringLiteral("none")
              : QStringLiteral("%1 (ETag %2)").arg(s.catalogVersion, orDash(s.catalogEtag)));
    t.add(QStringLiteral("File size"), QStringLiteral("%1 bytes").arg(bytes));
    result.output = t.toString().toUtf8();
    return result;
}

CommandResult cacheLookup(const StateAccess& access, QString idNumber, bool json, bool reveal)
{
    auto cacheDb = access.db(access.config().cachePath(), cacheMigrations());
    if (!cacheDb.ok())
        return systemError(cacheDb.error().message);
    auto auditDb = access.db(access.config().auditPath(), auditMigrations());
    if (!auditDb.ok())
        return systemError(auditDb.error().message);
    // A technician's look at a resident's licences is an audited action; no audit, no lookup.
    AuditLog audit(*auditDb.value(), access.keys());
    AuditEvent e;
    e.kind = AuditEvent::Kind::Export;
    e.actor = QStringLiteral("tool");
    e.objectRef = AuditLog::residentActor(access.keys(), idNumber);
    e.purpose = QStringLiteral("onewindow-tool cache lookup");
    e.result = reveal ? QStringLiteral("revealed") : QStringLiteral("masked");
    auto appended = audit.append(e);
    if (!appended.ok())
        return systemError(
            QStringLiteral("cannot record the lookup in audit.db: %1").arg(appended.error().message));

    LicenseCache cache(*cacheDb.value(), access.keys());
    // The tool shows only what the kiosk would use: verified under kiosk.conf's root.
    auto root = trust::PublicKey::fromConfigValue(access.config().licenseRootKey);
    cache.setTrustRoot(root ? root.value() : trust::PublicKey());
    QList<RejectedLicense> rejected;
    auto found = cache.lookupValid(idNumber, QDate::currentDate(), &rejected);
    const QString shownId =
        reveal ? KeyStore::normaliseIdNumber(idNumber) : maskIdNumber(KeyStore::normaliseIdNumber(idNumber));
    secureWipe(idNumber);
    if (!found.ok())
        return systemError(found.error().message);
    QList<ELicense> licenses = found.value();

    CommandResult result;
    result.exitCode = licenses.isEmpty() ? ExitNegative : ExitSuccess;
    QJsonArray list;
    TextTable t;
    t.add(QStringLiteral("ID number"), shownId);
    t.add(QStringLiteral("Valid licences"), QString::number(licenses.size()));
    if (!rejected.isEmpty())
        t.add(QStringLiteral("Refused (failed verification)"),
              QStringLiteral("%1 (%2)")
                  .arg(rejected.size())
                  .arg(QLatin1String(trust::verdictName(rejected.first().verdict))));
    for (const ELicense& l : licenses) {
        QJsonArray holders;
        QStringList holderText;
        for (const LicenseHolder& h : l.holders) {
            const QString name = reveal ? h.name : maskName(h.name);
            const QString code = reveal ? h.code : maskIdNumber(h.code);
            holders.append(QJsonObject{{QStringLiteral("name"), name},
                                       {QStringLiteral("code"), code},
                                       {QStringLiteral("code_type"), h.codeTypeCode},
                                       {QStringLiteral("role"), h.role}});
            holderText.append(QStringLiteral("%1 %2 (%3)").arg(h.role, name, code));
        }
        list.append(QJsonObject{
            {QStringLiteral("license_id"), l.licenseId},
            {QStringLiteral("type_code"), l.typeCode},
            {QStringLiteral("type_name"), l.typeName},
            {QStringLiteral("license_no"), reveal ? l.licenseNo : maskLicenseNo(l.licenseNo)},
            {QStringLiteral("issuer_name"), l.issuerName},
            {QStringLiteral("valid_from"), dateOrNull(l.validFrom)},
            {QStringLiteral("valid_to"), l.validTo.isValid() ? QJsonValue(l.validTo.toString(Qt::ISODate))
                                                             : QJsonValue(QStringLiteral("long-term"))},
            {QStringLiteral("status"), ELicense::statusName(l.status)},
            {QStringLiteral("holders"), holders},
        });
        t.add(QStringLiteral("Licence"), QStringLiteral("%1 %2").arg(l.typeName, l.licenseId));
        t.add(QStringLiteral("  number"), reveal ? l.licenseNo : maskLicenseNo(l.licenseNo));
        t.add(QStringLiteral("  issuer"), orDash(l.issuerName));
        t.add(QStringLiteral("  valid"),
              QStringLiteral("%1 – %2").arg(l.validFrom.toString(Qt::ISODate),
                                            l.validTo.isValid() ? l.validTo.toString(Qt::ISODate)
                                                                : QStringLiteral("long-term")));
        t.add(QStringLiteral("  holders"), holderText.join(QStringLiteral("; ")));
    }
    for (ELicense& l : licenses)
        l.wipe();
    if (json)
        result.output = jsonBytes(QJsonObject{{QStringLiteral("id_number"), shownId},
                                              {QStringLiteral("count"), int(list.size())},
                                              {QStringLiteral("licenses"), list},
                                              {QStringLiteral("refused"), int(rejected.size())},
                                              {QStringLiteral("masked"), !reveal}});
    else
        result.output = t.toString().toUtf8();
    return result;
}

} // namespace

CommandResult StorageCommands::cache(const Request& request, const KioskConfig& config)
{
    const QString sub = request.arguments.value(0);
    const bool stats = sub == QLatin1String("stats") && request.arguments.size() == 1;
    const bool lookup = sub == QLatin1String("lookup") && request.arguments.size() == 2;
    if (!stats && !lookup)
        return CommandResult::usageError(QStringLiteral("cache: expected 'stats' or 'lookup ID'"));
    if (stats && request.reveal)
        return CommandResult::usageError(QStringLiteral("option --reveal is not valid for cache stats"));
    auto access = StateAccess::open(request, config);
    if (!access.ok())
        return systemError(access.error());
    if (stats)
        return cacheStats(access.value(), request.json);
    return cacheLookup(access.value(), request.arguments.at(1), request.json, request.reveal);
}

CommandResult StorageCommands::queue(const Request& request, const KioskConfig& config)
{
    auto access = StateAccess::open(request, config);
    if (!access.ok())
        return systemError(access.error());
    auto db = access->db(access->config().outboxPath(), outboxMigrations());
    if (!db.ok())
        return systemError(db.error().message);
    OutboxStore outbox(*db.value(), access->keys());
    auto stats = outbox.stats();
    auto entries = outbox.entries(100000);
    if (!stats.ok() || !entries.ok())
        return systemError(stats.ok() ? entries.error().message : stats.error().message);
    const QueueStats& s = stats.value();
    const qint64 age =
        s.oldestPendingAt.isValid() ? s.oldestPendingAt.secsTo(QDateTime::currentDateTimeUtc()) : 0;

    QJsonObject byState;
    for (auto it = s.byState.cbegin(); it != s.byState.cend(); ++it)
        byState.insert(it.key(), it.value());
    // Rows needing a person: rejected ones, and retries. Stubs only, no payload.
    QJsonArray attention;
    TextTable rows;
    for (const OutboxEntry& e : entries.value()) {
        if (e.state != OutboxState::Rejected && e.state != OutboxState::RetryWait)
            continue;
        attention.append(QJsonObject{
            {QStringLiteral("item_id"), e.itemId},
            {QStringLiteral("kind"), e.kind},
            {QStringLiteral("query_code"), e.queryCode},
            {QStringLiteral("service_item_code"), e.serviceItemCode},
            {QStringLiteral("state"), QLatin1String(outboxStateName(e.state))},
            {QStringLiteral("attempts"), e.attempts},
            {QStringLiteral("last_error"), e.lastError.isNull() ? QJsonValue() : QJsonValue(e.lastError)},
            {QStringLiteral("created_at"), timeOrNull(e.createdAt)}});
        rows.add(QStringLiteral("  %1").arg(e.queryCode),
                 QStringLiteral("%1 %2 attempts=%3 %4")
                     .arg(QLatin1String(outboxStateName(e.state)), e.serviceItemCode)
                     .arg(e.attempts)
                     .arg(e.lastError));
    }
    CommandResult result;
    if (request.json) {
        result.output = jsonBytes(QJsonObject{
            {QStringLiteral("state_dir"), access->config().stateDir},
            {QStringLiteral("by_state"), byState},
            {QStringLiteral("pending"), s.pending},
            {QStringLiteral("oldest_pending_at"), timeOrNull(s.oldestPendingAt)},
            {QStringLiteral("oldest_pending_age_s"), double(age)},
            {QStringLiteral("paused_auth"), s.pausedAuth},
            {QStringLiteral("pause_reason"), s.pausedAuth ? QJsonValue(s.pauseReason) : QJsonValue()},
            {QStringLiteral("attention"), attention}});
        return result;
    }
    TextTable t;
    t.add(QStringLiteral("State directory"), access->config().stateDir);
    for (auto it = s.byState.cbegin(); it != s.byState.cend(); ++it)
        t.add(it.key(), QString::number(it.value()));
    t.add(QStringLiteral("Pending"), QString::number(s.pending));
    t.add(QStringLiteral("Oldest pending"),
          s.oldestPendingAt.isValid()
              ? QStringLiteral("%1 (%2 s ago)").arg(s.oldestPendingAt.toString(Qt::ISODate)).arg(age)
              : QStringLiteral("-"));
    t.add(QStringLiteral("Paused (auth)"),
          s.pausedAuth ? QStringLiteral("yes: %1").arg(s.pauseReason) : QStringLiteral("no"));
    result.output = (t.toString() +
                     (rows.isEmpty() ? QString() : QStringLiteral("Needing attention:\n") + rows.toString()))
                        .toUtf8();
    return result;
}

CommandResult StorageCommands::audit(const Request& request, const KioskConfig& config)
{
    if (request.arguments != QStringList{QStringLiteral("verify")})
        return CommandResult::usageError(QStringLiteral("audit: expected 'verify'"));
    auto access = StateAccess::open(request, config);
    if (!access.ok())
        return systemError(access.error());
    auto db = access->db(access->config().auditPath(), auditMigrations());
    if (!db.ok())
        return systemError(db.error().message);
    AuditLog log(*db.value(), access->keys());
    auto v = log.verify();
    if (!v.ok())
        return systemError(v.error().message);
    CommandResult result;
    result.exitCode = v->ok ? ExitSuccess : ExitNegative;
    if (request.json) {
        result.output = jsonBytes(QJsonObject{
            {QStringLiteral("ok"), v->ok},
            {QStringLiteral("events"), double(v->events)},
            {QStringLiteral("first_bad_seq"), v->ok ? QJsonValue() : QJsonValue(double(v->firstBadSeq))},
            {QStringLiteral("problem"), v->ok ? QJsonValue() : QJsonValue(v->problem)}});
        return result;
    }
    TextTable t;
    t.add(QStringLiteral("Audit chain"), v->ok ? QStringLiteral("intact") : QStringLiteral("BROKEN"));
    t.add(QStringLiteral("Events"), QString::number(v->events));
    if (!v->ok) {
        t.add(QStringLiteral("First bad event"), QString::number(v->firstBadSeq));
        t.add(QStringLiteral("Problem"), v->problem);
    }
    result.output = t.toString().toUtf8();
    return result;
}

QString StorageCommands::cacheUsage()
{
    return QStringLiteral(
        "Usage: onewindow-tool cache stats [--json] [--state-dir DIR]\n"
        "       onewindow-tool cache lookup ID [--json] [--reveal] [--state-dir DIR]\n"
        "\n"
        "stats: licence counts by status and type, sync cursor, last sync, catalogue version and\n"
        "ETag, file size of cache.db.\n"
        "lookup: the valid e-licences in which ID appears as a holder (any role), found through\n"
        "the blind index. Names, numbers and licence numbers are masked unless --reveal is given\n"
        "and allowed. Every lookup is recorded in audit.db. Exit 1 when none is found.\n"
        "\n"
        "--state-dir DIR   the kiosk's state directory (default: kiosk/state_dir of the config)\n"
        "Exit status: 0 success, 1 nothing found, 2 usage or system error.\n");
}

QString StorageCommands::queueUsage()
{
    return QStringLiteral(
        "Usage: onewindow-tool queue [--json] [--state-dir DIR]\n"
        "\n"
        "The outbox: items per state (QUEUED, SENDING, ACKED, PURGED, RETRY_WAIT, REJECTED), the\n"
        "number pending and the age of the oldest, whether the queue is PAUSED_AUTH, and the items\n"
        "needing attention (REJECTED, RETRY_WAIT) as stubs without personal data.\n"
        "Exit status: 0 success, 2 usage or system error.\n");
}

QString StorageCommands::auditUsage()
{
    return QStringLiteral(
        "Usage: onewindow-tool audit verify [--json] [--state-dir DIR]\n"
        "\n"
        "Checks the HMAC chain of audit.db: an edited, deleted, reordered or cut-off event is\n"
        "reported with the first bad sequence number.\n"
        "  --json   {\"ok\": bool, \"events\": n, \"first_bad_seq\": n|null, \"problem\": \"...\"|null}\n"
        "Exit status: 0 intact, 1 broken, 2 usage or system error.\n");
}

} // namespace onewindow::tool
