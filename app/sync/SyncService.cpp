#include "app/sync/SyncService.h"

#include "app/storage/StorageService.h"
#include "app/sync/SyncLog.h"

namespace onewindow::sync {

SyncService::SyncService(HubConfig hub, SyncSettings settings, StorageRunner storage, QObject* parent)
    : QObject(parent), m_settings(settings), m_hub(std::make_shared<HubClient>(std::move(hub)))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_engine = new SyncEngine(m_hub, std::move(storage), std::move(settings));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SyncEngine::statusChanged, &m_model, &SyncStatusModel::apply, Qt::QueuedConnection);
    connect(m_engine, &SyncEngine::alarm, this, &SyncService::alarm, Qt::QueuedConnection);
    connect(m_engine, &SyncEngine::commandReceived, this, &SyncService::commandReceived,
            Qt::QueuedConnection);
    m_watchdog.setInterval(int(qBound(qint64(50), m_settings.watchdogMs / 4, qint64(10000))));
    connect(&m_watchdog, &QTimer::timeout, this, &SyncService::checkWatchdog);
}

SyncService::~SyncService()
{
    m_watchdog.stop();
    // Anything in flight fails at once, so the sync thread leaves its cycle promptly.
    m_hub->abortAll(QStringLiteral("shutting down"));
    QMetaObject::invokeMethod(m_engine, &SyncEngine::stop, Qt::QueuedConnection);
    m_thread.quit();
    while (!m_thread.wait(100))
        m_hub->abortAll(QStringLiteral("shutting down"));
}

StorageRunner SyncService::runnerFor(storage::StorageService& service)
{
    return [&service](const std::function<void(storage::StorageWorker&)>& fn) {
        auto future = service.post([fn](storage::StorageWorker& w) {
            fn(w);
            return true;
        });
        future.waitForFinished();
        // No result: the storage thread is gone (shutdown) and fn never ran.
        return future.resultCount() > 0;
    };
}

void SyncService::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);
    m_watchdog.start();
}

void SyncService::syncNow()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::syncNow, Qt::QueuedConnection);
}

void SyncService::outboxChanged()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::outboxChanged, Qt::QueuedConnection);
}

void SyncService::setNetworkReachable(bool reachable)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, reachable] { engine->setNetworkReachable(reachable); },
        Qt::QueuedConnection);
}

void SyncService::checkWatchdog()
{
    // Reads two atomics: never waits for the sync thread.
    if (!m_engine->busy())
        return;
    const qint64 idle = SyncEngine::steadyNowMs() - m_engine->lastProgressMs();
    if (idle < m_settings.watchdogMs)
        return;
    ++m_watchdogRestarts;
    m_engine->noteWatchdogRestart();
    const QString why =
        QStringLiteral("sync watchdog: no progress for %1 ms; hub client restarted").arg(idle);
    qCCritical(lcSync) << why;
    m_hub->restart(why);
    emit alarm(why);
}

} // namespace onewindow::sync
