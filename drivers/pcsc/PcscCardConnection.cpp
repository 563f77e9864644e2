#include "drivers/pcsc/PcscCardConnection.h"

#include "drivers/idcard/SecureWipe.h"
#include "drivers/pcsc/PcscError.h"

#include <QElapsedTimer>
#include <vector>
#include <winscard.h>

namespace onewindow {

namespace {

static_assert(sizeof(SCARDHANDLE) == sizeof(long));

TransmitFailure toFailure(LONG rc, SCARDHANDLE handle)
{
    switch (classifyPcscError(rc)) {
    case PcscErrorClass::CardGone:
    case PcscErrorClass::CardMute:
        return TransmitFailure::CardGone;
    case PcscErrorClass::CommError: {
        // The driver lost the card mid-APDU (a pulled card, with vpcd and with contactless
        // readers) — unless the service itself is gone, which SCardStatus tells apart.
        DWORD state = 0;
        DWORD protocol = 0;
        DWORD atrSize = MAX_ATR_SIZE;
        unsigned char atr[MAX_ATR_SIZE];
        char name[MAX_READERNAME];
        DWORD nameSize = sizeof name;
        const LONG st = SCardStatus(handle, name, &nameSize, &state, &protocol, atr, &atrSize);
        return classifyPcscError(st) == PcscErrorClass::ServiceLost ? TransmitFailure::ServiceLost
                                                                    : TransmitFailure::CardGone;
    }
    case PcscErrorClass::Timeout:
        return TransmitFailure::Timeout;
    case PcscErrorClass::ServiceLost:
        return TransmitFailure::ServiceLost;
    default:
        return TransmitFailure::Other;
    }
}

} // namespace

Expected<PcscCardConnection, long> PcscCardConnection::connect(long context, const QString& reader)
{
    SCARDHANDLE handle = 0;
    DWORD protocol = 0;
    const LONG rc = SCardConnect(SCARDCONTEXT(context), reader.toUtf8().constData(), SCARD_SHARE_SHARED,
                                 SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &handle, &protocol);
    if (rc != SCARD_S_SUCCESS)
        return Expected<PcscCardConnection, long>::failure(rc);
    return PcscCardConnection(long(handle), protocol);
}

PcscCardConnection::PcscCardConnection(PcscCardConnection&& other) noexcept
    : m_handle(other.m_handle), m_protocol(other.m_protocol), m_open(other.m_open),
      m_lastError(other.m_lastError)
{
    other.m_open = false;
}

PcscCardConnection::~PcscCardConnection()
{
    if (m_open)
        SCardDisconnect(SCARDHANDLE(m_handle), SCARD_LEAVE_CARD);
}

Expected<ApduResponse, TransmitFailure> PcscCardConnection::exchange(const QByteArray& command)
{
    using Result = Expected<ApduResponse, TransmitFailure>;
    const SCARD_IO_REQUEST* pci = m_protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    std::vector<unsigned char> buffer(MAX_BUFFER_SIZE_EXTENDED, 0);
    DWORD size = DWORD(buffer.size());
    const LONG rc =
        SCardTransmit(SCARDHANDLE(m_handle), pci, reinterpret_cast<const unsigned char*>(command.constData()),
                      DWORD(command.size()), nullptr, buffer.data(), &size);
    if (rc != SCARD_S_SUCCESS) {
        m_lastError = rc;
        return Result::failure(toFailure(rc, SCARDHANDLE(m_handle)));
    }
    if (size < 2) {
        // No status word at all: the exchange broke off. vpcd reports a card pulled mid-APDU
        // this way (success, zero bytes); a contactless card leaving the field does the same
        // through some drivers.
        m_lastError = SCARD_F_COMM_ERROR;
        return Result::failure(TransmitFailure::CardGone);
    }
    ApduResponse r;
    r.data = QByteArray(reinterpret_cast<const char*>(buffer.data()), int(size - 2));
    r.sw = quint16((buffer[size - 2] << 8) | buffer[size - 1]);
    secureWipe(buffer.data(), qsizetype(buffer.size()));
    return r;
}

Expected<ApduResponse, TransmitFailure> PcscCardConnection::transmit(const QByteArray& command, int budgetMs)
{
    using Result = Expected<ApduResponse, TransmitFailure>;
    QElapsedTimer clock;
    clock.start();
    auto first = exchange(command);
    if (!first)
        return first;
    ApduResponse r = std::move(first).value();
    // T=0 completion; bounded so a confused card cannot keep us here.
    for (int round = 0; round < 32; ++round) {
        const quint8 sw1 = quint8(r.sw >> 8);
        const quint8 sw2 = quint8(r.sw & 0xFF);
        QByteArray next;
        if (sw1 == 0x61) {
            next = QByteArray::fromHex("00C00000");
            next.append(char(sw2));
        } else if (sw1 == 0x6C && command.size() >= 5) {
            next = command.left(command.size() - 1);
            next.append(char(sw2));
        } else {
            break;
        }
        auto more = exchange(next);
        if (!more) {
            secureWipe(r.data);
            return more;
        }
        ApduResponse m = std::move(more).value();
        if (sw1 == 0x6C)
            secureWipe(r.data);
        r.data.append(m.data);
        r.sw = m.sw;
        secureWipe(m.data);
    }
    if (budgetMs > 0 && clock.elapsed() > budgetMs) {
        secureWipe(r.data);
        return Result::failure(TransmitFailure::Timeout);
    }
    return r;
}

} // namespace onewindow
