// Fuzz target: the PC/SC response side — a reader answering the built-in profiles' APDU maps
// with arbitrary data and status words (and transport failures), plus arbitrary profile JSON.
// Every path must end in an identity or a typed failure.
#include "drivers/pcsc/ApduMapReader.h"
#include "drivers/reader/ReaderProfile.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow;

namespace {
// Splits the input into answers: [len:1][sw:2][data:len]…; a 0xFF length means a transport failure.
class ScriptedCard
{
public:
    ScriptedCard(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
    Expected<ApduResponse, TransmitFailure> answer()
    {
        if (m_pos + 3 > m_size)
            return Expected<ApduResponse, TransmitFailure>::failure(TransmitFailure::CardGone);
        const std::size_t len = m_data[m_pos];
        const quint16 sw = quint16((m_data[m_pos + 1] << 8) | m_data[m_pos + 2]);
        m_pos += 3;
        if (len == 0xFF)
            return Expected<ApduResponse, TransmitFailure>::failure(TransmitFailure(sw % 4));
        // Lengths are scaled so text (256) and photo chunks (252..256) are reachable.
        const std::size_t n = std::min(len * 2, m_size - m_pos);
        ApduResponse r;
        r.data = QByteArray(reinterpret_cast<const char*>(m_data + m_pos), qsizetype(n));
        r.sw = sw;
        m_pos += n;
        return r;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const ProfileSet builtin = builtinReaderProfiles();
    for (const ReaderProfile& profile : builtin.profiles) {
        ScriptedCard card(data, size);
        const CardChannel channel = [&card](const QByteArray&) {
            return card.answer();
        };
        auto identity = readIdentityWithMap(profile.apdu, channel);
        if (identity)
            std::move(identity).value().wipe();
        ScriptedCard card2(data, size);
        const CardChannel channel2 = [&card2](const QByteArray&) {
            return card2.answer();
        };
        (void)readChipSerialWithMap(profile.apdu, channel2);
    }
    (void)parseReaderProfile(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)));
    return 0;
}
