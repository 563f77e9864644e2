// Fuzz target: what comes back through the PN532 (libnfc's raw ISO 14443-B exchanges, CRC
// already stripped) — the ATQB, the ATTRIB answer, GET UID — and the cloud-decoding read that
// follows, with the card's answers and the remote SAM's JSON answers both taken from the input.
// (libnfc's own PN532 UART framing is a system library, not fuzzed here.)
// Input: records [len:2, big-endian][bytes:len]; len FFFF = the exchange failed, the next byte
// saying how (odd: the device is lost, even: the card is silent).
#include "app/sync/HubSamRelay.h"
#include "drivers/nfc/IdCardChip.h"
#include "drivers/nfc/RelayedRead.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow;

namespace {

class Records
{
public:
    Records(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
    bool atEnd() const { return m_pos >= m_size; }
    // std::nullopt = a failed exchange; the byte after 0xFF picks which failure.
    std::optional<QByteArray> next(bool* deviceLost = nullptr)
    {
        if (m_pos >= m_size)
            return QByteArray();
        if (m_pos + 2 > m_size) {
            m_pos = m_size;
            return QByteArray();
        }
        const std::size_t len = std::size_t(m_data[m_pos]) << 8 | m_data[m_pos + 1];
        m_pos += 2;
        if (len == 0xFFFF) {
            if (deviceLost)
                *deviceLost = m_pos < m_size && (m_data[m_pos++] & 1);
            return std::nullopt;
        }
        const std::size_t n = std::min(len, m_size - m_pos);
        QByteArray out(reinterpret_cast<const char*>(m_data + m_pos), qsizetype(n));
        m_pos += n;
        return out;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

// The remote SAM, answering with the next record parsed exactly as the hub's answer is.
class ScriptedRelay : public RemoteSamRelay
{
public:
    explicit ScriptedRelay(Records& records) : m_records(records) {}
    Expected<RelayStep, RelayError> startSession(const CardHello&, Clock::time_point) override
    {
        return answer(true);
    }
    Expected<RelayStep, RelayError> exchange(const QByteArray&, Clock::time_point) override
    {
        return answer(false);
    }
    void abandonSession() override {}

private:
    Expected<RelayStep, RelayError> answer(bool first)
    {
        const auto body = m_records.next();
        if (!body)
            return Expected<RelayStep, RelayError>::failure({RelayError::Kind::ServerError, {}});
        return sync::parseRelayAnswer(*body, first).step;
    }
    Records& m_records;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Records records(data, size);
    // The handshake, as NfcPoller runs it.
    const auto atqb = records.next();
    if (!atqb || !idcardchip::isAtqb(*atqb))
        return 0;
    const auto attrib = records.next();
    if (!attrib || !idcardchip::isAttribAccepted(*attrib))
        return 0;
    const auto uid = records.next();
    if (!uid)
        return 0;
    (void)idcardchip::statusWord(*uid);
    const auto serial = idcardchip::chipSerial(*uid);
    if (!serial)
        return 0;
    if (serial->size() != 8)
        __builtin_trap();

    ScriptedRelay relay(records);
    int exchanges = 0;
    RelayedRead read(
        relay,
        [&records, &exchanges](const QByteArray&) -> Expected<QByteArray, NfcDevice::Fault> {
            if (++exchanges > 10000)
                __builtin_trap(); // the read must be bounded whatever the relay says
            bool lost = false;
            const auto answer = records.next(&lost);
            if (!answer)
                return Expected<QByteArray, NfcDevice::Fault>::failure(lost ? NfcDevice::Fault::DeviceLost
                                                                            : NfcDevice::Fault::CardSilent);
            return *answer;
        },
        std::chrono::seconds(30), 2);
    auto identity = read.run(CardHello{*atqb, *serial});
    if (identity)
        std::move(identity).value().wipe();
    return 0;
}
