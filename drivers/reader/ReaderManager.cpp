#include "drivers/reader/ReaderManager.h"

#include "drivers/idcard/CrossCheck.h"

#include <QLoggingCategory>

namespace onewindow {

Q_LOGGING_CATEGORY(lcReaderManager, "onewindow.reader.manager")

ReaderManager::ReaderManager(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<ReaderInfo>();
    qRegisterMetaType<Identity>();
    qRegisterMetaType<ReadError>();
    m_thread.setObjectName(QStringLiteral("reader"));
}

ReaderManager::~ReaderManager()
{
    stop();
}

void ReaderManager::registerBackend(const QString& name, ReaderBackendFactory factory)
{
    m_factories.insert(name, std::move(factory));
}

void ReaderManager::start(const QStringList& backendNames)
{
    if (m_thread.isRunning())
        return;
    QList<QPair<QString, ReaderBackendFactory>> selected;
    for (const QString& name : backendNames) {
        if (!m_factories.contains(name)) {
            qCWarning(lcReaderManager) << "no reader backend named" << name;
            Q_EMIT backendUnavailable(name);
            continue;
        }
        selected.append({name, m_factories.value(name)});
    }

    auto* worker = new ReaderManagerWorker;
    worker->moveToThread(&m_thread);
    m_worker = worker;
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &ReaderManagerWorker::readerAdded, this, &ReaderManager::onReaderAdded);
    connect(worker, &ReaderManagerWorker::readerChanged, this, &ReaderManager::onReaderChanged);
    connect(worker, &ReaderManagerWorker::readerRemoved, this, &ReaderManager::onReaderRemoved);
    connect(worker, &ReaderManagerWorker::cardPresent, this, &ReaderManager::cardPresent);
    connect(worker, &ReaderManagerWorker::cardRead, this, &ReaderManager::cardRead);
    connect(worker, &ReaderManagerWorker::cardRemoved, this, &ReaderManager::cardRemoved);
    connect(worker, &ReaderManagerWorker::readFailed, this, &ReaderManager::readFailed);
    connect(worker, &ReaderManagerWorker::chipSerialRead, this, &ReaderManager::chipSerialRead);
    connect(worker, &ReaderManagerWorker::backendUnavailable, this, &ReaderManager::backendUnavailable);
    m_thread.start();
    QMetaObject::invokeMethod(worker, [worker, selected] { worker->startBackends(selected); });
}

void ReaderManager::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_worker) {
        ReaderManagerWorker* worker = m_worker;
        // Blocking: the backends must have released their devices before the thread ends.
        QMetaObject::invokeMethod(
            worker, [worker] { worker->stopBackends(); }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
    m_readers.clear();
    Q_EMIT readersChanged();
}

void ReaderManager::invokeOnBackend(const QString& name, std::function<void(ReaderBackend*)> fn)
{
    if (!m_worker)
        return;
    ReaderManagerWorker* worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, name, fn = std::move(fn)] { fn(worker->backend(name)); });
}

void ReaderManager::probeWorker(QObject* context, std::function<void()> answered)
{
    if (!m_worker || !m_thread.isRunning())
        return;
    // The QPointer is made and checked on this thread; the worker only carries it back. A
    // queued call to `this` is dropped by Qt if the manager is gone before it runs.
    QMetaObject::invokeMethod(
        m_worker.data(),
        [self = this, ctx = QPointer<QObject>(context), answered = std::move(answered)] {
            QMetaObject::invokeMethod(
                self,
                [ctx, answered] {
                    if (ctx)
                        answered();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ReaderManager::onReaderAdded(const ReaderInfo& info)
{
    m_readers.insert(info.name, info);
    Q_EMIT readerAdded(info);
    Q_EMIT readersChanged();
}

void ReaderManager::onReaderChanged(const ReaderInfo& info)
{
    m_readers.insert(info.name, info);
    Q_EMIT readerChanged(info);
    Q_EMIT readersChanged();
}

void ReaderManager::onReaderRemoved(const QString& name)
{
    m_readers.remove(name);
    Q_EMIT readerRemoved(name);
    Q_EMIT readersChanged();
}

ReaderManagerWorker::~ReaderManagerWorker()
{
    stopBackends();
}

void ReaderManagerWorker::startBackends(const QList<QPair<QString, ReaderBackendFactory>>& factories)
{
    for (const auto& [name, factory] : factories) {
        std::unique_ptr<ReaderBackend> backend = factory ? factory() : nullptr;
        if (!backend) {
            Q_EMIT backendUnavailable(name);
            continue;
        }
        ReaderBackend* b = backend.get();
        connect(b, &ReaderBackend::readerAdded, this, &ReaderManagerWorker::readerAdded);
        connect(b, &ReaderBackend::readerChanged, this, &ReaderManagerWorker::readerChanged);
        connect(b, &ReaderBackend::readerRemoved, this, &ReaderManagerWorker::readerRemoved);
        connect(b, &ReaderBackend::cardPresent, this, &ReaderManagerWorker::cardPresent);
        connect(b, &ReaderBackend::cardRead, this, &ReaderManagerWorker::forwardCardRead);
        connect(b, &ReaderBackend::cardRemoved, this, &ReaderManagerWorker::cardRemoved);
        connect(b, &ReaderBackend::readFailed, this, &ReaderManagerWorker::readFailed);
        connect(b, &ReaderBackend::chipSerialRead, this, &ReaderManagerWorker::chipSerialRead);
        m_backends.emplace_back(name, std::move(backend));
        b->start();
    }
}

void ReaderManagerWorker::stopBackends()
{
    for (auto& entry : m_backends) {
        entry.second->stop();
        entry.second->disconnect(this);
    }
    m_backends.clear();
}

ReaderBackend* ReaderManagerWorker::backend(const QString& name) const
{
    for (const auto& entry : m_backends) {
        if (entry.first == name)
            return entry.second.get();
    }
    return nullptr;
}

void ReaderManagerWorker::forwardCardRead(const QString& readerName, const Identity& identity)
{
    const QList<CheckFinding> findings = crossCheck(identity);
    if (hasErrors(findings)) {
        // Codes only: the fields themselves never reach a log.
        qCWarning(lcReaderManager) << "card data inconsistent on" << readerName
                                   << findingCodes(findings, CheckFinding::Severity::Error);
        Identity discarded = identity;
        discarded.wipe();
        Q_EMIT readFailed(readerName, ReadError::InconsistentData);
        return;
    }
    Q_EMIT cardRead(readerName, identity);
}

} // namespace onewindow
