#pragma once

#include "drivers/idcard/Expected.h"
#include "drivers/idcard/Identity.h"
#include "drivers/reader/ReaderInfo.h"
#include "drivers/reader/ReaderProfile.h"

#include <QByteArray>
#include <QString>
#include <functional>

namespace onewindow {

// A response APDU split into data and status word.
struct ApduResponse
{
    QByteArray data;
    quint16 sw = 0;
};

// Why a command got no response at all, as the card transport sees it.
enum class TransmitFailure
{
    CardGone,    // removed or moved during the exchange
    Timeout,     // the answer came later than the profile's APDU budget
    ServiceLost, // the smart-card service (pcscd) went away
    Other,       // any other transport error
};

// Sends one command APDU to the card; the only I/O the map reader needs, so the logic below
// runs unchanged against pcsc-lite and in unit tests.
using CardChannel = std::function<Expected<ApduResponse, TransmitFailure>(const QByteArray& command)>;

// Why a profile's map did not produce its data.
struct MapFailure
{
    ReadError error = ReadError::ReaderFailure;
    // The first command got a status word the profile does not know (or too short an
    // answer): the reader does not speak this map, so a fallback profile may be tried.
    bool profileMismatch = false;
    bool serviceLost = false;
    bool itemAbsent = false; // the status word said "item absent" (e.g. 6A 82)
    QString detail;          // technician-facing: commands and status words only, never data
};

// Microseconds per step (a virtual card answers in well under a millisecond).
struct MapTimings
{
    qint64 textUs = 0;
    qint64 photoUs = 0;
    qint64 addressUs = 0;
    qint64 serialUs = 0;
    qint64 decodeUs = 0;
};

// Runs a profile's identity map: text (256 B), photo chunks (1024 B), appended address and
// chip serial when the profile has them, then decodes the text block. Partial data is wiped
// on every failure. 6A 82 on the address means "none"; the serial is best effort.
Expected<Identity, MapFailure> readIdentityWithMap(const PcscApduMap& map, const CardChannel& channel,
                                                   MapTimings* timings = nullptr);

// Runs only the chip-serial command of a profile (8 bytes for the resident ID card).
Expected<QByteArray, MapFailure> readChipSerialWithMap(const PcscApduMap& map, const CardChannel& channel);

} // namespace onewindow
