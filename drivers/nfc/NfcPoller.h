#pragma once

#include "drivers/idcard/Identity.h"
#include "drivers/nfc/NfcDevice.h"
#include "drivers/nfc/RemoteSamRelay.h"
#include "drivers/reader/ReaderInfo.h"

#include <QString>
#include <chrono>
#include <memory>

namespace onewindow {

struct NfcReaderOptions
{
    QString connstring;                    // e.g. "pn532_uart:/dev/ttyUSB0"
    std::shared_ptr<RemoteSamRelay> relay; // cloud decoding; without it only the chip serial is read
    NfcLinkTimings link;
    std::chrono::milliseconds pollInterval{50}; // an empty poll costs one REQB and its RF timeout
    std::chrono::milliseconds reopenFirst{250}; // backoff after the device is lost, doubling…
    std::chrono::milliseconds reopenMax{5000};  // …up to this
    std::chrono::milliseconds relayBudget{200}; // per network exchange (reference/idcard.md §4.4)
    int relayServerRetries = 5;

    // LIBNFC_DEVICE, else LIBNFC_DEFAULT_DEVICE (the variables libnfc itself reads), else empty.
    static QString connstringFromEnvironment();
};

// What the poller reports; called on the NFC worker thread.
class NfcPollerSink
{
public:
    virtual ~NfcPollerSink() = default;
    virtual void deviceReady(const QString& deviceName) = 0;
    virtual void deviceFailed(const QString& detail) = 0;
    virtual void cardPresent() = 0;
    virtual void chipSerialRead(const QByteArray& serial) = 0;
    virtual void cardRead(Identity identity) = 0; // the sink wipes it after use
    virtual void readFailed(ReadError error) = 0;
    virtual void cardRemoved() = 0;
};

// The NFC reader's state machine, one bounded step at a time, on a thread that may block:
// open the device (with backoff) → poll with REQB → handshake (ATTRIB, GET UID) → relayed
// read when a relay is configured → watch for removal. Every libnfc call is bounded by the
// link timings, so a step never hangs.
class NfcPoller
{
public:
    NfcPoller(NfcReaderOptions options, NfcPollerSink& sink);

    // Runs one step; returns how long to wait before the next one.
    std::chrono::milliseconds step();
    // Releases the device. No sink call after this.
    void shutdown();

private:
    std::chrono::milliseconds openDevice();
    std::chrono::milliseconds deviceLost(bool midRead);
    std::chrono::milliseconds pollForCard();
    std::chrono::milliseconds checkPresence();
    std::chrono::milliseconds readCard(const QByteArray& atqb);

    NfcReaderOptions m_options;
    NfcPollerSink& m_sink;
    NfcDevice m_device;
    std::chrono::milliseconds m_reopenDelay;
    bool m_reportedOpenFailure = false;
    bool m_cardOn = false;
    bool m_cardActive = false; // completed the ATTRIB handshake: answers GET UID
    int m_presenceMisses = 0;
    QByteArray m_serial;
};

} // namespace onewindow
