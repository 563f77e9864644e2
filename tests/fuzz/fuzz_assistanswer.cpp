// Fuzz target: the hub's answer to POST /v1/assist:request (docs/sync-protocol.md §13).
#include "app/sync/SyncProtocol.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow::sync;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto a = protocol::parseAssistAnswer(body);
    if (a && a->status == protocol::AssistAnswer::Status::Queued && a->queuePosition < 1)
        __builtin_trap();
    if (a && a->etaSeconds && (*a->etaSeconds < 0 || *a->etaSeconds > 24 * 3600))
        __builtin_trap();
    return 0;
}
