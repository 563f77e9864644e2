#pragma once

#include "drivers/reader/ReaderBackend.h"
#include "drivers/reader/ReaderInfo.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QThread>

namespace onewindow {

class ReaderManagerWorker;

// The one entry point to card readers (DESIGN.md §5). All card I/O runs on the manager's own
// thread; this facade lives on the GUI thread, keeps ReaderInfo snapshots so the UI never
// waits on a device, and re-emits the backends' events as queued signals.
class ReaderManager : public QObject
{
    Q_OBJECT
public:
    explicit ReaderManager(QObject* parent = nullptr);
    ~ReaderManager() override;

    // Before start(): which factory builds the backend of each name.
    void registerBackend(const QString& name, ReaderBackendFactory factory);
    QStringList registeredBackends() const { return m_factories.keys(); }

    // Starts the reader thread and the named backends. Names without a factory are reported
    // through backendUnavailable() and skipped; the others still start.
    void start(const QStringList& backendNames);
    // Stops every backend and joins the thread. Safe to call twice.
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }

    QList<ReaderInfo> readers() const { return m_readers.values(); }
    // From the snapshot: false only when the reader is known to read no identity (e.g. a
    // chip-serial-only reader). A reader whose profile is still being probed has no
    // capabilities yet and may turn out to read one.
    bool readerMayReadIdentity(const QString& readerName) const
    {
        const QStringList caps = m_readers.value(readerName).capabilities;
        return caps.isEmpty() || caps.contains(QStringLiteral("identity"));
    }

    // Runs `fn` on the reader thread with the named backend (nullptr when it is not loaded).
    // The way to give a backend a command (e.g. the simulator's "place card").
    void invokeOnBackend(const QString& name, std::function<void(ReaderBackend*)> fn);

    // Liveness probe (app/health): a no-op round trip through the reader thread's event loop.
    // `answered` runs on this (GUI) thread once the worker has processed the probe, and only
    // while `context` is alive. A worker stuck in a backend never answers; not running: no
    // answer either. Never blocks the caller.
    void probeWorker(QObject* context, std::function<void()> answered);

Q_SIGNALS:
    void readerAdded(const onewindow::ReaderInfo& info);
    void readerChanged(const onewindow::ReaderInfo& info);
    void readerRemoved(const QString& readerName);
    void readersChanged();
    void cardPresent(const QString& readerName);
    void cardRead(const QString& readerName, const onewindow::Identity& identity);
    void cardRemoved(const QString& readerName);
    void readFailed(const QString& readerName, onewindow::ReadError error);
    void chipSerialRead(const QString& readerName, const QByteArray& serial);
    void backendUnavailable(const QString& backendName);

private:
    void onReaderAdded(const ReaderInfo& info);
    void onReaderChanged(const ReaderInfo& info);
    void onReaderRemoved(const QString& name);

    QThread m_thread;
    QPointer<ReaderManagerWorker> m_worker;
    QMap<QString, ReaderBackendFactory> m_factories;
    QHash<QString, ReaderInfo> m_readers;
};

// Lives on the reader thread: owns the backends, and refuses identities whose fields
// contradict the ID number (a misread; reference/idcard.md §8.2) before they leave the thread.
class ReaderManagerWorker : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ReaderManagerWorker() override;

    void startBackends(const QList<QPair<QString, ReaderBackendFactory>>& factories);
    void stopBackends();
    ReaderBackend* backend(const QString& name) const;

Q_SIGNALS:
    void readerAdded(const onewindow::ReaderInfo& info);
    void readerChanged(const onewindow::ReaderInfo& info);
    void readerRemoved(const QString& readerName);
    void cardPresent(const QString& readerName);
    void cardRead(const QString& readerName, const onewindow::Identity& identity);
    void cardRemoved(const QString& readerName);
    void readFailed(const QString& readerName, onewindow::ReadError error);
    void chipSerialRead(const QString& readerName, const QByteArray& serial);
    void backendUnavailable(const QString& backendName);

private:
    void forwardCardRead(const QString& readerName, const Identity& identity);

    std::vector<std::pair<QString, std::unique_ptr<ReaderBackend>>> m_backends;
};

} // namespace onewindow
