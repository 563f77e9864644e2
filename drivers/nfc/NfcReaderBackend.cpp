#include "drivers/nfc/NfcReaderBackend.h"

#include <QLoggingCategory>
#include <QThread>

namespace onewindow {

Q_DECLARE_LOGGING_CATEGORY(lcNfc)

// Forwards the poller's reports (worker thread) to the backend (reader thread).
class NfcReaderBackend::Sink : public NfcPollerSink
{
public:
    explicit Sink(NfcReaderBackend& backend) : m_b(backend) {}

    void deviceReady(const QString& deviceName) override
    {
        m_b.post([b = &m_b, deviceName] { b->setStatus(ReaderInfo::Status::Ready, deviceName); });
    }
    void deviceFailed(const QString& detail) override
    {
        m_b.post([b = &m_b, detail] { b->setStatus(ReaderInfo::Status::Failed, detail); });
    }
    void cardPresent() override
    {
        m_b.post([b = &m_b] {
            b->setStatus(ReaderInfo::Status::CardPresent, b->m_info.detail);
            Q_EMIT b->cardPresent(b->m_info.name);
        });
    }
    void chipSerialRead(const QByteArray& serial) override
    {
        m_b.post([b = &m_b, serial] { Q_EMIT b->chipSerialRead(b->m_info.name, serial); });
    }
    void cardRead(Identity identity) override
    {
        m_b.post([b = &m_b, identity]() mutable {
            Q_EMIT b->cardRead(b->m_info.name, identity);
            identity.wipe();
        });
        identity.wipe();
    }
    void readFailed(ReadError error) override
    {
        m_b.post([b = &m_b, error] { Q_EMIT b->readFailed(b->m_info.name, error); });
    }
    void cardRemoved() override
    {
        m_b.post([b = &m_b] {
            if (b->m_info.status == ReaderInfo::Status::CardPresent)
                b->setStatus(ReaderInfo::Status::Ready, b->m_info.detail);
            Q_EMIT b->cardRemoved(b->m_info.name);
        });
    }

private:
    NfcReaderBackend& m_b;
};

NfcReaderBackend::NfcReaderBackend(NfcReaderOptions options, QObject* parent)
    : ReaderBackend(parent), m_options(std::move(options)), m_sink(std::make_unique<Sink>(*this))
{
    m_info.name = QStringLiteral("NFC %1").arg(m_options.connstring);
    m_info.backend = backendName();
    m_info.status = ReaderInfo::Status::Failed;
    m_info.capabilities = {QStringLiteral("chip_serial")};
    if (m_options.relay)
        m_info.capabilities.append(QStringLiteral("identity"));
    m_info.detail = QStringLiteral("connecting");
}

NfcReaderBackend::~NfcReaderBackend()
{
    stop();
}

void NfcReaderBackend::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_options.connstring.isEmpty()) {
        m_info.detail = QStringLiteral("no libnfc device configured (LIBNFC_DEVICE)");
        Q_EMIT readerAdded(m_info);
        return;
    }
    Q_EMIT readerAdded(m_info);
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = false;
    }
    m_worker = QThread::create([this] { runWorker(); });
    m_worker->setObjectName(QStringLiteral("nfc"));
    m_worker->start();
}

void NfcReaderBackend::stop()
{
    if (!m_started)
        return;
    m_started = false;
    ++m_generation; // anything the worker posted from now on is stale
    if (m_worker) {
        {
            std::lock_guard lock(m_mutex);
            m_stopRequested = true;
        }
        m_wake.notify_all();
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
}

void NfcReaderBackend::runWorker()
{
    NfcPoller poller(m_options, *m_sink);
    std::unique_lock lock(m_mutex);
    while (!m_stopRequested) {
        lock.unlock();
        const auto wait = poller.step();
        lock.lock();
        m_wake.wait_for(lock, wait, [this] { return m_stopRequested; });
    }
    lock.unlock();
    poller.shutdown();
}

void NfcReaderBackend::post(std::function<void()> fn)
{
    // stop() bumps the generation before it joins the worker: whatever is still queued then
    // belongs to a finished run and is dropped, so no signal follows stop().
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation, fn = std::move(fn)] {
            if (generation == m_generation && m_started)
                fn();
        },
        Qt::QueuedConnection);
}

void NfcReaderBackend::setStatus(ReaderInfo::Status status, const QString& detail)
{
    if (m_info.status == status && m_info.detail == detail)
        return;
    m_info.status = status;
    m_info.detail = detail;
    Q_EMIT readerChanged(m_info);
}

} // namespace onewindow
