#pragma once

#include <QString>

namespace onewindow {

// pcsc-lite return codes, grouped by what the backend does about them. `long` is pcsc-lite's
// LONG on Linux; the header stays free of <winscard.h>.
enum class PcscErrorClass
{
    Success,
    Cancelled,   // SCardCancel ended a wait (shutdown)
    Timeout,     // a wait or exchange timed out
    NoReaders,   // SCARD_E_NO_READERS_AVAILABLE: not an error, an empty list
    CardGone,    // removed / reset / unpowered / not transacted: the card left mid-exchange
    CardMute,    // the card does not answer a reset
    ServiceLost, // no service, service stopped, invalid handle, reader unavailable:
                 // release the context and create a new one with backoff
    CommError,   // SCARD_F_COMM_ERROR: the driver lost the card or the reader mid-exchange
                 // (what a card pulled during SCardTransmit gives with vpcd); the caller
                 // decides by context whether that is the card or the service
    Other,
};

PcscErrorClass classifyPcscError(long rc);
// "SCARD_E_NO_SERVICE (0x8010001D)" for technician logs.
QString pcscErrorText(long rc);

} // namespace onewindow
