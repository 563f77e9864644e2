#pragma once

#include "drivers/idcard/Expected.h"
#include "drivers/idcard/Identity.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <optional>

namespace onewindow {

// What the card said before any SAM was involved: enough for the remote SAM to start.
struct CardHello
{
    QByteArray atqb;       // 12 bytes
    QByteArray chipSerial; // 8 bytes
};

// One answer of the remote SAM: either the next command APDU for the card, or (last step)
// the decoded identity.
struct RelayStep
{
    QByteArray commandApdu;
    std::optional<Identity> identity;
};

struct RelayError
{
    enum class Kind
    {
        ServerError, // transient (5xx, reset connection): the whole session may be retried
        Rejected,    // the SAM refused the card (authentication failed): not a transport problem
        Unavailable, // no relay service (the hub answers 501, or none is configured)
        OverBudget,  // the exchange did not finish within its deadline
    };
    Kind kind = Kind::ServerError;
    QString detail; // technician-facing; never personal data or APDU contents
};

// "Cloud decoding" (reference/idcard.md §4.4; DESIGN.md §7 POST /v1/eid/sessions…): an NFC
// reader without a SAM forwards the card's APDU answers to a remote SAM and gets the next
// command, until the SAM returns the decoded identity.
//
// Called on the NFC worker thread, one session at a time. Every call is one network exchange
// and must return by `deadline` (the backend gives each exchange 200 ms and also measures it:
// an answer that arrives late fails the read even if it is correct). The HTTPS implementation
// against the hub is issue 5.
class RemoteSamRelay
{
public:
    using Clock = std::chrono::steady_clock;
    virtual ~RemoteSamRelay() = default;

    virtual Expected<RelayStep, RelayError> startSession(const CardHello& hello,
                                                         Clock::time_point deadline) = 0;
    virtual Expected<RelayStep, RelayError> exchange(const QByteArray& cardAnswer,
                                                     Clock::time_point deadline) = 0;
    // The card left or the backend gave up: forget the session (best effort, no answer awaited).
    virtual void abandonSession() = 0;
};

} // namespace onewindow
