#include "drivers/pcsc/PcscError.h"

#include <winscard.h>

namespace onewindow {

PcscErrorClass classifyPcscError(long rc)
{
    switch (LONG(rc)) {
    case SCARD_S_SUCCESS:
        return PcscErrorClass::Success;
    case SCARD_E_CANCELLED:
        return PcscErrorClass::Cancelled;
    case SCARD_E_TIMEOUT:
        return PcscErrorClass::Timeout;
    case SCARD_E_NO_READERS_AVAILABLE:
        return PcscErrorClass::NoReaders;
    case SCARD_W_REMOVED_CARD:
    case SCARD_E_NO_SMARTCARD:
    case SCARD_W_RESET_CARD:
    case SCARD_W_UNPOWERED_CARD:
    // A contactless card leaving the field (or vpcd's socket closing) mid-APDU surfaces as a
    // failed exchange before the presence poll notices the removal.
    case SCARD_E_NOT_TRANSACTED:
    case SCARD_E_COMM_DATA_LOST:
        return PcscErrorClass::CardGone;
    case SCARD_W_UNRESPONSIVE_CARD:
        return PcscErrorClass::CardMute;
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
    case SCARD_E_INVALID_HANDLE:
    case SCARD_E_READER_UNAVAILABLE:
        return PcscErrorClass::ServiceLost;
    case SCARD_F_COMM_ERROR:
        return PcscErrorClass::CommError;
    default:
        return PcscErrorClass::Other;
    }
}

QString pcscErrorText(long rc)
{
    const char* name = nullptr;
    switch (LONG(rc)) {
#define ONEWINDOW_PCSC_NAME(x)                                                                               \
    case x:                                                                                                  \
        name = #x;                                                                                           \
        break;
        ONEWINDOW_PCSC_NAME(SCARD_S_SUCCESS)
        ONEWINDOW_PCSC_NAME(SCARD_E_CANCELLED)
        ONEWINDOW_PCSC_NAME(SCARD_E_TIMEOUT)
        ONEWINDOW_PCSC_NAME(SCARD_E_NO_READERS_AVAILABLE)
        ONEWINDOW_PCSC_NAME(SCARD_W_REMOVED_CARD)
        ONEWINDOW_PCSC_NAME(SCARD_E_NO_SMARTCARD)
        ONEWINDOW_PCSC_NAME(SCARD_W_RESET_CARD)
        ONEWINDOW_PCSC_NAME(SCARD_W_UNPOWERED_CARD)
        ONEWINDOW_PCSC_NAME(SCARD_E_NOT_TRANSACTED)
        ONEWINDOW_PCSC_NAME(SCARD_E_COMM_DATA_LOST)
        ONEWINDOW_PCSC_NAME(SCARD_W_UNRESPONSIVE_CARD)
        ONEWINDOW_PCSC_NAME(SCARD_E_NO_SERVICE)
        ONEWINDOW_PCSC_NAME(SCARD_E_SERVICE_STOPPED)
        ONEWINDOW_PCSC_NAME(SCARD_E_INVALID_HANDLE)
        ONEWINDOW_PCSC_NAME(SCARD_E_READER_UNAVAILABLE)
        ONEWINDOW_PCSC_NAME(SCARD_E_UNKNOWN_READER)
        ONEWINDOW_PCSC_NAME(SCARD_E_SHARING_VIOLATION)
        ONEWINDOW_PCSC_NAME(SCARD_E_PROTO_MISMATCH)
        ONEWINDOW_PCSC_NAME(SCARD_E_INSUFFICIENT_BUFFER)
        ONEWINDOW_PCSC_NAME(SCARD_E_INVALID_PARAMETER)
        ONEWINDOW_PCSC_NAME(SCARD_F_INTERNAL_ERROR)
        ONEWINDOW_PCSC_NAME(SCARD_F_COMM_ERROR)
#undef ONEWINDOW_PCSC_NAME
    default:
        break;
    }
    const QString code = QStringLiteral("0x%1")
                             .arg(quint32(rc), 8, 16, QLatin1Char('0'))
                             .toUpper()
                             .replace(QStringLiteral("0X"), QStringLiteral("0x"));
    return name ? QStringLiteral("%1 (%2)").arg(QLatin1String(name), code) : code;
}

} // namespace onewindow
