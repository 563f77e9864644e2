#include "drivers/nfc/RelayedRead.h"

#include "drivers/idcard/SecureWipe.h"
#include "drivers/nfc/IdCardChip.h"

#include <QLoggingCategory>

namespace onewindow {

Q_LOGGING_CATEGORY(lcRelay, "onewindow.reader.nfc.relay")

namespace {

// A full authenticated read is about a dozen APDUs (reference §4.1); a relay that keeps
// asking far beyond that is broken, and the resident must not wait on it.
constexpr int kMaxSteps = 64;

using Result = Expected<Identity, RelayedRead::Failure>;

Result fail(ReadError error, bool deviceLost = false)
{
    return Result::failure(RelayedRead::Failure{error, deviceLost});
}

} // namespace

RelayedRead::RelayedRead(RemoteSamRelay& relay, CardExchange card, std::chrono::milliseconds budget,
                         int serverRetries)
    : m_relay(relay), m_card(std::move(card)), m_budget(budget), m_serverRetries(serverRetries)
{}

Result RelayedRead::run(const CardHello& hello)
{
    for (int attempt = 0;; ++attempt) {
        bool retryable = false;
        Result result = session(hello, &retryable);
        if (result.ok() || !retryable || attempt >= m_serverRetries)
            return result;
        qCInfo(lcRelay) << "relay server error; restarting the session, attempt" << attempt + 2;
    }
}

Expected<RelayStep, RelayedRead::Failure> RelayedRead::timed(
    const std::function<Expected<RelayStep, RelayError>(RemoteSamRelay::Clock::time_point)>& call,
    bool* retryable)
{
    using StepResult = Expected<RelayStep, Failure>;
    const auto started = RemoteSamRelay::Clock::now();
    auto step = call(started + m_budget);
    const auto elapsed = RemoteSamRelay::Clock::now() - started;
    if (elapsed > m_budget) {
        // Late is failed, even with a correct answer: the budget is what the card and the
        // remote SAM's session tolerate (reference §4.4).
        qCWarning(lcRelay) << "relay exchange took"
                           << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()
                           << "ms, budget" << m_budget.count() << "ms";
        if (step.ok() && step.value().identity)
            step.value().identity->wipe();
        return StepResult::failure(Failure{ReadError::Timeout, false});
    }
    if (step.ok())
        return std::move(step).value();
    const RelayError& e = step.error();
    qCWarning(lcRelay) << "relay error" << int(e.kind) << e.detail;
    switch (e.kind) {
    case RelayError::Kind::ServerError:
        *retryable = true;
        return StepResult::failure(Failure{ReadError::ReaderFailure, false});
    case RelayError::Kind::Rejected:
        return StepResult::failure(Failure{ReadError::CardUnreadable, false});
    case RelayError::Kind::OverBudget:
        return StepResult::failure(Failure{ReadError::Timeout, false});
    case RelayError::Kind::Unavailable:
        break;
    }
    return StepResult::failure(Failure{ReadError::ReaderFailure, false});
}

Result RelayedRead::session(const CardHello& hello, bool* retryable)
{
    auto step = timed([&](auto deadline) { return m_relay.startSession(hello, deadline); }, retryable);
    for (int n = 0; n < kMaxSteps; ++n) {
        if (!step.ok()) {
            m_relay.abandonSession();
            return Result::failure(step.error());
        }
        if (step.value().identity) {
            Identity identity = std::move(*step.value().identity);
            identity.chipSerial = hello.chipSerial;
            return identity;
        }
        const QByteArray command = step.value().commandApdu;
        auto answer = m_card(command);
        if (!answer.ok()) {
            m_relay.abandonSession();
            const bool lost = answer.error() == NfcDevice::Fault::DeviceLost;
            return fail(lost ? ReadError::ReaderFailure : ReadError::CardMoved, lost);
        }
        QByteArray cardAnswer = std::move(answer).value(); // sole owner, so the wipe below reaches it
        qCDebug(lcRelay) << "card APDU" << command.size() << "bytes ->" << cardAnswer.size() << "bytes, SW"
                         << idcardchip::statusWord(cardAnswer).constData();
        step = timed([&](auto deadline) { return m_relay.exchange(cardAnswer, deadline); }, retryable);
        secureWipe(cardAnswer);
    }
    qCWarning(lcRelay) << "relay did not finish within" << kMaxSteps << "steps";
    m_relay.abandonSession();
    return fail(ReadError::ReaderFailure);
}

} // namespace onewindow
