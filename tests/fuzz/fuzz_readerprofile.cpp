// Fuzz target: reader profiles (resources/readers/*.json, /etc/onewindow/readers): parsing,
// and matching the parsed profile (its reader-name regular expression, ATR masks, USB ids)
// against facts taken from the input, as ReaderManager does for every attached reader.
#include "drivers/reader/ReaderProfile.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView json(reinterpret_cast<const char*>(data), qsizetype(size));
    auto profile = parseReaderProfile(json);
    if (!profile)
        return 0;
    const ReaderProfile& p = profile.value();
    ReaderFacts facts;
    facts.backend = p.backend;
    facts.name = QString::fromUtf8(json.first(std::min<qsizetype>(json.size(), 64)));
    facts.atr = json.last(std::min<qsizetype>(json.size(), 33)).toByteArray();
    if (size >= 4)
        facts.usb = UsbId{quint16(data[0] << 8 | data[1]), quint16(data[2] << 8 | data[3])};
    (void)p.matches(facts);
    (void)p.capabilities();
    (void)p.intSetting(QStringLiteral("apdu_budget_ms"), 0);
    for (const AtrPattern& a : p.atrs) {
        if (a.mask.size() != a.value.size())
            __builtin_trap(); // documented: the mask has the value's length
        (void)a.matches(facts.atr);
    }
    static const QList<ReaderProfile> builtin = builtinReaderProfiles().profiles;
    const QList<ReaderProfile> merged = mergeProfiles(builtin, {p});
    (void)matchProfile(merged, facts);
    (void)findProfile(merged, p.name);
    return 0;
}
