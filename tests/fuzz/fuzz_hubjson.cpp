// Fuzz target: every JSON answer of the hub (docs/sync-protocol.md) — :batch results, a PUT's
// item result, heartbeat commands, licence delta pages, 办件查询 cases and the remote SAM's
// relay answers. The first byte picks the parser, the rest is the body. Each must give a
// value or "malformed", never a crash; what a parser accepts must be self-consistent.
#include "app/sync/HubSamRelay.h"
#include "app/sync/SyncProtocol.h"
#include "app/ui/CaseLookupAnswer.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow;
using namespace onewindow::sync;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    switch (data[0] % 8) {
    case 0:
        (void)protocol::parseBatchResults(body, "submission_id");
        break;
    case 1:
        if (const auto results = protocol::parseBatchResults(body, "rating_id")) {
            for (const protocol::ItemResult& r : *results) {
                if (r.retryAfterMs && *r.retryAfterMs < 0)
                    __builtin_trap(); // a negative wait would spin the queue
            }
        }
        break;
    case 2:
        if (const auto o = protocol::parseObject(body)) {
            (void)protocol::parseItemResult(*o);
            (void)protocol::fingerprint(*o);
        }
        break;
    case 3:
        if (const auto answer = protocol::parseHeartbeat(body)) {
            if (answer->intervalMs < 0)
                __builtin_trap();
            for (const protocol::HubCommand& c : answer->commands)
                (void)protocol::canonicalJson(c.args);
        }
        break;
    case 4: {
        QString error;
        if (const auto page = protocol::parseDeltaPage(body, &error)) {
            for (const auto& change : page->changes)
                (void)change.license.toJson();
        }
        break;
    }
    case 5:
        if (const auto cases = parseCaseLookup(200, body))
            (void)cases->size();
        break;
    case 6:
    case 7: {
        RelayAnswer answer = parseRelayAnswer(body, data[0] % 8 == 6);
        if (answer.step) {
            const RelayStep& step = answer.step.value();
            if (!step.identity && step.commandApdu.isEmpty())
                __builtin_trap(); // a step must carry either the next command or the identity
            if (step.identity) {
                Identity id = *step.identity;
                id.wipe();
            }
        }
        break;
    }
    }
    return 0;
}
