// Fuzz target: what a resident types into a phone field, in every picker region (app/phone).
#include "app/phone/PhoneNumbers.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow::phone;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const char* region : {"CN", "HK", "MO", "TW", "US", "ZZ", "XX"}) {
        const PhoneCheck c = checkTyped(QString::fromLatin1(region), text);
        if (c.valid && !c.e164.startsWith(QLatin1Char('+')))
            __builtin_trap();
        if (c.valid && !checkStored(c.e164).valid)
            __builtin_trap(); // what is stored must read back as valid
    }
    (void)checkStored(text);
    (void)nationalDigits(text);
    return 0;
}
