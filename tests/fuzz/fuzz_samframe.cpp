// Fuzz target: the GA/T 467 frame codec. Any byte stream, fed whole and in random-sized
// pieces, must give frames or typed errors — never a crash, a hang or an out-of-bounds read.
#include "drivers/idcard/SamFrame.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)sam::parseResponse(bytes);
    (void)sam::parseCommand(bytes);
    (void)sam::splitReadPayload(bytes, false);
    (void)sam::splitReadPayload(bytes, true);

    // Stream framing with chunk sizes taken from the data itself.
    sam::FrameReader reader;
    std::size_t pos = 0;
    int events = 0;
    while (pos < size) {
        const std::size_t chunk = 1 + data[pos] % 64;
        const std::size_t n = chunk < size - pos ? chunk : size - pos;
        reader.feed(bytes.sliced(qsizetype(pos), qsizetype(n)));
        pos += n;
        while (auto event = reader.next()) {
            if (event->frame)
                (void)sam::splitReadPayload(event->frame->data, false);
            if (++events > 100000)
                __builtin_trap(); // the reader must consume input, not loop
        }
    }
    if (reader.pending() > qsizetype(size))
        __builtin_trap();
    return 0;
}
