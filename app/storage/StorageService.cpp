#include "app/storage/StorageService.h"

#include "app/storage/StorageLog.h"
#include "drivers/idcard/SecureWipe.h"

namespace onewindow::storage {

StorageService::StorageService(StorageConfig config, QObject* parent) : QObject(parent)
{
    qRegisterMetaType<StorageHealth>();
    qRegisterMetaType<OutboxReceipt>();
    qRegisterMetaType<QueueStats>();
    qRegisterMetaType<StorageError>();
    qRegisterMetaType<QList<ELicense>>();
    m_thread.setObjectName(QStringLiteral("storage"));
    m_worker = new StorageWorker(std::move(config));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StorageService::~StorageService()
{
    m_thread.quit();
    m_thread.wait();
}

void StorageService::start()
{
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            auto health = m_worker->open();
            if (!health.ok()) {
                qCCritical(lcStorage, "storage could not be opened: %s", qPrintable(health.error().message));
                emit openFailed(health.error().message);
                return;
            }
            for (const QString& a : health->alarms)
                emit alarm(a);
            emit opened(health.value());
        },
        Qt::QueuedConnection);
}

quint64 StorageService::enqueueSubmission(Submission submission)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker,
        [this, request, s = std::move(submission)]() mutable {
            if (!m_worker->isOpen()) {
                emit requestFailed(
                    request, StorageError{StorageError::Kind::Io, 0, QStringLiteral("storage not open")});
                s.wipe();
                return;
            }
            auto receipt = m_worker->outbox().enqueue(s);
            if (receipt.ok() && !receipt->alreadyQueued) {
                AuditEvent e;
                e.kind = AuditEvent::Kind::Submission;
                e.actor = s.applicantIdNumber.isEmpty()
                              ? QStringLiteral("resident")
                              : AuditLog::residentActor(m_worker->keys(), s.applicantIdNumber);
                e.objectRef = receipt->itemId;
                e.serviceItem = s.serviceItemCode;
                e.result = QStringLiteral("queued");
                m_worker->audit().append(e);
            }
            s.wipe();
            if (receipt.ok())
                emit submissionQueued(request, receipt.value());
            else
                emit requestFailed(request, receipt.error());
        },
        Qt::QueuedConnection);
    return request;
}

quint64 StorageService::enqueueRating(Rating rating)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker,
        [this, request, r = std::move(rating)]() mutable {
            auto receipt =
                m_worker->isOpen()
                    ? m_worker->outbox().enqueue(r)
                    : Result<OutboxReceipt>(fail(StorageError::Kind::Io, QStringLiteral("storage not open")));
            r.wipe();
            if (receipt.ok())
                emit submissionQueued(request, receipt.value());
            else
                emit requestFailed(request, receipt.error());
        },
        Qt::QueuedConnection);
    return request;
}

quint64 StorageService::lookupLicenses(QString idNumber, QString purpose, QString serviceItemCode)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker,
        [this, request, id = std::move(idNumber), purpose, serviceItemCode]() mutable {
            if (!m_worker->isOpen()) {
                emit requestFailed(
                    request, StorageError{StorageError::Kind::Io, 0, QStringLiteral("storage not open")});
                return;
            }
            QList<RejectedLicense> rejected;
            auto found = m_worker->cache().lookupValid(id, QDate::currentDate(), &rejected);
            // A licence that failed verification is never used: audited and raised as an alarm.
            for (const RejectedLicense& r : rejected)
                m_worker->recordLicenceRefusal(QStringLiteral("use"),
                                               QString::fromLatin1(r.licenseKey.left(16).toHex()), r.typeCode,
                                               QLatin1String(trust::verdictName(r.verdict)));
            if (!rejected.isEmpty())
                emit alarm(QStringLiteral("%1 cached licence(s) failed verification and were not used")
                               .arg(rejected.size()));
            if (found.ok()) {
                QList<AuditEvent> uses;
                for (const ELicense& l : found.value()) {
                    AuditEvent e;
                    e.kind = AuditEvent::Kind::LicenseUse;
                    e.actor = AuditLog::residentActor(m_worker->keys(), id);
                    e.objectRef =
                        QString::fromLatin1(m_worker->cache().licenseKey(l.licenseId).left(16).toHex());
                    e.purpose = purpose.isEmpty() ? QStringLiteral("prefill") : purpose;
                    e.serviceItem = serviceItemCode.isEmpty() ? QStringLiteral("-") : serviceItemCode;
                    e.result = QStringLiteral("ok");
                    e.detail = l.typeCode;
                    uses.append(e);
                }
                if (!uses.isEmpty())
                    m_worker->audit().appendAll(uses);
            }
            secureWipe(id);
            if (found.ok())
                emit licensesFound(request, found.value());
            else
                emit requestFailed(request, found.error());
        },
        Qt::QueuedConnection);
    return request;
}

quint64 StorageService::requestQueueStats()
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker,
        [this, request] {
            auto stats =
                m_worker->isOpen()
                    ? m_worker->outbox().stats()
                    : Result<QueueStats>(fail(StorageError::Kind::Io, QStringLiteral("storage not open")));
            if (stats.ok())
                emit queueStatsReady(request, stats.value());
            else
                emit requestFailed(request, stats.error());
        },
        Qt::QueuedConnection);
    return request;
}

void StorageService::rotateKeys()
{
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            if (!m_worker->isOpen())
                return;
            // rotateKeys(0) would loop; the batches are queued one by one below instead.
            auto version = m_worker->rotateKeysOnly();
            if (!version.ok()) {
                emit alarm(version.error().message);
                return;
            }
            emit keysRotated(version.value());
            reencryptStep();
        },
        Qt::QueuedConnection);
}

void StorageService::reencryptStep()
{
    // Runs on the storage thread; queues itself again until nothing is left.
    auto moved = m_worker->reencryptBatch(200);
    if (!moved.ok()) {
        emit alarm(moved.error().message);
        return;
    }
    if (moved.value() > 0)
        QMetaObject::invokeMethod(
            m_worker, [this] { reencryptStep(); }, Qt::QueuedConnection);
}

} // namespace onewindow::storage
