#pragma once

#include <QString>
#include <cstdint>

namespace onewindow {

// SW3, the SAM's own status byte (GA/T 467; reference/idcard.md §1.5). The same values are
// the return codes of the vendor SDT_* libraries.
enum class SamStatus : std::uint8_t
{
    Success = 0x90,
    ItemAbsent = 0x91,
    CardFound = 0x9F,
    PortOpenFailed = 0x01,
    HostTimeout = 0x02,
    TransmissionError = 0x03,
    SerialUnavailable = 0x05,
    FileOpenFailed = 0x09,
    HostChecksumError = 0x10,
    HostLengthError = 0x11,
    HostCommandError = 0x21,
    Unauthorized = 0x23,
    UnrecognisedError = 0x24,
    CardAuthenticatesSamFailed = 0x31,
    SamAuthenticatesCardFailed = 0x32,
    InformationVerifyFailed = 0x33,
    FingerprintVerifyFailed = 0x37,
    InformationLengthError = 0x3F,
    UnknownCardType = 0x40,
    ReadFailed = 0x41,
    RandomFailed = 0x47,
    SamSelfTestFailed = 0x60,
    SamNotAuthorised = 0x66,
    FindCardFailed = 0x80,
    SelectCardFailed = 0x81,
};

// What the kiosk does about a status (reference/idcard.md §8.2).
enum class SamStatusClass
{
    Ok,          // 0x90, 0x9F
    NotPresent,  // 0x91: optional item absent, not an error
    NoCard,      // 0x80, 0x81: keep polling
    CardProblem, // card moved, unreadable, failed authentication: re-place the card
    SamProblem,  // SAM self-test / authorisation: reset, alarm
    HostProblem, // framing, transport or host-side code: resync and resend
    Unknown,     // a byte the table does not know
};

struct SamStatusInfo
{
    std::uint8_t code = 0;
    bool known = false;
    SamStatusClass cls = SamStatusClass::Unknown;
    const char* zh = ""; // UTF-8, as in the standard's table
    const char* en = "";
};

// Never fails: an unknown byte gives known=false, cls=Unknown and zh/en "未知状态"/"unknown status"
// (samStatusMeaning adds the hex code).
SamStatusInfo samStatusInfo(std::uint8_t sw3);
QString samStatusMeaning(std::uint8_t sw3,
                         const QString& language); // "zh" or "en"; unknown → "未知状态 0xNN"
// Every code of the table, in table order (for tests and diagnostics).
const SamStatusInfo* samStatusTable(std::size_t* count);

} // namespace onewindow
