#pragma once

#include "app/health/HealthReport.h"
#include "app/health/HealthRules.h"
#include "app/health/HealthSettings.h"
#include "app/sync/SyncStatus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <functional>
#include <optional>

namespace onewindow {
class ReaderManager;
}
namespace onewindow::storage {
class StorageService;
struct WriteProbe;
} // namespace onewindow::storage

namespace onewindow::health {

// The kiosk's health (issue 7): every interval it probes the reader thread (a round trip
// through its event loop), each database (a real write on the storage thread) and the disk,
// and judges the sync status the engine already reports. Lives on the GUI thread and never
// waits there: probes answer by queued calls, and one that does not answer within the probe
// timeout fails its check. The latest report is a QML property, a signal, and a mutex-guarded
// JSON snapshot for the sync thread's heartbeat.
class HealthMonitor : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool healthy READ healthy NOTIFY changed)
    Q_PROPERTY(QVariantList checks READ checks NOTIFY changed)

public:
    explicit HealthMonitor(HealthSettings settings, QObject* parent = nullptr);
    ~HealthMonitor() override;

    // Before start(). A source left unset has no check (e.g. the tool without readers).
    void setReaderManager(ReaderManager* readers);
    void setStorage(storage::StorageService* storage);
    void setSyncConfigured(bool configured);

    // The first round now, then one every interval.
    void start();
    void stop();
    // One round now (tests, the admin page's "check now").
    void probeNow();

    bool healthy() const { return m_report.healthy(); }
    // For QML: [{name, status, detail, since}].
    QVariantList checks() const;
    HealthReport report() const { return m_report; }

    // Thread-safe copies for the sync thread.
    QJsonObject snapshotJson() const; // HealthReport::toJson() of the latest report
    QJsonArray readersJson() const;   // [{name, backend, status}], no personal data
    // {"health": snapshotJson(), "readers": readersJson()} for SyncSettings::healthProvider.
    // The monitor must outlive whoever calls it.
    std::function<QJsonObject()> heartbeatProvider() const;

public Q_SLOTS:
    // From SyncEngine::statusChanged (queued from the sync thread).
    void onSyncStatus(const onewindow::sync::SyncStatus& status);

Q_SIGNALS:
    void changed();

private:
    void probeReaderThread();
    void probeStorage();
    void onStorageAnswer(quint64 probe, const storage::WriteProbe& result);
    void updateReaders();
    void rebuild();

    HealthSettings m_settings;
    QTimer m_timer;
    QPointer<ReaderManager> m_readers;
    QPointer<storage::StorageService> m_storage;
    bool m_syncConfigured = false;

    // The facts the report is judged from; nullopt until the first answer (or timeout).
    quint64 m_nextProbe = 1;
    quint64 m_readerOutstanding = 0;
    std::optional<ReaderThreadState> m_readerState;
    quint64 m_storageOutstanding = 0;
    bool m_storageTimedOut = false;
    std::optional<QList<QPair<QString, QString>>> m_databases; // label → error
    qint64 m_freeBytes = -1;
    // Licence trust as the last storage answer reported it (nullopt until the first).
    struct LicenceTrust
    {
        QString problem;
        int refused = 0;
        QString lastRefusal;
    };
    std::optional<LicenceTrust> m_licenceTrust;
    std::optional<sync::SyncStatus> m_sync;

    HealthReport m_report;
    mutable QMutex m_mutex; // guards the JSON copies and m_readersKnown below
    QJsonObject m_snapshot;
    QJsonArray m_readersJson;
    bool m_readersKnown = true; // false from setReaderManager until the reader thread first answers
};

} // namespace onewindow::health
