#pragma once

#include "drivers/idcard/SamFrame.h"

#include <QByteArray>
#include <QList>
#include <cstdint>
#include <optional>

namespace onewindow::sam {

// The GA/T 467 read flow (reference/idcard.md §8.1) as a state machine with no I/O. The owner
// sends the requested command frame, waits for one answer (or the timeout) and feeds it back;
// every call returns the next request and what happened. Time comes in as a monotonic
// millisecond clock so the removal rule is testable without sleeping.
//
// Start-up: SAM status (11 FF); a SAM problem (0x60 …) → reset (10 FF), settle, status again,
// at most maxResets times; then SAM ID (12 FF), a non-personal identifier for the audit log.
// Idle: find (20 01) every pollIntervalMs; a SAM status every statusCheckIntervalMs notices a
// reader that stopped answering.
// Card: find 0x9F → CardPresent → select (20 02) → read (30 01) → appended address (30 03,
// 0x91 = none) → CardRead. A failed attempt (card moved, timeout, corrupt answer …) is
// retried after retryDelayMs; after maxReadAttempts one ReadFailed, and no more reads until
// the card has left.
//
// "Same card still on the reader": after a read a SAM answers find with 0x80 while the card
// stays (reference §8.1 step 8), so a failing find proves nothing. While a card is known, every
// probe is find, and when find fails, select: the card counts as present when either answers
// success, and as absent when select fails too. Removal is established by
// removalObservations consecutive absent probes spread over at least removalMinSpanMs; only
// then CardRemoved, and only a card found after that is read. A find timeout is no evidence
// either way. Limits: a different card put down within that window is taken for the first one
// (the resident lifts and places it again); a SAM that fails select on a card still lying there
// reports a removal after ~1 s, but never reads that card twice.
struct SequenceTimings
{
    int pollIntervalMs = 300; // §8.1: find every 200–500 ms
    int findTimeoutMs = 200;  // §8.1: 100–300 ms
    int selectTimeoutMs = 300;
    int readTimeoutMs = 2000;     // 30 01
    int appendedTimeoutMs = 1500; // 30 03
    int statusTimeoutMs = 500;    // 11 FF and 12 FF
    int resetTimeoutMs = 1000;    // 10 FF
    int resetSettleMs = 500;      // after a reset, before asking the status again
    int statusCheckIntervalMs = 3000;
    int retryDelayMs = 300; // before another attempt on the same card
    int removalObservations = 3;
    int removalMinSpanMs = 1000;
    int maxReadAttempts = 3;      // §8.2: retry ≤ 2–3 times
    int maxResets = 2;            // resets in a row before the SAM is declared broken
    int maxConsecutiveFaults = 3; // timeouts / host-side errors in a row → SamFault
};

// Why a read attempt failed. Mirrors onewindow::ReadError (drivers/reader), which this
// folder may not include (dependencies point down); drivers/serial maps it one to one.
enum class ReadFailure
{
    CardMoved,
    CardUnreadable,
    UnsupportedDocument,
    ReaderFailure,
    Timeout
};
const char* readFailureKey(ReadFailure f); // "card_moved", … (the ReadError keys)

// What the kiosk does about one SW3 answer (reference §8.2).
enum class StatusAction
{
    Proceed,     // 0x90, 0x9F
    ItemAbsent,  // 0x91: an optional item is missing; not an error
    KeepPolling, // 0x80, 0x81: no card (during a read: the card moved)
    ReplaceCard, // the card failed: discard, retry, then ask the resident to place it again
    ResetSam,    // the SAM failed: reset it and raise an operations alarm
    ResendOnce,  // host framing / transport / unknown code: drop input, resend once
};
const char* statusActionKey(StatusAction a);
StatusAction statusAction(std::uint8_t sw3);
// The failure a status means when it ends a read (meaningful for every action but Proceed).
ReadFailure statusFailure(std::uint8_t sw3);

// The payload of a finished read. The receiver wipes it (wipe()).
struct ReadResult
{
    QByteArray text;            // 256 bytes, GA/T 490
    QByteArray photo;           // 1024 bytes WLT
    QByteArray appendedAddress; // 70 bytes UTF-16LE, empty when the card has none
    void wipe();
};

struct Request
{
    Command command = Command::SamStatus;
    int delayMs = 0;     // wait this long before sending
    int timeoutMs = 0;   // then wait this long for the answer
    bool resync = false; // drop buffered input first (after garbage, a timeout, a resend)
    QByteArray frame() const { return encodeCommand(command); }
};

struct Event
{
    enum class Kind
    {
        SamReady,    // start-up done; samId holds the 12 FF data (may be empty)
        SamAlarm,    // the SAM reported a problem (sw3); a reset follows
        SamFault,    // the SAM does not work (no answers, resets exhausted): the owner
                     // closes the port and starts again later; the sequence has stopped
        CardPresent, // a card was found
        CardRead,    // result holds the data
        ReadFailed,  // failure (sw3 = the status, 0 for a timeout or corrupt frame)
        CardRemoved, // removal established (see above)
    };
    Kind kind = Kind::SamReady;
    ReadFailure failure = ReadFailure::ReaderFailure;
    std::uint8_t sw3 = 0;
    QByteArray samId;
    ReadResult result;
};
const char* eventKindKey(Event::Kind k);

struct Step
{
    std::optional<Request> request; // nullopt only when stopped
    QList<Event> events;
};

class SamReadSequence
{
public:
    enum class Phase
    {
        Stopped,
        StartupStatus,
        Reset,
        SamId,
        Find,
        IdleStatus,
        Select,
        Read,
        ReadAppended
    };
    static const char* phaseName(Phase p);

    explicit SamReadSequence(SequenceTimings timings = {});
    ~SamReadSequence();
    SamReadSequence(const SamReadSequence&) = delete;
    SamReadSequence& operator=(const SamReadSequence&) = delete;

    // (Re)starts at the SAM status check; forgets any card.
    Step start(qint64 nowMs);
    // The answer to the outstanding request.
    Step onResponse(const Response& response, qint64 nowMs);
    // No complete answer within the request's timeout.
    Step onTimeout(qint64 nowMs);
    // An answer arrived but was corrupt (bad checksum or length): resend once.
    Step onCorruptFrame(qint64 nowMs);
    // The port is gone: ends a read in progress and the card (CardRemoved); stops.
    Step onPortLost();

    Phase phase() const { return m_phase; }
    bool cardKnown() const { return m_card.known; }
    const SequenceTimings& timings() const { return m_timings; }

private:
    struct CardState
    {
        bool known = false; // a card was found and its removal not yet established
        bool done = false;  // read, or finally failed: do not read again
        int failedAttempts = 0;
        int absentCount = 0;
        qint64 firstAbsentMs = 0;
        ReadResult partial; // text+photo while the appended address is read
    };

    Step issue(Phase phase, Command command, int delayMs, int timeoutMs, bool resync = false);
    Step nextProbe(qint64 nowMs, int delayMs, bool resync = false);
    Step resendOr(qint64 nowMs, Step (SamReadSequence::*orElse)(qint64));
    Step giveUpCommand(qint64 nowMs);
    Step samProblem(std::uint8_t sw3, qint64 nowMs);
    Step fault();
    Step failAttempt(ReadFailure failure, std::uint8_t sw3, qint64 nowMs);
    Step cardFound(qint64 nowMs);
    Step cardSeen(qint64 nowMs);
    Step cardAbsent(qint64 nowMs, std::uint8_t sw3);
    Step finishRead(QByteArray appended, qint64 nowMs);
    void endCard(QList<Event>& events, bool reportUnfinished);

    Step onStartupStatus(const Response& r, qint64 nowMs);
    Step onSamId(const Response& r, qint64 nowMs);
    Step onFind(const Response& r, qint64 nowMs);
    Step onIdleStatus(const Response& r, qint64 nowMs);
    Step onSelect(const Response& r, qint64 nowMs);
    Step onRead(const Response& r, qint64 nowMs);
    Step onAppended(const Response& r, qint64 nowMs);

    SequenceTimings m_timings;
    Phase m_phase = Phase::Stopped;
    Request m_last;
    bool m_resent = false;
    std::uint8_t m_lastProblem = 0; // SW3 of the last host-side answer (0: timeout, corrupt)
    int m_resets = 0;
    int m_faults = 0;
    qint64 m_lastStatusMs = 0;
    CardState m_card;
};

} // namespace onewindow::sam
