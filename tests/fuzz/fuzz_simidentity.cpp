// Fuzz target: the simulated reader's identities file (resources/demo/identities.json or the
// file sim/identities names). Any bytes give cards or an error naming the entry.
#include "drivers/sim/SimIdentities.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    auto cards = parseSimCards(bytes, QStringLiteral("<fuzz>"));
    if (cards) {
        for (SimCard& card : cards.value()) {
            if (card.identity.idNumber.isEmpty())
                __builtin_trap(); // documented: an entry without id_number is refused
            card.identity.wipe();
        }
    }
    return 0;
}
