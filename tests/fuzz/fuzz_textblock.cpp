// Fuzz target: GA/T 490 text-block decoders, cross-checks and masks. A 256-byte block of any
// content (and any other size) must decode to an identity or a typed error.
#include "drivers/idcard/CrossCheck.h"
#include "drivers/idcard/Masking.h"
#include "drivers/idcard/TextBlock.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)decodeAppendedAddress(bytes);
    auto decoded = decodeTextBlock(bytes);
    if (!decoded)
        return 0;
    Identity identity = std::move(decoded).value();
    (void)crossCheck(identity, QDate(2026, 1, 1));
    (void)maskName(identity.name);
    (void)maskName(identity.englishName);
    (void)maskIdNumber(identity.idNumber);
    (void)maskAddress(identity.address);
    // Re-encoding a decoded block must give a block that decodes again.
    const QByteArray again = encodeTextBlock(identity);
    if (again.size() != kTextBlockSize || !decodeTextBlock(again))
        __builtin_trap();
    identity.wipe();
    return 0;
}
