#include "app/health/HealthRules.h"

namespace onewindow::health {

namespace {

constexpr qint64 kMb = 1024 * 1024;

HealthCheck make(const QString& name, HealthStatus status, const QString& detail)
{
    HealthCheck c;
    c.name = name;
    c.status = status;
    c.detail = detail;
    return c;
}

} // namespace

HealthCheck readerThreadCheck(ReaderThreadState state, qint64 probeTimeoutMs)
{
    const QString name = QStringLiteral("reader_thread");
    switch (state) {
    case ReaderThreadState::Answering:
        return make(name, HealthStatus::Ok, QStringLiteral("reader thread answering"));
    case ReaderThreadState::NotAnswering:
        return make(name, HealthStatus::Fail,
                    QStringLiteral("reader thread did not answer within %1 ms (a reader backend is stuck)")
                        .arg(probeTimeoutMs));
    case ReaderThreadState::NotRunning:
        break;
    }
    return make(name, HealthStatus::Fail, QStringLiteral("reader thread not running"));
}

HealthCheck databaseCheck(const QString& name, const QString& error)
{
    if (error.isEmpty())
        return make(name, HealthStatus::Ok, QStringLiteral("writable"));
    return make(name, HealthStatus::Fail, QStringLiteral("write probe failed: %1").arg(error));
}

HealthCheck licenceTrustCheck(const QString& problem, int refused, const QString& lastRefusal)
{
    const QString name = QStringLiteral("licences");
    if (refused > 0)
        return make(name, HealthStatus::Warn,
                    QStringLiteral("ALARM: %1 licence(s) refused, not used (last: %2)")
                        .arg(refused)
                        .arg(lastRefusal));
    if (!problem.isEmpty())
        return make(name, HealthStatus::Warn, QStringLiteral("licences cannot be verified: %1").arg(problem));
    return make(name, HealthStatus::Ok, QStringLiteral("issuer keys verified"));
}

HealthCheck databaseTimeoutCheck(const QString& name, qint64 probeTimeoutMs)
{
    return make(name, HealthStatus::Fail,
                QStringLiteral("storage thread did not answer within %1 ms").arg(probeTimeoutMs));
}

HealthCheck diskCheck(qint64 freeBytes, const HealthSettings& settings)
{
    const QString name = QStringLiteral("disk");
    if (freeBytes < 0)
        return make(name, HealthStatus::Warn, QStringLiteral("free space unknown"));
    const qint64 freeMb = freeBytes / kMb;
    const QString figure = QStringLiteral("%1 MB free").arg(freeMb);
    if (freeBytes < settings.diskFailMb * kMb)
        return make(name, HealthStatus::Fail,
                    figure + QStringLiteral(" (below %1 MB)").arg(settings.diskFailMb));
    if (freeBytes < settings.diskWarnMb * kMb)
        return make(name, HealthStatus::Warn,
                    figure + QStringLiteral(" (below %1 MB)").arg(settings.diskWarnMb));
    return make(name, HealthStatus::Ok, figure);
}

HealthCheck syncCheck(bool configured, const std::optional<sync::SyncStatus>& status, const QDateTime& now,
                      const HealthSettings& settings)
{
    const QString name = QStringLiteral("sync");
    if (!configured || (status && !status->configured))
        return make(name, HealthStatus::Ok, QStringLiteral("no hub configured"));
    if (!status)
        return make(name, HealthStatus::Ok, QStringLiteral("waiting for the first sync status"));
    if (status->pausedAuth)
        return make(name, HealthStatus::Warn,
                    status->pauseReason.isEmpty()
                        ? QStringLiteral("hub refused the kiosk certificate: queue paused")
                        : QStringLiteral("queue paused: %1").arg(status->pauseReason.left(200)));
    if (status->queueDepth > 0) {
        // Since the last upload that got through; never one since start: since the oldest item.
        const QDateTime lastOutbox = status->lastSuccess.value(QStringLiteral("outbox"));
        const QDateTime reference = lastOutbox.isValid() ? lastOutbox : status->oldestPendingAt;
        const qint64 staleSecs = settings.syncStaleMinutes * 60;
        if (!reference.isValid() || reference.secsTo(now) >= staleSecs)
            return make(name, HealthStatus::Warn,
                        QStringLiteral("%1 items waiting, no upload for %2 minutes or more")
                            .arg(status->queueDepth)
                            .arg(settings.syncStaleMinutes));
        return make(name, HealthStatus::Ok, QStringLiteral("%1 items waiting").arg(status->queueDepth));
    }
    return make(name, HealthStatus::Ok, QStringLiteral("queue empty"));
}

} // namespace onewindow::health
