#pragma once

#include "app/sync/HubClient.h"
#include "drivers/nfc/RemoteSamRelay.h"

#include <memory>

namespace onewindow::sync {

// One answer of the hub's remote SAM, parsed from untrusted bytes (the caller wipes them):
// the session id (first step only) and the next command APDU or the decoded identity.
struct RelayAnswer
{
    QString sessionId;
    Expected<RelayStep, RelayError> step;
};
RelayAnswer parseRelayAnswer(const QByteArray& body, bool firstStep);

// "Cloud decoding" through the hub (DESIGN.md §7 POST /v1/eid/sessions, …/apdu;
// docs/sync-protocol.md): an NFC reader without a SAM forwards the card's answers to the hub's
// remote SAM. Called on the NFC worker thread; each exchange is one request on the shared
// HubClient, waited for with the backend's deadline (never on the GUI thread).
// The final answer carries the GA/T 490 text block, decoded here by the same decoder the
// other readers use, so a relayed identity passes the same checks.
class HubSamRelay : public RemoteSamRelay
{
public:
    explicit HubSamRelay(std::shared_ptr<HubClient> client);

    Expected<RelayStep, RelayError> startSession(const CardHello& hello, Clock::time_point deadline) override;
    Expected<RelayStep, RelayError> exchange(const QByteArray& cardAnswer,
                                             Clock::time_point deadline) override;
    void abandonSession() override;

private:
    Expected<RelayStep, RelayError> post(const QString& path, const QJsonObject& body,
                                         Clock::time_point deadline, bool firstStep);

    std::shared_ptr<HubClient> m_client;
    QString m_session;
};

} // namespace onewindow::sync
