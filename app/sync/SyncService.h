#pragma once

#include "app/sync/SyncEngine.h"
#include "app/sync/SyncStatusModel.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <memory>

namespace onewindow::storage {
class StorageService;
}

namespace onewindow::sync {

// The sync facade for the GUI thread (DESIGN.md §2): owns the "sync" QThread with the
// SyncEngine on it, the HubClient (its own curl thread) and the status model. Calls here only
// queue work; status arrives by queued signals. A watchdog on this thread aborts the hub
// client's transfers when a cycle makes no progress for SyncSettings::watchdogMs.
class SyncService : public QObject
{
    Q_OBJECT

public:
    SyncService(HubConfig hub, SyncSettings settings, StorageRunner storage, QObject* parent = nullptr);
    ~SyncService() override; // stops the engine, then the thread (destroy before storage)

    // A StorageRunner over the kiosk's storage thread (waits on the sync thread, never here).
    static StorageRunner runnerFor(storage::StorageService& service);

    void start();
    SyncStatusModel* statusModel() { return &m_model; }
    SyncEngine* engine() { return m_engine; } // lives on the sync thread: use queued calls
    HubClient& hub() { return *m_hub; }
    // The one hub client (its TLS, its curl thread) for the kiosk's other hub requests.
    std::shared_ptr<HubClient> sharedHub() const { return m_hub; }
    int watchdogRestarts() const { return m_watchdogRestarts; }

public slots:
    void syncNow();
    void outboxChanged();
    void setNetworkReachable(bool reachable);

signals:
    void alarm(const QString& message);
    void commandReceived(const onewindow::sync::protocol::HubCommand& command);

private:
    void checkWatchdog();

    SyncSettings m_settings;
    std::shared_ptr<HubClient> m_hub;
    QThread m_thread;
    SyncEngine* m_engine = nullptr;
    SyncStatusModel m_model;
    QTimer m_watchdog;
    int m_watchdogRestarts = 0;
};

} // namespace onewindow::sync
