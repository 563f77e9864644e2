#pragma once

#include "app/sync/SyncStatus.h"

#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <functional>

namespace onewindow::sync {

// The sync state for QML (resident screen: "已保存，网络恢复后自动提交"; admin sync and queue
// pages). Lives on the GUI thread and is fed only by queued signals carrying SyncStatus
// values, so reading it never waits for the network or the disk.
class SyncStatusModel : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool configured READ configured NOTIFY changed)
    Q_PROPERTY(bool online READ online NOTIFY changed)
    Q_PROPERTY(bool pausedAuth READ pausedAuth NOTIFY changed)
    Q_PROPERTY(QString pauseReason READ pauseReason NOTIFY changed)
    Q_PROPERTY(int queueDepth READ queueDepth NOTIFY changed)
    Q_PROPERTY(int rejected READ rejected NOTIFY changed)
    Q_PROPERTY(qint64 oldestItemAgeSeconds READ oldestItemAgeSeconds NOTIFY ageChanged)
    Q_PROPERTY(QVariantMap lastSuccess READ lastSuccess NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(qint64 clockOffsetMs READ clockOffsetMs NOTIFY changed)

public:
    using Clock = std::function<QDateTime()>;
    explicit SyncStatusModel(QObject* parent = nullptr, Clock clock = {});

    bool configured() const { return m_status.configured; }
    bool online() const { return m_status.online; }
    bool pausedAuth() const { return m_status.pausedAuth; }
    QString pauseReason() const { return m_status.pauseReason; }
    int queueDepth() const { return m_status.queueDepth; }
    int rejected() const { return m_status.rejected; }
    qint64 oldestItemAgeSeconds() const; // 0 when the queue is empty
    QVariantMap lastSuccess() const;     // stream → ISO 8601 UTC
    QString lastError() const { return m_status.lastError; }
    qint64 clockOffsetMs() const { return m_status.clockOffsetMs; }
    const SyncStatus& status() const { return m_status; }

    Q_INVOKABLE QDateTime lastSuccessOf(const QString& stream) const
    {
        return m_status.lastSuccess.value(stream);
    }

public slots:
    void apply(const onewindow::sync::SyncStatus& status);

signals:
    void changed();
    void ageChanged(); // every second while something is pending

private:
    SyncStatus m_status;
    Clock m_clock;
    QTimer m_ageTick;
};

} // namespace onewindow::sync
