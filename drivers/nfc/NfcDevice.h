#pragma once

#include "drivers/idcard/Expected.h"

#include <QByteArray>
#include <QString>
#include <chrono>

struct nfc_context;
struct nfc_device;

namespace onewindow {

// Timings for one libnfc device. Every libnfc call is bounded by them, so a dead or silent
// device costs at most `command` per call, never a hang.
struct NfcLinkTimings
{
    std::chrono::milliseconds rf{26};       // card answer time, set in the chip (NP_TIMEOUT_COM)
    std::chrono::milliseconds command{350}; // host waits this long for the chip (NP_TIMEOUT_COMMAND)
};

// One libnfc device (a PN53x) set up for the ID card's raw ISO 14443-B frames at 106 kbit/s:
// easy framing off (no ISO 14443-4 blocks: the card speaks plain frames after its
// non-standard ATTRIB, reference/idcard.md §4.1), CRC_B added and checked by the chip.
// Not thread-safe: one thread owns it (the NFC worker).
class NfcDevice
{
public:
    // Why an exchange produced no answer.
    enum class Fault
    {
        CardSilent, // the chip reported an RF timeout or error: no card, or it left the field
        DeviceLost, // the chip itself did not answer (unplugged, pty closed, I/O error)
    };

    NfcDevice() = default;
    ~NfcDevice();
    NfcDevice(const NfcDevice&) = delete;
    NfcDevice& operator=(const NfcDevice&) = delete;

    // Opens `connstring` (e.g. "pn532_uart:/dev/ttyUSB0") and configures raw Type B. On success
    // returns libnfc's device name (with the firmware version); on failure a technician-facing
    // reason. Opening an already open device closes it first.
    Expected<QString, QString> open(const QString& connstring, NfcLinkTimings timings);
    void close();
    bool isOpen() const { return m_device != nullptr; }

    // Sends one raw frame (without CRC) and returns the card's answer (without CRC).
    Expected<QByteArray, Fault> exchange(const QByteArray& frame);
    // Switches the RF field off and on: every card in the field restarts IDLE. False when the
    // chip does not answer.
    bool resetField();

private:
    QString configureRawTypeB();

    nfc_context* m_context = nullptr;
    nfc_device* m_device = nullptr;
    NfcLinkTimings m_timings;
};

} // namespace onewindow
