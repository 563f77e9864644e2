#include "app/sync/HubSamRelay.h"

#include "drivers/idcard/SecureWipe.h"
#include "drivers/idcard/TextBlock.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow::sync {

namespace {
using Result = Expected<RelayStep, RelayError>;

Result fail(RelayError::Kind kind, const QString& detail)
{
    return Result::failure(RelayError{kind, detail});
}
} // namespace

HubSamRelay::HubSamRelay(std::shared_ptr<HubClient> client) : m_client(std::move(client)) {}

Result HubSamRelay::startSession(const CardHello& hello, Clock::time_point deadline)
{
    m_session.clear();
    const QJsonObject body{{QStringLiteral("atqb"), QString::fromLatin1(hello.atqb.toHex())},
                           {QStringLiteral("chip_serial"), QString::fromLatin1(hello.chipSerial.toHex())}};
    return post(QStringLiteral("/v1/eid/sessions"), body, deadline, true);
}

Result HubSamRelay::exchange(const QByteArray& cardAnswer, Clock::time_point deadline)
{
    if (m_session.isEmpty())
        return fail(RelayError::Kind::ServerError, QStringLiteral("no relay session"));
    const QJsonObject body{{QStringLiteral("response_apdu"), QString::fromLatin1(cardAnswer.toHex())}};
    return post(QStringLiteral("/v1/eid/sessions/%1/apdu").arg(m_session), body, deadline, false);
}

void HubSamRelay::abandonSession()
{
    // The hub forgets idle sessions itself; nothing to wait for here.
    m_session.clear();
}

Result HubSamRelay::post(const QString& path, const QJsonObject& body, Clock::time_point deadline,
                         bool firstStep)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0)
        return fail(RelayError::Kind::OverBudget, QStringLiteral("no time left for the exchange"));
    HubRequest request;
    request.method = "POST";
    request.path = path;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.totalTimeoutMs = left;
    HubResponse response = m_client->perform(std::move(request));

    if (response.httpStatus == 0) {
        const bool late = Clock::now() >= deadline;
        return fail(late ? RelayError::Kind::OverBudget : RelayError::Kind::ServerError,
                    QStringLiteral("relay transport: %1").arg(response.error));
    }
    if (response.httpStatus == 501)
        return fail(RelayError::Kind::Unavailable, QStringLiteral("the hub offers no remote SAM (501)"));
    if (response.httpStatus >= 500 || response.httpStatus == 408 || response.httpStatus == 429)
        return fail(RelayError::Kind::ServerError, QStringLiteral("relay HTTP %1").arg(response.httpStatus));
    if (response.httpStatus >= 400)
        return fail(RelayError::Kind::Rejected, QStringLiteral("relay HTTP %1").arg(response.httpStatus));

    RelayAnswer answer = parseRelayAnswer(response.body, firstStep);
    secureWipe(response.body);
    if (firstStep)
        m_session = answer.sessionId;
    if (answer.step && answer.step->identity)
        m_session.clear();
    return std::move(answer.step);
}

RelayAnswer parseRelayAnswer(const QByteArray& body, bool firstStep)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    RelayAnswer out{{},
                    fail(RelayError::Kind::ServerError, QStringLiteral("relay answer without command_apdu"))};
    if (firstStep) {
        out.sessionId = answer.value(QStringLiteral("session_id")).toString();
        if (out.sessionId.isEmpty()) {
            out.step = fail(RelayError::Kind::ServerError, QStringLiteral("relay answer without session_id"));
            return out;
        }
    }
    RelayStep step;
    if (answer.value(QStringLiteral("done")).toBool()) {
        QByteArray block =
            QByteArray::fromHex(answer.value(QStringLiteral("text_block")).toString().toLatin1());
        auto decoded = decodeTextBlock(block);
        secureWipe(block);
        if (!decoded) {
            out.step = fail(
                RelayError::Kind::Rejected,
                QStringLiteral("relay identity: %1").arg(QLatin1String(textBlockErrorName(decoded.error()))));
            return out;
        }
        step.identity = std::move(decoded).value();
        out.step = std::move(step);
        return out;
    }
    step.commandApdu =
        QByteArray::fromHex(answer.value(QStringLiteral("command_apdu")).toString().toLatin1());
    if (!step.commandApdu.isEmpty())
        out.step = std::move(step);
    return out;
}

} // namespace onewindow::sync
