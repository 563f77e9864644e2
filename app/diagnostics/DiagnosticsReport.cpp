#include "app/diagnostics/DiagnosticsReport.h"

#include "app/diagnostics/DatabaseCheck.h"
#include "app/platform/KeyStore.h"
#include "app/platform/KioskConfig.h"
#include "app/platform/Logging.h"
#include "app/platform/PosixIo.h"
#include "app/readers/ReaderSetup.h"
#include "app/storage/AuditLog.h"
#include "app/storage/OutboxStore.h"
#include "app/storage/Schemas.h"
#include "app/storage/SqliteDb.h"
#include "app/storage/StorageConfig.h"
#include "app/sync/HubConfig.h"
#include "base/files/BoundedRead.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSysInfo>
#include <QUrl>
#include <functional>
#include <openssl/asn1.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <unistd.h>

#ifndef ONEWINDOW_VERSION
#define ONEWINDOW_VERSION "0.0.0"
#endif

namespace onewindow::diagnostics {

using namespace onewindow::storage;

namespace {

QJsonValue timeOrNull(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject errorObject(const QString& message)
{
    return QJsonObject{{QStringLiteral("error"), message}};
}

// Seconds since boot (/proc/uptime), -1 when unknown.
double systemUptime()
{
    QFile f(QStringLiteral("/proc/uptime"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const double v = f.readAll().split(' ').value(0).toDouble(&ok);
    return ok ? v : -1;
}

// Seconds since this process started: /proc/self/stat field 22 is the start in clock ticks
// after boot. The command name (field 2) may hold spaces, so fields count from its ')'.
double processUptime()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    const double boot = systemUptime();
    if (boot < 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    bool ok = false;
    const double ticks = fields.value(19).toDouble(&ok); // field 22 = index 19 after "pid (comm)"
    const long hz = ::sysconf(_SC_CLK_TCK);
    if (!ok || hz <= 0)
        return -1;
    return boot - ticks / double(hz);
}

// "VmRSS:   12345 kB" from /proc/self/status, "MemAvailable: …" from /proc/meminfo.
qint64 procField(const QString& file, const QByteArray& name)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(name + ':'))
            return line.mid(name.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString hostName()
{
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0)
        return QSysInfo::machineHostName();
    return QString::fromLocal8Bit(buf);
}

QJsonObject databases(const StorageConfig& storage, QJsonArray* list)
{
    struct Db
    {
        QString label;
        QString path;
        const QList<Migration>& migrations;
    };
    const Db dbs[] = {
        {QStringLiteral("outbox.db"), storage.outboxPath(), outboxMigrations()},
        {QStringLiteral("cache.db"), storage.cachePath(), cacheMigrations()},
        {QStringLiteral("audit.db"), storage.auditPath(), auditMigrations()},
    };
    bool allOk = true;
    for (const Db& d : dbs) {
        const DatabaseCheck c = DatabaseCheck::run(d.label, d.path, d.migrations);
        allOk = allOk && c.status != DatabaseCheck::Status::Fail;
        list->append(QJsonObject{
            {QStringLiteral("name"), c.label},
            {QStringLiteral("path"), c.path},
            {QStringLiteral("exists"), c.exists},
            {QStringLiteral("size_bytes"), double(c.sizeBytes)},
            {QStringLiteral("schema_version"), c.schemaVersion},
            {QStringLiteral("quick_check"), c.quickCheck.isEmpty() ? QJsonValue() : QJsonValue(c.quickCheck)},
            {QStringLiteral("status"), DatabaseCheck::statusName(c.status)},
            {QStringLiteral("detail"), c.detail},
        });
    }
    return QJsonObject{{QStringLiteral("ok"), allOk}};
}

// Queue counts by state and the oldest pending age: the same OutboxStore::stats() that
// `onewindow-tool queue` prints, through a read-only open.
QJsonObject queueSummary(const StorageConfig& storage)
{
    if (!QFileInfo::exists(storage.outboxPath()))
        return errorObject(QStringLiteral("outbox.db does not exist yet"));
    auto keys = KeyStore::open(storage.keyPath(), /*create=*/false);
    if (!keys.ok())
        return errorObject(keys.error());
    auto db = SqliteDb::open(storage.outboxPath(), SqliteDb::Mode::ReadOnly);
    if (!db.ok())
        return errorObject(db.error().message);
    OutboxStore outbox(*db.value(), keys.value());
    auto stats = outbox.stats();
    if (!stats.ok())
        return errorObject(stats.error().message);
    const QueueStats& s = stats.value();
    QJsonObject byState;
    for (auto it = s.byState.cbegin(); it != s.byState.cend(); ++it)
        byState.insert(it.key(), it.value());
    const qint64 age =
        s.oldestPendingAt.isValid() ? s.oldestPendingAt.secsTo(QDateTime::currentDateTimeUtc()) : 0;
    return QJsonObject{
        {QStringLiteral("by_state"), byState},
        {QStringLiteral("pending"), s.pending},
        {QStringLiteral("oldest_pending_at"), timeOrNull(s.oldestPendingAt)},
        {QStringLiteral("oldest_pending_age_s"), double(age)},
        {QStringLiteral("paused_auth"), s.pausedAuth},
    };
}

QJsonObject syncJson(const sync::SyncStatus& s)
{
    QJsonObject last;
    for (auto it = s.lastSuccess.cbegin(); it != s.lastSuccess.cend(); ++it)
        last.insert(it.key(), timeOrNull(it.value()));
    return QJsonObject{
        {QStringLiteral("configured"), s.configured},
        {QStringLiteral("online"), s.online},
        {QStringLiteral("paused_auth"), s.pausedAuth},
        {QStringLiteral("queue_depth"), s.queueDepth},
        {QStringLiteral("rejected"), s.rejected},
        {QStringLiteral("last_success"), last},
        {QStringLiteral("last_error"), redactLogText(s.lastError)},
        {QStringLiteral("clock_offset_ms"), double(s.clockOffsetMs)},
        {QStringLiteral("updated_at"), timeOrNull(s.updatedAt)},
    };
}

QJsonObject configSummary(const KioskConfig& config, const QString& stateDir)
{
    const sync::HubConfig hub = sync::HubConfig::fromKioskConfig(config);
    // The hub's host only: a URL may carry credentials in its user-info part.
    const QUrl hubUrl(hub.url);
    return QJsonObject{
        {QStringLiteral("path"), config.path().isEmpty() ? QJsonValue() : QJsonValue(config.path())},
        {QStringLiteral("loaded"), config.ok()},
        {QStringLiteral("demo"), config.demoMode()},
        {QStringLiteral("state_dir"), stateDir},
        {QStringLiteral("default_language"), config.defaultLanguage()},
        {QStringLiteral("hub_host"), hub.isConfigured() ? QJsonValue(hubUrl.host()) : QJsonValue()},
        {QStringLiteral("hub_problem"), hub.problem().isEmpty() ? QJsonValue() : QJsonValue(hub.problem())},
        {QStringLiteral("allow_reveal"), config.allowReveal()},
        {QStringLiteral("log_target"),
         config.value(QStringLiteral("logging/target"), QStringLiteral("auto")).toString()},
    };
}

} // namespace

QString DiagnosticsReport::kioskId(const KioskConfig& config)
{
    const QString id = sync::HubConfig::fromKioskConfig(config).kioskId;
    return id.isEmpty() ? hostName() : id;
}

QJsonObject DiagnosticsReport::certificate(const QString& certFile)
{
    if (certFile.isEmpty())
        return QJsonObject{{QStringLiteral("path"), QJsonValue()}, {QStringLiteral("configured"), false}};
    QJsonObject out{{QStringLiteral("path"), certFile}, {QStringLiteral("configured"), true}};
    const files::ReadResult file =
        files::readRegularFile(certFile, files::kCertificateMaxBytes, QStringLiteral("certificate"));
    if (!file.ok()) {
        out.insert(QStringLiteral("error"),
                   file.missing ? QStringLiteral("cannot open the certificate") : file.error);
        return out;
    }
    BIO* bio = BIO_new_mem_buf(file.bytes.constData(), int(file.bytes.size()));
    X509* cert = bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    if (!cert) {
        out.insert(QStringLiteral("error"), QStringLiteral("not a PEM certificate"));
        return out;
    }
    const ASN1_TIME* notAfter = X509_get0_notAfter(cert);
    struct tm tm
    {};
    int days = 0;
    int seconds = 0;
    if (ASN1_TIME_to_tm(notAfter, &tm) == 1 && ASN1_TIME_diff(&days, &seconds, nullptr, notAfter) == 1) {
        const QDateTime at(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                           QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
        out.insert(QStringLiteral("not_after"), at.toString(Qt::ISODate));
        out.insert(QStringLiteral("days_left"), days);
        out.insert(QStringLiteral("expired"), days < 0 || (days == 0 && seconds < 0));
    } else {
        out.insert(QStringLiteral("error"), QStringLiteral("unreadable notAfter"));
    }
    X509_free(cert);
    return out;
}

QJsonObject DiagnosticsReport::auditVerification(const KioskConfig& config, const QString& stateDir)
{
    StorageConfig storage = StorageConfig::fromKioskConfig(config);
    if (!stateDir.isEmpty())
        storage.stateDir = stateDir;
    if (!QFileInfo::exists(storage.auditPath()))
        return errorObject(QStringLiteral("audit.db does not exist yet"));
    auto keys = KeyStore::open(storage.keyPath(), /*create=*/false);
    if (!keys.ok())
        return errorObject(keys.error());
    auto db = SqliteDb::open(storage.auditPath(), SqliteDb::Mode::ReadOnly);
    if (!db.ok())
        return errorObject(db.error().message);
    AuditLog log(*db.value(), keys.value());
    auto v = log.verify();
    if (!v.ok())
        return errorObject(v.error().message);
    return QJsonObject{
        {QStringLiteral("ok"), v->ok},
        {QStringLiteral("events"), double(v->events)},
        {QStringLiteral("first_bad_seq"), v->ok ? QJsonValue() : QJsonValue(double(v->firstBadSeq))},
        {QStringLiteral("problem"), v->ok ? QJsonValue() : QJsonValue(v->problem)},
    };
}

QJsonObject DiagnosticsReport::collect(const DiagnosticsInputs& inputs)
{
    Q_ASSERT(inputs.config);
    const KioskConfig& config = *inputs.config;
    StorageConfig storage = StorageConfig::fromKioskConfig(config);
    if (!inputs.stateDir.isEmpty())
        storage.stateDir = inputs.stateDir;

    QJsonObject report;
    report.insert(QStringLiteral("version"), QStringLiteral(ONEWINDOW_VERSION));
    report.insert(QStringLiteral("hostname"), hostName());
    report.insert(QStringLiteral("kiosk_id"), kioskId(config));
    report.insert(QStringLiteral("generated_at"), timeOrNull(QDateTime::currentDateTimeUtc()));
    report.insert(QStringLiteral("uptime"), QJsonObject{{QStringLiteral("process_s"), processUptime()},
                                                        {QStringLiteral("system_s"), systemUptime()}});
    report.insert(QStringLiteral("clock"),
                  QJsonObject{{QStringLiteral("utc_now"), timeOrNull(QDateTime::currentDateTimeUtc())},
                              {QStringLiteral("hub_offset_ms"),
                               inputs.syncStatus && inputs.syncStatus->configured
                                   ? QJsonValue(double(inputs.syncStatus->clockOffsetMs))
                                   : QJsonValue()}});
    const DiskSpace disk = diskSpaceAt(storage.stateDir);
    report.insert(
        QStringLiteral("disk"),
        QJsonObject{{QStringLiteral("path"), storage.stateDir},
                    {QStringLiteral("valid"), disk.totalBytes >= 0 && QFileInfo(storage.stateDir).isDir()},
                    {QStringLiteral("total_bytes"), double(disk.totalBytes)},
                    {QStringLiteral("free_bytes"), double(disk.availableBytes)}});
    const qint64 rss = procField(QStringLiteral("/proc/self/status"), "VmRSS");
    const qint64 avail = procField(QStringLiteral("/proc/meminfo"), "MemAvailable");
    const qint64 total = procField(QStringLiteral("/proc/meminfo"), "MemTotal");
    report.insert(
        QStringLiteral("memory"),
        QJsonObject{{QStringLiteral("process_rss_bytes"), double(rss < 0 ? -1 : rss * 1024)},
                    {QStringLiteral("system_available_bytes"), double(avail < 0 ? -1 : avail * 1024)},
                    {QStringLiteral("system_total_bytes"), double(total < 0 ? -1 : total * 1024)}});
    QJsonArray dbList;
    QJsonObject dbSummary = databases(storage, &dbList);
    dbSummary.insert(QStringLiteral("files"), dbList);
    report.insert(QStringLiteral("databases"), dbSummary);
    report.insert(QStringLiteral("queue"), queueSummary(storage));
    report.insert(QStringLiteral("audit"), auditVerification(config, storage.stateDir));
    report.insert(QStringLiteral("tls_client_certificate"),
                  certificate(sync::HubConfig::fromKioskConfig(config).certFile));
    const ReaderSetup readers = ReaderSetup::fromConfig(config);
    report.insert(
        QStringLiteral("readers"),
        QJsonObject{{QStringLiteral("backends"), QJsonArray::fromStringList(readers.backends)},
                    {QStringLiteral("serial_ports"), QJsonArray::fromStringList(readers.serialPorts)},
                    {QStringLiteral("pcsc_profile"), readers.pcscProfile},
                    {QStringLiteral("live"), inputs.liveReaders}});
    report.insert(QStringLiteral("config"), configSummary(config, storage.stateDir));
    report.insert(QStringLiteral("sync"),
                  inputs.syncStatus ? QJsonValue(syncJson(*inputs.syncStatus)) : QJsonValue());
    report.insert(QStringLiteral("health"),
                  inputs.healthReport.isEmpty() ? QJsonValue() : QJsonValue(inputs.healthReport));
    return report;
}

QString DiagnosticsReport::toText(const QJsonObject& report)
{
    // Two columns, one line per leaf: "disk.free_bytes  123456".
    QList<QPair<QString, QString>> rows;
    std::function<void(const QString&, const QJsonValue&)> walk = [&](const QString& prefix,
                                                                      const QJsonValue& v) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                walk(prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), it.value());
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            if (a.isEmpty())
                rows.append({prefix, QStringLiteral("-")});
            for (qsizetype i = 0; i < a.size(); ++i)
                walk(QStringLiteral("%1[%2]").arg(prefix).arg(i), a.at(i));
        } else if (v.isNull() || v.isUndefined()) {
            rows.append({prefix, QStringLiteral("-")});
        } else if (v.isBool()) {
            rows.append({prefix, v.toBool() ? QStringLiteral("yes") : QStringLiteral("no")});
        } else if (v.isDouble()) {
            const double d = v.toDouble();
            rows.append(
                {prefix, d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'f', 1)});
        } else {
            rows.append({prefix, v.toString()});
        }
    };
    walk({}, report);
    qsizetype width = 0;
    for (const auto& r : rows)
        width = std::max(width, r.first.size());
    QString out;
    for (const auto& r : rows)
        out += r.first.leftJustified(width + 2) + r.second + QLatin1Char('\n');
    return out;
}

} // namespace onewindow::diagnostics
