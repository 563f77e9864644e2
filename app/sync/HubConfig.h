#pragma once

#include <QJsonObject>
#include <QString>
#include <functional>

namespace onewindow {
class KioskConfig;
}

namespace onewindow::sync {

// How to reach the hub ([hub] in kiosk.conf, documented in resources/config/kiosk.conf and
// docs/sync-protocol.md §2). Transport only; the schedule and retry policy are SyncSettings.
struct HubConfig
{
    QString url;     // https://hub.example:8443 (no trailing slash needed)
    QString kioskId; // sent as Kiosk-Id; must equal the client certificate's CN
    QString caFile;  // CA bundle that signed the hub's certificate: the only trust (required)
    QString certFile;
    QString keyFile;
    QString pin;   // CURLOPT_PINNEDPUBLICKEY: "sha256//…;sha256//…" or a key file; empty = none
    QString proxy; // CURLOPT_PROXY; empty = direct (the environment's *_proxy is ignored)
    qint64 connectTimeoutMs = 10000; // TCP + TLS handshake
    qint64 totalTimeoutMs = 120000;  // one whole request
    long lowSpeedLimit = 100;        // bytes/s …
    long lowSpeedTimeS = 30;         // … for this long aborts the transfer
    long maxConnAgeS = 60;           // idle connections older than this are not reused
    QString userAgent = QStringLiteral("OneWindow");

    bool isConfigured() const { return !url.isEmpty(); }
    // Empty when usable, else what is missing (a technician's message, no personal data).
    QString problem() const;

    static HubConfig fromKioskConfig(const KioskConfig& config);
};

// The engine's schedule and retry policy (DESIGN.md §7). Every time is injectable so tests
// run the whole policy in milliseconds.
struct SyncSettings
{
    qint64 backoffBaseMs = 2000;
    qint64 backoffCapMs = 300000;
    qint64 retryAfterMaxMs = 3600000; // a hub's Retry-After is honoured up to 1 h
    qint64 heartbeatIntervalMs = 60000;
    qint64 outboxPollMs = 30000; // idle re-check of the queue (enqueues also kick it)
    qint64 licensesIntervalMs = 300000;
    qint64 catalogIntervalMs = 3600000;
    qint64 reconnectJitterMaxMs = 30000; // network back: retry after random(0, this)
    qint64 watchdogMs = 600000;          // a cycle without progress for this long is aborted
    int retryBudget = 500;               // tokens per cycle (AWS quota style)
    int batchSize = 100;                 // items per :batch request (the hub's maximum)
    int licensePageSize = 500;
    int reconcileMax = 20; // GETs per cycle after ambiguous failures
    QString appVersion = QStringLiteral("0.0.0");
    QString stateDir; // for the heartbeat's free-disk figure
    // The health monitor's view for the heartbeat: {"health": {...}, "readers": [...]}. Called
    // on the sync thread, so it must be thread-safe (app/health's HealthMonitor is). Unset: no
    // "health" key and an empty "readers" array.
    std::function<QJsonObject()> healthProvider;
    quint64 seed = 0; // 0 = random

    static SyncSettings fromKioskConfig(const KioskConfig& config);
};

} // namespace onewindow::sync
