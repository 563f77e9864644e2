#pragma once

#include "app/sync/HubClient.h"
#include "app/sync/SyncProtocol.h"

#include <functional>
#include <memory>

namespace onewindow::assist {

// What became of one request at the hub.
struct AssistOutcome
{
    enum class Kind
    {
        Answered,   // 200 with a valid answer
        Offline,    // no HTTP answer at all (hub down, network, TLS)
        NotOffered, // 501: this hub takes no help requests
        Failed,     // any other status, or an answer that does not parse
    };
    Kind kind = Kind::Failed;
    sync::protocol::AssistAnswer answer; // Answered only
    int httpStatus = 0;
};

// POST /v1/assist:request on the shared HubClient (its TLS, its thread). `done` runs on the
// client's thread: hop to your own before touching state.
class AssistChannel
{
public:
    using Done = std::function<void(AssistOutcome)>;

    AssistChannel(std::shared_ptr<sync::HubClient> hub, qint64 timeoutMs);
    bool isConfigured() const { return m_hub != nullptr; }
    void send(const sync::protocol::AssistRequest& request, Done done);
    // The kind for a finished exchange (exposed for the unit test of the mapping).
    static AssistOutcome classify(const sync::HubResponse& response);

private:
    std::shared_ptr<sync::HubClient> m_hub;
    qint64 m_timeoutMs;
};

} // namespace onewindow::assist
