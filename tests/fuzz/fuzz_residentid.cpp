// Fuzz target: GB 11643 number parsing and the display masks on arbitrary text.
#include "drivers/idcard/Masking.h"
#include "drivers/idcard/ResidentId.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const ResidentId id = ResidentId::parse(text, QDate(2026, 1, 1));
    if (id.isValid() && id.number().size() != 18 && id.number().size() != 15)
        __builtin_trap();
    if (text.size() >= 17)
        (void)ResidentId::checkCharacter(QStringView(text).left(17));
    (void)maskIdNumber(text);
    (void)maskName(text);
    (void)maskPhone(text);
    (void)maskAddress(text);
    return 0;
}
