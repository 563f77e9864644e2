#include "app/assist/AssistChannel.h"

namespace onewindow::assist {

AssistChannel::AssistChannel(std::shared_ptr<sync::HubClient> hub, qint64 timeoutMs)
    : m_hub(std::move(hub)), m_timeoutMs(timeoutMs)
{}

void AssistChannel::send(const sync::protocol::AssistRequest& request, Done done)
{
    if (!m_hub) {
        done(AssistOutcome{AssistOutcome::Kind::Offline, {}, 0});
        return;
    }
    sync::HubRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/assist:request");
    r.body = sync::protocol::assistRequestBody(request);
    // A resident is waiting: a short limit, then the service-desk message.
    r.totalTimeoutMs = m_timeoutMs;
    m_hub->submit(std::move(r),
                  [done = std::move(done)](sync::HubResponse response) { done(classify(response)); });
}

AssistOutcome AssistChannel::classify(const sync::HubResponse& response)
{
    AssistOutcome out;
    out.httpStatus = response.httpStatus;
    if (response.httpStatus == 0) {
        out.kind = AssistOutcome::Kind::Offline;
    } else if (response.httpStatus == 501) {
        out.kind = AssistOutcome::Kind::NotOffered;
    } else if (response.httpStatus == 200) {
        if (auto a = sync::protocol::parseAssistAnswer(response.body)) {
            out.kind = AssistOutcome::Kind::Answered;
            out.answer = *a;
        }
    }
    return out;
}

} // namespace onewindow::assist
