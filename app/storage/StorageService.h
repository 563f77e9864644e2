#pragma once

#include "app/core/ELicense.h"
#include "app/core/Submission.h"
#include "app/storage/StorageWorker.h"

#include <QFuture>
#include <QPromise>
#include <QThread>
#include <memory>
#include <type_traits>

namespace onewindow::storage {

// The storage facade for the GUI thread (DESIGN.md §2): a StorageWorker on its own thread
// ("storage") owns every connection; calls here only queue work and return at once. The GUI
// side gets answers as signals; non-GUI callers (sync engine, tests) may use post() futures.
class StorageService : public QObject
{
    Q_OBJECT

public:
    explicit StorageService(StorageConfig config, QObject* parent = nullptr);
    ~StorageService() override; // finishes queued work, then stops the thread

    // Opens everything on the storage thread; answers with opened() or openFailed().
    void start();

    // Runs `fn(StorageWorker&)` on the storage thread; the future carries its result.
    template <typename F> auto post(F fn) -> QFuture<std::invoke_result_t<F, StorageWorker&>>
    {
        using R = std::invoke_result_t<F, StorageWorker&>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_worker,
            [promise, fn = std::move(fn), worker = m_worker]() mutable {
                promise->addResult(fn(*worker));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    // GUI-facing requests: each returns a request id that the answering signal carries.
    quint64 enqueueSubmission(Submission submission);
    quint64 enqueueRating(Rating rating);
    // Also records a licence-use audit event per licence found (用证, with purpose and item).
    quint64 lookupLicenses(QString idNumber, QString purpose, QString serviceItemCode);
    quint64 requestQueueStats();
    // Rotates the data key, then re-encrypts in small batches, each its own queued job, so
    // lookups and enqueues interleave with the job.
    void rotateKeys();

signals:
    void opened(const onewindow::storage::StorageHealth& health);
    void openFailed(const QString& message);
    void alarm(const QString& message);
    void submissionQueued(quint64 request, const onewindow::storage::OutboxReceipt& receipt);
    void licensesFound(quint64 request, const QList<onewindow::ELicense>& licenses);
    void queueStatsReady(quint64 request, const onewindow::storage::QueueStats& stats);
    void requestFailed(quint64 request, const onewindow::storage::StorageError& error);
    void keysRotated(int version);

private:
    void reencryptStep();

    QThread m_thread;
    StorageWorker* m_worker = nullptr;
    quint64 m_nextRequest = 1;
};

} // namespace onewindow::storage
