#pragma once

#include "drivers/idcard/Expected.h"
#include "drivers/idcard/Identity.h"
#include "drivers/nfc/NfcDevice.h"
#include "drivers/nfc/RemoteSamRelay.h"
#include "drivers/reader/ReaderInfo.h"

#include <chrono>
#include <functional>

namespace onewindow {

// Runs one cloud-decoding read: card ↔ remote SAM until the SAM returns the identity.
//
// Retry policy (reference/idcard.md §4.4): a server error restarts the session, up to
// `serverRetries` times (DKCloudID retries 5 times); an exchange over its budget fails the
// read at once (Sunmi: above 200 ms the read fails; retrying would keep the resident
// waiting with the card held still for nothing); a silent card aborts (the card moved).
class RelayedRead
{
public:
    using CardExchange = std::function<Expected<QByteArray, NfcDevice::Fault>(const QByteArray&)>;

    struct Failure
    {
        ReadError error = ReadError::ReaderFailure;
        bool deviceLost = false; // the NFC chip itself stopped answering
    };

    RelayedRead(RemoteSamRelay& relay, CardExchange card, std::chrono::milliseconds budget,
                int serverRetries);

    // The identity carries hello.chipSerial. The caller wipes it after use.
    Expected<Identity, Failure> run(const CardHello& hello);

private:
    Expected<Identity, Failure> session(const CardHello& hello, bool* retryable);
    Expected<RelayStep, Failure>
    timed(const std::function<Expected<RelayStep, RelayError>(RemoteSamRelay::Clock::time_point)>& call,
          bool* retryable);

    RemoteSamRelay& m_relay;
    CardExchange m_card;
    std::chrono::milliseconds m_budget;
    int m_serverRetries;
};

} // namespace onewindow
