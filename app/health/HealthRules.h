#pragma once

#include "app/health/HealthReport.h"
#include "app/health/HealthSettings.h"
#include "app/sync/SyncStatus.h"

#include <optional>

namespace onewindow::health {

// Which condition is ok, warn or fail (the table), as pure functions of the probes'
// facts, so the thresholds are tested without a device. `since` is left to the monitor.

enum class ReaderThreadState
{
    Answering,    // the last liveness probe came back
    NotAnswering, // no answer within the probe timeout: a backend blocks the thread
    NotRunning,   // the reader manager was never started or has stopped
};
HealthCheck readerThreadCheck(ReaderThreadState state, qint64 probeTimeoutMs);

// `error` empty: the write probe committed. `name` is outbox_db, cache_db or audit_db.
HealthCheck databaseCheck(const QString& name, const QString& error);
// No answer from the storage thread within the timeout: every database fails (no write can
// happen while that thread is stuck).
HealthCheck databaseTimeoutCheck(const QString& name, qint64 probeTimeoutMs);

// `freeBytes` < 0: the file system could not be asked (warn).
HealthCheck diskCheck(qint64 freeBytes, const HealthSettings& settings);

// Licence trust ("licences"): warn with the alarm text when licences were refused since start
// (unsigned, tampered, wrong key) or cannot be verified at all (no root key, no verified issuer
// keys). Never fails: a restart does not repair a tampered row or a missing key.
HealthCheck licenceTrustCheck(const QString& problem, int refused, const QString& lastRefusal);

// Sync never fails: a restart does not bring a network back, so it must not stop the watchdog.
HealthCheck syncCheck(bool configured, const std::optional<sync::SyncStatus>& status, const QDateTime& now,
                      const HealthSettings& settings);

} // namespace onewindow::health
