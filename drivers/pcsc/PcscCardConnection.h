#pragma once

#include "drivers/idcard/Expected.h"
#include "drivers/pcsc/ApduMapReader.h"

#include <QByteArray>
#include <QString>

namespace onewindow {

// One card connection (SCardConnect … SCardDisconnect) on the caller's context, with the
// transmit the APDU map reader needs. Lives on the backend's thread for one read.
class PcscCardConnection
{
public:
    // Connects in shared mode with T=0 or T=1. Returns the pcsc-lite code on failure.
    static Expected<PcscCardConnection, long> connect(long context, const QString& reader);

    PcscCardConnection(PcscCardConnection&& other) noexcept;
    PcscCardConnection& operator=(PcscCardConnection&&) = delete;
    PcscCardConnection(const PcscCardConnection&) = delete;
    ~PcscCardConnection(); // leaves the card powered (SCARD_LEAVE_CARD)

    // Sends one APDU. Each exchange has `budgetMs`: pcsc-lite has no per-call timeout (the
    // reader driver bounds a silent card), so an answer that arrives later than the budget
    // is refused as a Timeout rather than trusted. T=0 "61 xx" / "6C xx" answers are
    // completed with GET RESPONSE / a re-send, as pcsc-lite leaves that to the application.
    Expected<ApduResponse, TransmitFailure> transmit(const QByteArray& command, int budgetMs);
    long lastError() const { return m_lastError; }

private:
    PcscCardConnection(long handle, unsigned long protocol) : m_handle(handle), m_protocol(protocol) {}
    Expected<ApduResponse, TransmitFailure> exchange(const QByteArray& command);

    long m_handle = 0; // SCARDHANDLE
    unsigned long m_protocol = 0;
    bool m_open = true;
    long m_lastError = 0;
};

} // namespace onewindow
