#include "app/sync/HubConfig.h"

#include "app/platform/KioskConfig.h"

#include <QFileInfo>

namespace onewindow::sync {

namespace {

qint64 number(const KioskConfig& c, const char* key, qint64 fallback, qint64 scale = 1)
{
    bool ok = false;
    const qint64 v = c.value(QLatin1String(key)).toLongLong(&ok);
    return ok && v >= 0 ? v * scale : fallback;
}

QString text(const KioskConfig& c, const char* key, const QString& fallback = {})
{
    return c.value(QLatin1String(key), fallback).toString().trimmed();
}

} // namespace

QString HubConfig::problem() const
{
    if (url.isEmpty())
        return QStringLiteral("hub/url is not set");
    if (!url.startsWith(QLatin1String("https://")))
        return QStringLiteral("hub/url must be an https:// URL");
    if (kioskId.isEmpty())
        return QStringLiteral("hub/kiosk_id is not set");
    for (const QString& f : {certFile, keyFile}) {
        if (f.isEmpty())
            return QStringLiteral("hub/cert and hub/key are required (mutual TLS)");
        if (!QFileInfo(f).isReadable())
            return QStringLiteral("cannot read %1").arg(f);
    }
    // The system CA store is never trusted (it vouches for any public CA and inspection proxy).
    if (caFile.isEmpty())
        return QStringLiteral(
            "hub/ca is not set: the kiosk trusts only the hub's own CA, never the system store");
    if (!QFileInfo(caFile).isReadable())
        return QStringLiteral("cannot read %1").arg(caFile);
    return {};
}

HubConfig HubConfig::fromKioskConfig(const KioskConfig& c)
{
    HubConfig h;
    h.url = text(c, "hub/url");
    while (h.url.endsWith(QLatin1Char('/')))
        h.url.chop(1);
    h.kioskId = text(c, "hub/kiosk_id");
    h.caFile = text(c, "hub/ca");
    h.certFile = text(c, "hub/cert");
    h.keyFile = text(c, "hub/key");
    h.pin = text(c, "hub/pin");
    h.proxy = text(c, "hub/proxy");
    h.connectTimeoutMs = number(c, "hub/connect_timeout_ms", h.connectTimeoutMs);
    h.totalTimeoutMs = number(c, "hub/total_timeout_ms", h.totalTimeoutMs);
    h.lowSpeedLimit = long(number(c, "hub/low_speed_limit", h.lowSpeedLimit));
    h.lowSpeedTimeS = long(number(c, "hub/low_speed_time_s", h.lowSpeedTimeS));
    h.maxConnAgeS = long(number(c, "hub/max_conn_age_s", h.maxConnAgeS));
    return h;
}

SyncSettings SyncSettings::fromKioskConfig(const KioskConfig& c)
{
    SyncSettings s;
#ifdef ONEWINDOW_VERSION
    s.appVersion = QStringLiteral(ONEWINDOW_VERSION); // git describe, as in the package (heartbeat)
#endif
    s.backoffBaseMs = number(c, "hub/backoff_base_ms", s.backoffBaseMs);
    s.backoffCapMs = number(c, "hub/backoff_cap_ms", s.backoffCapMs);
    s.heartbeatIntervalMs = number(c, "hub/heartbeat_interval_s", s.heartbeatIntervalMs, 1000);
    s.outboxPollMs = number(c, "hub/outbox_poll_s", s.outboxPollMs, 1000);
    s.licensesIntervalMs = number(c, "hub/licenses_interval_s", s.licensesIntervalMs, 1000);
    s.catalogIntervalMs = number(c, "hub/catalog_interval_s", s.catalogIntervalMs, 1000);
    s.reconnectJitterMaxMs = number(c, "hub/reconnect_jitter_max_ms", s.reconnectJitterMaxMs);
    s.watchdogMs = number(c, "hub/watchdog_s", s.watchdogMs, 1000);
    s.retryBudget = int(number(c, "hub/retry_budget", s.retryBudget));
    s.batchSize = int(qBound(qint64(1), number(c, "hub/batch_size", s.batchSize), qint64(100)));
    s.stateDir = c.stateDir();
    return s;
}

} // namespace onewindow::sync
