#pragma once

#include "drivers/nfc/NfcPoller.h"
#include "drivers/reader/ReaderBackend.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

class QThread;

namespace onewindow {

// A libnfc reader (PN53x) for the ID card: chip serial always, the identity through a remote
// SAM ("cloud decoding") when a RemoteSamRelay is configured. See drivers/nfc/README.md.
//
// Threading: libnfc calls block (a UART round trip, an RF timeout, the relay's network
// exchange up to 200 ms, an open with libnfc's own sleeps). The ReaderManager thread serves
// every backend, so this backend runs the libnfc device on a worker thread of its own
// ("nfc") and only marshals events back onto the reader thread. stop() wakes the worker and
// joins it; the longest wait is one bounded libnfc call (≤ the link's command timeout) or one
// relay exchange.
class NfcReaderBackend : public ReaderBackend
{
    Q_OBJECT
public:
    explicit NfcReaderBackend(NfcReaderOptions options, QObject* parent = nullptr);
    ~NfcReaderBackend() override;

    QString backendName() const override { return QStringLiteral("nfc"); }
    void start() override;
    void stop() override;

    QString readerName() const { return m_info.name; }

private:
    class Sink;
    void runWorker();
    void post(std::function<void()> fn);
    void setStatus(ReaderInfo::Status status, const QString& detail);

    NfcReaderOptions m_options;
    ReaderInfo m_info;
    std::unique_ptr<Sink> m_sink;
    QThread* m_worker = nullptr;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopRequested = false;
    std::atomic<quint64> m_generation{0}; // events posted by an earlier run are dropped
    bool m_started = false;
};

} // namespace onewindow
