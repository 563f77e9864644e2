#include "app/tool/SyncCommand.h"

#include "app/storage/StorageWorker.h"
#include "app/sync/SyncEngine.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>

namespace onewindow::tool {

QString SyncCommand::usage()
{
    return QStringLiteral(
        "Usage: onewindow-tool sync [--once] [--json] [--state-dir DIR] [--config PATH]\n"
        "\n"
        "Synchronises with the hub of [hub] in the configuration (docs/sync-protocol.md):\n"
        "heartbeat, queued submissions and ratings, e-licence deltas, catalogue.\n"
        "  --once   one pass over every stream, then report\n"
        "           (default: passes until the queue is empty, paused, or 10 minutes passed)\n"
        "A running kiosk owns the outbox: the tool then refuses and changes nothing (use admin\n"
        "mode's \"sync now\").\n"
        "\n"
        "Exit status: 0 all streams succeeded, 1 the hub failed somewhere (see the report),\n"
        "2 usage, configuration or state-directory error, or the kiosk is running.\n");
}

CommandResult SyncCommand::run(const Request& request, const KioskConfig& config)
{
    sync::HubConfig hub = sync::HubConfig::fromKioskConfig(config);
    if (const QString problem = hub.problem(); !problem.isEmpty())
        return CommandResult::usageError(QStringLiteral("sync: %1").arg(problem));
    storage::StorageConfig storageConfig = storage::StorageConfig::fromKioskConfig(config);
    if (!request.stateDir.isEmpty())
        storageConfig.stateDir = request.stateDir;
    if (!QFileInfo(storageConfig.stateDir).isDir())
        return CommandResult::usageError(
            QStringLiteral("sync: state directory %1 does not exist").arg(storageConfig.stateDir));
    storageConfig.createKeys = false; // the kiosk makes keys; the tool never does
    // waitForOwnerLock stays false: a running kiosk owns the outbox, and the tool refuses to race it.
    storage::StorageWorker worker(storageConfig);
    auto opened = worker.open();
    if (!opened)
        return CommandResult::usageError(QStringLiteral("sync: %1").arg(opened.error().toString()));

    sync::SyncSettings settings = sync::SyncSettings::fromKioskConfig(config);
    settings.stateDir = storageConfig.stateDir;
    auto client = std::make_shared<sync::HubClient>(hub);
    // This process has one thread using the worker: the engine runs on it.
    sync::SyncEngine engine(
        client,
        [&worker](const std::function<void(storage::StorageWorker&)>& fn) {
            fn(worker);
            return true;
        },
        settings);

    sync::SyncEngine::CycleReport report = engine.runCycle(true);
    QElapsedTimer clock;
    clock.start();
    int cycles = 1;
    while (!request.once && clock.elapsed() < request.maxMs) {
        const sync::SyncStatus s = engine.status();
        if (s.queueDepth == 0 || s.pausedAuth)
            break;
        QThread::msleep(quint64(qBound(qint64(10), engine.msUntilNextDue(), qint64(5000))));
        const auto next = engine.runCycle(false);
        for (auto it = next.streams.begin(); it != next.streams.end(); ++it)
            report.streams[it.key()] = it.value();
        ++cycles;
    }
    const sync::SyncStatus s = engine.status();
    const bool ok = report.allOk() && !s.pausedAuth;

    CommandResult result;
    result.exitCode = ok ? ExitSuccess : ExitNegative;
    if (request.json) {
        QJsonObject o{{QStringLiteral("hub"), hub.url},
                      {QStringLiteral("ok"), ok},
                      {QStringLiteral("cycles"), cycles},
                      {QStringLiteral("online"), s.online},
                      {QStringLiteral("streams"), report.toJson()},
                      {QStringLiteral("queue"),
                       QJsonObject{{QStringLiteral("pending"), s.queueDepth},
                                   {QStringLiteral("rejected"), s.rejected},
                                   {QStringLiteral("paused_auth"), s.pausedAuth},
                                   {QStringLiteral("pause_reason"), s.pauseReason},
                                   {QStringLiteral("oldest_pending_at"),
                                    s.oldestPendingAt.isValid()
                                        ? QJsonValue(s.oldestPendingAt.toUTC().toString(Qt::ISODate))
                                        : QJsonValue()}}},
                      {QStringLiteral("clock_offset_ms"), double(s.clockOffsetMs)}};
        result.output = QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        QString text =
            QStringLiteral("hub %1: %2\n").arg(hub.url, ok ? QStringLiteral("ok") : QStringLiteral("FAILED"));
        for (auto it = report.streams.begin(); it != report.streams.end(); ++it) {
            const auto& r = it.value();
            text += QStringLiteral("  %1: %2")
                        .arg(it.key(), -10)
                        .arg(r.ok ? QStringLiteral("ok") : QStringLiteral("failed"));
            if (it.key() == QLatin1String("outbox"))
                text += QStringLiteral(" (sent %1, acked %2, rejected %3, retry %4)")
                            .arg(r.sent)
                            .arg(r.acked)
                            .arg(r.rejected)
                            .arg(r.retried);
            if (!r.error.isEmpty())
                text += QStringLiteral(" — %1").arg(r.error);
            text += QLatin1Char('\n');
        }
        text += QStringLiteral("  queue: %1 pending, %2 rejected%3\n")
                    .arg(s.queueDepth)
                    .arg(s.rejected)
                    .arg(s.pausedAuth ? QStringLiteral(", PAUSED_AUTH: ") + s.pauseReason : QString());
        result.output = text.toUtf8();
    }
    if (!ok)
        result.error = QStringLiteral("sync: not every stream succeeded");
    return result;
}

} // namespace onewindow::tool
