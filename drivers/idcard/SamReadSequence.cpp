#include "drivers/idcard/SamReadSequence.h"

#include "drivers/idcard/SamStatus.h"
#include "drivers/idcard/SecureWipe.h"
#include "drivers/idcard/TextBlock.h"

#include <utility>

namespace onewindow::sam {

namespace {
constexpr int kAppendedAddressSize = 70; // reference §1.4
} // namespace

const char* readFailureKey(ReadFailure f)
{
    switch (f) {
    case ReadFailure::CardMoved:
        return "card_moved";
    case ReadFailure::CardUnreadable:
        return "card_unreadable";
    case ReadFailure::UnsupportedDocument:
        return "unsupported_document";
    case ReadFailure::ReaderFailure:
        return "reader_failure";
    case ReadFailure::Timeout:
        return "timeout";
    }
    return "unknown";
}

const char* statusActionKey(StatusAction a)
{
    switch (a) {
    case StatusAction::Proceed:
        return "proceed";
    case StatusAction::ItemAbsent:
        return "item_absent";
    case StatusAction::KeepPolling:
        return "keep_polling";
    case StatusAction::ReplaceCard:
        return "replace_card";
    case StatusAction::ResetSam:
        return "reset_sam";
    case StatusAction::ResendOnce:
        return "resend_once";
    }
    return "unknown";
}

StatusAction statusAction(std::uint8_t sw3)
{
    switch (samStatusInfo(sw3).cls) {
    case SamStatusClass::Ok:
        return StatusAction::Proceed;
    case SamStatusClass::NotPresent:
        return StatusAction::ItemAbsent;
    case SamStatusClass::NoCard:
        return StatusAction::KeepPolling;
    case SamStatusClass::CardProblem:
        return StatusAction::ReplaceCard;
    case SamStatusClass::SamProblem:
        return StatusAction::ResetSam;
    case SamStatusClass::HostProblem:
    case SamStatusClass::Unknown:
        break;
    }
    // An unknown byte is treated like line noise: one resend, then a reader failure.
    return StatusAction::ResendOnce;
}

ReadFailure statusFailure(std::uint8_t sw3)
{
    switch (static_cast<SamStatus>(sw3)) {
    case SamStatus::ReadFailed:     // 0x41: the card left the field mid-read (§8.2)
    case SamStatus::RandomFailed:   // 0x47: the RF exchange broke off
    case SamStatus::FindCardFailed: // 0x80 / 0x81 during a read: the card moved
    case SamStatus::SelectCardFailed:
        return ReadFailure::CardMoved;
    case SamStatus::UnknownCardType: // 0x40: not a card this SAM knows
        return ReadFailure::UnsupportedDocument;
    case SamStatus::HostTimeout:
        return ReadFailure::Timeout;
    default:
        break;
    }
    const SamStatusClass cls = samStatusInfo(sw3).cls;
    if (cls == SamStatusClass::CardProblem || cls == SamStatusClass::NotPresent)
        return ReadFailure::CardUnreadable;
    return ReadFailure::ReaderFailure;
}

const char* eventKindKey(Event::Kind k)
{
    switch (k) {
    case Event::Kind::SamReady:
        return "sam_ready";
    case Event::Kind::SamAlarm:
        return "sam_alarm";
    case Event::Kind::SamFault:
        return "sam_fault";
    case Event::Kind::CardPresent:
        return "card_present";
    case Event::Kind::CardRead:
        return "card_read";
    case Event::Kind::ReadFailed:
        return "read_failed";
    case Event::Kind::CardRemoved:
        return "card_removed";
    }
    return "unknown";
}

void ReadResult::wipe()
{
    secureWipe(text);
    secureWipe(photo);
    secureWipe(appendedAddress);
}

const char* SamReadSequence::phaseName(Phase p)
{
    switch (p) {
    case Phase::Stopped:
        return "stopped";
    case Phase::StartupStatus:
        return "startup_status";
    case Phase::Reset:
        return "reset";
    case Phase::SamId:
        return "sam_id";
    case Phase::Find:
        return "find";
    case Phase::IdleStatus:
        return "idle_status";
    case Phase::Select:
        return "select";
    case Phase::Read:
        return "read";
    case Phase::ReadAppended:
        return "read_appended";
    }
    return "unknown";
}

SamReadSequence::SamReadSequence(SequenceTimings timings) : m_timings(timings) {}

SamReadSequence::~SamReadSequence()
{
    m_card.partial.wipe();
}

Step SamReadSequence::start(qint64 nowMs)
{
    m_card.partial.wipe();
    m_card = CardState{};
    m_resets = 0;
    m_faults = 0;
    m_lastStatusMs = nowMs;
    return issue(Phase::StartupStatus, Command::SamStatus, 0, m_timings.statusTimeoutMs, true);
}

Step SamReadSequence::issue(Phase phase, Command command, int delayMs, int timeoutMs, bool resync)
{
    m_phase = phase;
    m_resent = false;
    m_last = Request{command, delayMs, timeoutMs, resync};
    return Step{m_last, {}};
}

Step SamReadSequence::nextProbe(qint64 nowMs, int delayMs, bool resync)
{
    // The periodic status check waits while a card is being read: it would only delay it.
    const bool reading = m_card.known && !m_card.done;
    if (!reading && nowMs + delayMs - m_lastStatusMs >= m_timings.statusCheckIntervalMs) {
        m_lastStatusMs = nowMs + delayMs;
        return issue(Phase::IdleStatus, Command::SamStatus, delayMs, m_timings.statusTimeoutMs, resync);
    }
    return issue(Phase::Find, Command::FindCard, delayMs, m_timings.findTimeoutMs, resync);
}

Step SamReadSequence::resendOr(qint64 nowMs, Step (SamReadSequence::*orElse)(qint64))
{
    if (m_resent)
        return (this->*orElse)(nowMs);
    m_resent = true;
    Request again = m_last;
    again.delayMs = 0;
    again.resync = true;
    return Step{again, {}};
}

// The current command failed twice (host-side trouble): move on without it.
Step SamReadSequence::giveUpCommand(qint64 nowMs)
{
    switch (m_phase) {
    case Phase::StartupStatus:
    case Phase::Reset:
        return fault();
    case Phase::SamId: {
        // The SAM ID is for the audit log only; the SAM itself answered its status.
        Response none;
        none.sw3 = 0x24;
        return onSamId(none, nowMs);
    }
    case Phase::Find:
    case Phase::IdleStatus:
        return nextProbe(nowMs, m_timings.pollIntervalMs, true);
    case Phase::Select:
    case Phase::Read:
    case Phase::ReadAppended:
        // statusFailure(0) is ReaderFailure: a corrupt frame or silence had no status byte.
        return failAttempt(statusFailure(m_lastProblem), m_lastProblem, nowMs);
    case Phase::Stopped:
        break;
    }
    return {};
}

Step SamReadSequence::samProblem(std::uint8_t sw3, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    QList<Event> events;
    Event alarm;
    alarm.kind = Event::Kind::SamAlarm;
    alarm.sw3 = sw3;
    events.append(alarm);
    if (m_card.known && !m_card.done) {
        Event failed;
        failed.kind = Event::Kind::ReadFailed;
        failed.failure = ReadFailure::ReaderFailure;
        failed.sw3 = sw3;
        events.append(failed);
        m_card.done = true;
        m_card.partial.wipe();
    }
    if (++m_resets > m_timings.maxResets) {
        Step step = fault();
        step.events = events + step.events;
        return step;
    }
    Step step = issue(Phase::Reset, Command::ResetSam, 0, m_timings.resetTimeoutMs, true);
    step.events = events;
    return step;
}

Step SamReadSequence::fault()
{
    Step step;
    endCard(step.events, true);
    Event e;
    e.kind = Event::Kind::SamFault;
    step.events.append(e);
    m_phase = Phase::Stopped;
    return step;
}

void SamReadSequence::endCard(QList<Event>& events, bool reportUnfinished)
{
    if (!m_card.known)
        return;
    if (!m_card.done && reportUnfinished) {
        Event failed;
        failed.kind = Event::Kind::ReadFailed;
        failed.failure = ReadFailure::ReaderFailure;
        events.append(failed);
    }
    Event removed;
    removed.kind = Event::Kind::CardRemoved;
    events.append(removed);
    m_card.partial.wipe();
    m_card = CardState{};
}

Step SamReadSequence::failAttempt(ReadFailure failure, std::uint8_t sw3, qint64 nowMs)
{
    m_card.partial.wipe();
    if (!m_card.known || m_card.done)
        return nextProbe(nowMs, m_timings.pollIntervalMs, true);
    if (++m_card.failedAttempts < m_timings.maxReadAttempts)
        return issue(Phase::Find, Command::FindCard, m_timings.retryDelayMs, m_timings.findTimeoutMs, true);
    m_card.done = true;
    Event failed;
    failed.kind = Event::Kind::ReadFailed;
    failed.failure = failure;
    failed.sw3 = sw3;
    Step step = nextProbe(nowMs, m_timings.pollIntervalMs, true);
    step.events.append(failed);
    return step;
}

Step SamReadSequence::cardFound(qint64 nowMs)
{
    if (!m_card.known) {
        m_card = CardState{};
        m_card.known = true;
        Step step = issue(Phase::Select, Command::SelectCard, 0, m_timings.selectTimeoutMs);
        Event present;
        present.kind = Event::Kind::CardPresent;
        step.events.append(present);
        return step;
    }
    if (!m_card.done)
        return issue(Phase::Select, Command::SelectCard, 0, m_timings.selectTimeoutMs);
    return cardSeen(nowMs);
}

Step SamReadSequence::cardSeen(qint64 nowMs)
{
    m_card.absentCount = 0;
    return nextProbe(nowMs, m_timings.pollIntervalMs);
}

Step SamReadSequence::cardAbsent(qint64 nowMs, std::uint8_t sw3)
{
    if (m_card.absentCount == 0)
        m_card.firstAbsentMs = nowMs;
    ++m_card.absentCount;
    if (m_card.absentCount >= m_timings.removalObservations &&
        nowMs - m_card.firstAbsentMs >= m_timings.removalMinSpanMs) {
        QList<Event> events;
        endCard(events, false);
        Step step = nextProbe(nowMs, m_timings.pollIntervalMs);
        step.events = events;
        return step;
    }
    if (!m_card.done)
        return failAttempt(ReadFailure::CardMoved, sw3, nowMs);
    return nextProbe(nowMs, m_timings.pollIntervalMs);
}

Step SamReadSequence::finishRead(QByteArray appended, qint64 nowMs)
{
    Event read;
    read.kind = Event::Kind::CardRead;
    read.result = std::exchange(m_card.partial, ReadResult{});
    read.result.appendedAddress = std::move(appended);
    m_card.done = true;
    m_card.absentCount = 0;
    Step step = nextProbe(nowMs, m_timings.pollIntervalMs);
    step.events.append(std::move(read));
    return step;
}

Step SamReadSequence::onResponse(const Response& r, qint64 nowMs)
{
    if (m_phase == Phase::Stopped)
        return {};
    if (m_phase == Phase::Reset) // whatever it says, give the SAM time to come back
        return issue(Phase::StartupStatus, Command::SamStatus, m_timings.resetSettleMs,
                     m_timings.statusTimeoutMs, true);
    const StatusAction action = statusAction(r.sw3);
    if (action == StatusAction::ResendOnce) {
        m_lastProblem = r.sw3;
        if (++m_faults >= m_timings.maxConsecutiveFaults)
            return fault();
        return resendOr(nowMs, &SamReadSequence::giveUpCommand);
    }
    m_faults = 0;
    if (action == StatusAction::ResetSam)
        return samProblem(r.sw3, nowMs);
    switch (m_phase) {
    case Phase::StartupStatus:
        return onStartupStatus(r, nowMs);
    case Phase::SamId:
        return onSamId(r, nowMs);
    case Phase::Find:
        return onFind(r, nowMs);
    case Phase::IdleStatus:
        return onIdleStatus(r, nowMs);
    case Phase::Select:
        return onSelect(r, nowMs);
    case Phase::Read:
        return onRead(r, nowMs);
    case Phase::ReadAppended:
        return onAppended(r, nowMs);
    case Phase::Stopped:
    case Phase::Reset:
        break;
    }
    return {};
}

Step SamReadSequence::onTimeout(qint64 nowMs)
{
    if (m_phase == Phase::Stopped)
        return {};
    if (++m_faults >= m_timings.maxConsecutiveFaults)
        return fault();
    m_lastProblem = 0;
    switch (m_phase) {
    case Phase::Reset: // a SAM may not answer its reset at all
        return issue(Phase::StartupStatus, Command::SamStatus, m_timings.resetSettleMs,
                     m_timings.statusTimeoutMs, true);
    case Phase::StartupStatus:
    case Phase::SamId:
    case Phase::IdleStatus:
        return resendOr(nowMs, &SamReadSequence::giveUpCommand);
    case Phase::Find: // the next poll is the resend; a silent find says nothing about a card
        return nextProbe(nowMs, m_timings.pollIntervalMs, true);
    case Phase::Select:
    case Phase::Read:
    case Phase::ReadAppended:
        return failAttempt(ReadFailure::Timeout, 0, nowMs);
    case Phase::Stopped:
        break;
    }
    return {};
}

Step SamReadSequence::onCorruptFrame(qint64 nowMs)
{
    if (m_phase == Phase::Stopped)
        return {};
    if (++m_faults >= m_timings.maxConsecutiveFaults)
        return fault();
    m_lastProblem = 0;
    if (m_phase == Phase::Reset)
        return onTimeout(nowMs);
    return resendOr(nowMs, &SamReadSequence::giveUpCommand);
}

Step SamReadSequence::onPortLost()
{
    Step step;
    endCard(step.events, true);
    m_phase = Phase::Stopped;
    return step;
}

Step SamReadSequence::onStartupStatus(const Response& r, qint64 nowMs)
{
    if (statusAction(r.sw3) == StatusAction::Proceed)
        return issue(Phase::SamId, Command::SamId, 0, m_timings.statusTimeoutMs);
    // Alive but nonsensical (e.g. "no card" to a status): once more, then give up.
    return resendOr(nowMs, &SamReadSequence::giveUpCommand);
}

Step SamReadSequence::onSamId(const Response& r, qint64 nowMs)
{
    Event ready;
    ready.kind = Event::Kind::SamReady;
    if (statusAction(r.sw3) == StatusAction::Proceed)
        ready.samId = r.data;
    m_resets = 0;
    m_lastStatusMs = nowMs;
    Step step = nextProbe(nowMs, 0);
    step.events.append(ready);
    return step;
}

Step SamReadSequence::onFind(const Response& r, qint64 nowMs)
{
    if (statusAction(r.sw3) == StatusAction::Proceed)
        return cardFound(nowMs);
    // No card found. Without a known card that is the idle answer; with one it proves nothing
    // (see the header), so ask select whether the card is still there.
    if (!m_card.known)
        return nextProbe(nowMs, m_timings.pollIntervalMs);
    return issue(Phase::Select, Command::SelectCard, 0, m_timings.selectTimeoutMs);
}

Step SamReadSequence::onIdleStatus(const Response& r, qint64 nowMs)
{
    if (statusAction(r.sw3) == StatusAction::Proceed)
        return issue(Phase::Find, Command::FindCard, 0, m_timings.findTimeoutMs);
    return resendOr(nowMs, &SamReadSequence::giveUpCommand);
}

Step SamReadSequence::onSelect(const Response& r, qint64 nowMs)
{
    switch (statusAction(r.sw3)) {
    case StatusAction::Proceed:
        m_card.known = true;
        m_card.absentCount = 0;
        if (!m_card.done)
            return issue(Phase::Read, Command::ReadTextPhoto, 0, m_timings.readTimeoutMs);
        return nextProbe(nowMs, m_timings.pollIntervalMs);
    case StatusAction::KeepPolling:
        return cardAbsent(nowMs, r.sw3);
    default:
        return failAttempt(statusFailure(r.sw3), r.sw3, nowMs);
    }
}

Step SamReadSequence::onRead(const Response& r, qint64 nowMs)
{
    if (statusAction(r.sw3) != StatusAction::Proceed)
        return failAttempt(statusFailure(r.sw3), r.sw3, nowMs);
    auto payload = splitReadPayload(r.data, false);
    if (!payload || payload->text.size() != kTextBlockSize) {
        if (payload) {
            ReadPayload p = std::move(payload).value();
            secureWipe(p.text);
            secureWipe(p.photo);
        }
        return failAttempt(ReadFailure::CardUnreadable, r.sw3, nowMs);
    }
    ReadPayload p = std::move(payload).value();
    m_card.partial.text = std::move(p.text);
    m_card.partial.photo = std::move(p.photo);
    return issue(Phase::ReadAppended, Command::ReadAppendedAddress, 0, m_timings.appendedTimeoutMs);
}

Step SamReadSequence::onAppended(const Response& r, qint64 nowMs)
{
    switch (statusAction(r.sw3)) {
    case StatusAction::Proceed:
        return finishRead(r.data.left(kAppendedAddressSize), nowMs);
    case StatusAction::ItemAbsent:
        return finishRead({}, nowMs);
    default:
        // The address shown must be the current one: an unreadable appended address fails
        // the attempt rather than silently showing the address printed on the card.
        return failAttempt(statusFailure(r.sw3), r.sw3, nowMs);
    }
}

} // namespace onewindow::sam
