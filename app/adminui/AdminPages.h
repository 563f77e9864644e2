#pragma once

#include "app/adminui/AdminHooks.h"
#include "drivers/reader/ReaderInfo.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

namespace onewindow {
class ReaderManager;
class ResidentSession;
struct Identity;
namespace storage {
class StorageService;
struct QueueStats;
} // namespace storage
namespace sync {
class SyncService;
}
} // namespace onewindow

namespace onewindow::adminui {

class ConfigEditor;

// The admin pages' state and actions (DESIGN.md §9): readers, queue, sync, device, logs and
// configuration. Display-ready values only (masked, non-personal); every action is audited and
// counts as admin activity. Slow work (diagnostics, exports, database reads) runs off the GUI
// thread and answers through properties.
class AdminPages : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString page READ page WRITE setPage NOTIFY pageChanged)
    Q_PROPERTY(QVariantList readers READ readers NOTIFY readersChanged)
    Q_PROPERTY(QString testReadResult READ testReadResult NOTIFY testReadChanged)
    Q_PROPERTY(bool testReadArmed READ testReadArmed NOTIFY testReadChanged)
    Q_PROPERTY(QVariantMap queue READ queue NOTIFY queueChanged)
    Q_PROPERTY(QVariantList rejectedItems READ rejectedItems NOTIFY queueChanged)
    Q_PROPERTY(QVariantMap sync READ sync NOTIFY syncChanged)
    Q_PROPERTY(QVariantList deviceRows READ deviceRows NOTIFY deviceChanged)
    Q_PROPERTY(QVariantList healthChecks READ healthChecks NOTIFY deviceChanged)
    Q_PROPERTY(QStringList logLines READ logLines NOTIFY logsChanged)
    Q_PROPERTY(QStringList exportTargets READ exportTargets NOTIFY logsChanged)
    Q_PROPERTY(QObject* config READ config CONSTANT)
    Q_PROPERTY(bool outOfService READ outOfService NOTIFY outOfServiceChanged)
    Q_PROPERTY(bool exitAllowed READ exitAllowed CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    struct Parts
    {
        ReaderManager* readers = nullptr;
        storage::StorageService* storage = nullptr;
        sync::SyncService* sync = nullptr; // null: no hub configured
        ResidentSession* session = nullptr;
        ConfigEditor* config = nullptr;
        QString overridePath;     // ConfigOverrides file (the out-of-service switch is kept there)
        bool exitAllowed = false; // [admin] allow_exit
        bool outOfService = false;
    };
    AdminPages(Parts parts, AdminHooks hooks, QObject* parent = nullptr);
    ~AdminPages() override;

    QString page() const { return m_page; }
    void setPage(const QString& page);
    QVariantList readers() const;
    QString testReadResult() const { return m_testReadResult; }
    bool testReadArmed() const { return m_testReadArmed; }
    QVariantMap queue() const { return m_queue; }
    QVariantList rejectedItems() const { return m_rejected; }
    QVariantMap sync() const;
    QVariantList deviceRows() const { return m_deviceRows; }
    QVariantList healthChecks() const;
    QStringList logLines() const { return m_logLines; }
    QStringList exportTargets() const { return m_exportTargets; }
    QObject* config() const;
    bool outOfService() const { return m_outOfService; }
    bool exitAllowed() const { return m_parts.exitAllowed; }
    bool busy() const { return m_busy > 0; }
    QString message() const { return m_message; }

    // Admin mode opened or closed: live refresh runs only while it is open.
    void setActive(bool active);
    // While a test read is armed, the next identity read lands here (masked, then wiped) and
    // never reaches the resident session. True when the read was taken.
    bool takeCardRead(const QString& readerName, const Identity& identity);
    bool takeReadFailure(const QString& readerName, const QString& errorKey);

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void armTestRead();
    Q_INVOKABLE void retryQueueNow();
    Q_INVOKABLE void exportRejected(const QString& targetDir);
    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void exportBundle(const QString& targetDir);
    Q_INVOKABLE void saveConfig();
    Q_INVOKABLE void setOutOfService(bool on);
    Q_INVOKABLE void restartKiosk();
    Q_INVOKABLE void exitToDesktop();

    // Exit status that asks systemd not to restart the kiosk (RestartPreventExitStatus).
    static constexpr int kExitToDesktopStatus = 64;
    // Exit status after a configuration change: systemd's Restart=always starts us again.
    static constexpr int kRestartStatus = 75;

signals:
    void pageChanged();
    void readersChanged();
    void testReadChanged();
    void queueChanged();
    void syncChanged();
    void deviceChanged();
    void logsChanged();
    void outOfServiceChanged();
    void busyChanged();
    void messageChanged();

private:
    void act(const QString& action, const QString& object, const QString& result, const QString& detail = {});
    void setMessage(const QString& message);
    void refreshQueue();
    void refreshDevice();
    void refreshLogs();
    void refreshCertificate();
    void onQueueStats(const storage::QueueStats& stats);
    template <typename Work, typename Done> void runOffThread(Work work, Done done);

    Parts m_parts;
    AdminHooks m_hooks;
    QString m_page = QStringLiteral("readers");
    QMap<QString, ReaderInfo> m_readerInfo;
    QString m_testReadResult;
    bool m_testReadArmed = false;
    QElapsedTimer m_testReadClock;
    QVariantMap m_queue;
    QVariantList m_rejected;
    QVariantList m_deviceRows;
    QStringList m_logLines;
    QStringList m_exportTargets;
    bool m_outOfService = false;
    int m_busy = 0;
    QString m_message;
    bool m_active = false;
    QTimer m_refresh;
    quint64 m_statsRequest = 0;
    QStringList m_commands;
    QVariantMap m_certificate;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace onewindow::adminui
