#pragma once

#include <QDateTime>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace onewindow::sync {

// A snapshot of the sync engine for the status model (resident and admin screens), sent from
// the sync thread to the GUI thread by value over a queued signal.
struct SyncStatus
{
    bool configured = false;
    bool online = false; // the last exchange reached the hub (any HTTP answer over trusted TLS)
    bool pausedAuth = false;
    QString pauseReason;
    int queueDepth = 0;                   // QUEUED + SENDING + RETRY_WAIT
    QDateTime oldestPendingAt;            // null when nothing is pending
    int rejected = 0;                     // REJECTED items (need a technician)
    QMap<QString, QDateTime> lastSuccess; // "heartbeat", "outbox", "licenses", "catalog"
    QString lastError;                    // technician text, no personal data
    qint64 clockOffsetMs = 0;             // hub time − kiosk time, from the last heartbeat
    int watchdogRestarts = 0;
    qint64 lastLatencyMs = -1; // duration of the last exchange that reached the hub; -1 = none yet
    QDateTime updatedAt;
};

} // namespace onewindow::sync

Q_DECLARE_METATYPE(onewindow::sync::SyncStatus)
