#include "app/sync/SyncStatusModel.h"

namespace onewindow::sync {

SyncStatusModel::SyncStatusModel(QObject* parent, Clock clock)
    : QObject(parent), m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<SyncStatus>();
    m_ageTick.setInterval(1000);
    connect(&m_ageTick, &QTimer::timeout, this, &SyncStatusModel::ageChanged);
}

qint64 SyncStatusModel::oldestItemAgeSeconds() const
{
    if (m_status.queueDepth == 0 || !m_status.oldestPendingAt.isValid())
        return 0;
    return qMax<qint64>(0, m_status.oldestPendingAt.secsTo(m_clock()));
}

QVariantMap SyncStatusModel::lastSuccess() const
{
    QVariantMap map;
    for (auto it = m_status.lastSuccess.begin(); it != m_status.lastSuccess.end(); ++it)
        map.insert(it.key(), it.value().toUTC().toString(Qt::ISODate));
    return map;
}

void SyncStatusModel::apply(const SyncStatus& status)
{
    m_status = status;
    if (m_status.queueDepth > 0 && !m_ageTick.isActive())
        m_ageTick.start();
    else if (m_status.queueDepth == 0)
        m_ageTick.stop();
    emit changed();
    emit ageChanged();
}

} // namespace onewindow::sync
