// SamReadSequence: the GA/T 467 read flow as a pure state machine. Table-driven: every SW3 of
// reference/idcard.md §1.5 (and unknown bytes) in every phase, plus the timing rules (polling,
// status checks, removal) driven by a fake clock — the sequence takes time as an argument.
#include "drivers/idcard/SamReadSequence.h"
#include "drivers/idcard/SamStatus.h"

#include <QTest>

using namespace onewindow;
using namespace onewindow::sam;

namespace {

using Kind = Event::Kind;
using Phase = SamReadSequence::Phase;

// reference/idcard.md §1.5 and §8.2, transcribed independently of the implementation:
// code → what the kiosk does, and the resident's error when the status ends a read.
struct Expectation
{
    int code;
    StatusAction action;
    ReadFailure failure;
};
const Expectation kExpected[] = {
    {0x90, StatusAction::Proceed, ReadFailure::ReaderFailure},
    {0x91, StatusAction::ItemAbsent, ReadFailure::CardUnreadable},
    {0x9F, StatusAction::Proceed, ReadFailure::ReaderFailure},
    {0x01, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
    {0x02, StatusAction::ResendOnce, ReadFailure::Timeout},
    {0x03, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
    {0x05, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
    {0x09, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
    {0x10, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
    {0x11, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
    {0x21, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
    {0x23, StatusAction::ResetSam, ReadFailure::ReaderFailure},
    {0x24, StatusAction::ResetSam, ReadFailure::ReaderFailure},
    {0x31, StatusAction::ReplaceCard, ReadFailure::CardUnreadable},
    {0x32, StatusAction::ReplaceCard, ReadFailure::CardUnreadable},
    {0x33, StatusAction::ReplaceCard, ReadFailure::CardUnreadable},
    {0x37, StatusAction::ReplaceCard, ReadFailure::CardUnreadable},
    {0x3F, StatusAction::ReplaceCard, ReadFailure::CardUnreadable},
    {0x40, StatusAction::ReplaceCard, ReadFailure::UnsupportedDocument},
    {0x41, StatusAction::ReplaceCard, ReadFailure::CardMoved},
    {0x47, StatusAction::ReplaceCard, ReadFailure::CardMoved},
    {0x60, StatusAction::ResetSam, ReadFailure::ReaderFailure},
    {0x66, StatusAction::ResetSam, ReadFailure::ReaderFailure},
    {0x80, StatusAction::KeepPolling, ReadFailure::CardMoved},
    {0x81, StatusAction::KeepPolling, ReadFailure::CardMoved},
    // Not in the table: treated as line noise.
    {0x00, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
    {0x42, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
    {0xFF, StatusAction::ResendOnce, ReadFailure::ReaderFailure},
};

const Expectation& expectationFor(int code)
{
    for (const Expectation& e : kExpected) {
        if (e.code == code)
            return e;
    }
    qFatal("no expectation for code %d", code);
}

QByteArray text256()
{
    QByteArray t(256, ' ');
    t[0] = 'T';
    return t;
}
QByteArray photo1024()
{
    QByteArray p(1024, '\0');
    for (int i = 0; i < p.size(); ++i)
        p[i] = char(i * 7 + 3);
    return p;
}
QByteArray readPayload(int textLen = 256, int photoLen = 1024)
{
    QByteArray d;
    d.append(char(textLen >> 8)).append(char(textLen & 0xFF));
    d.append(char(photoLen >> 8)).append(char(photoLen & 0xFF));
    d.append(text256().left(textLen));
    if (textLen > 256)
        d.append(QByteArray(textLen - 256, ' '));
    d.append(photo1024().left(photoLen));
    return d;
}

QList<Kind> kinds(const Step& s)
{
    QList<Kind> k;
    for (const Event& e : s.events)
        k.append(e.kind);
    return k;
}

// Drives a sequence with a fake clock.
struct Harness
{
    SequenceTimings t;
    SamReadSequence seq;
    qint64 now = 0;

    Harness() : seq(t) {}

    Step answer(int sw3, const QByteArray& data = {})
    {
        Response r;
        r.sw3 = std::uint8_t(sw3);
        r.data = data;
        return seq.onResponse(r, now);
    }
    Step toPolling()
    {
        seq.start(now);
        answer(0x90);
        return answer(0x90, QByteArray(16, '\1')); // SAM ID → SamReady, first find
    }
    Step toSelect()
    {
        toPolling();
        return answer(0x9F, QByteArray(4, '\0'));
    }
    Step toRead()
    {
        toSelect();
        return answer(0x90, QByteArray(8, '\0'));
    }
    Step toAppended()
    {
        toRead();
        return answer(0x90, readPayload());
    }
    Step toHeld()
    {
        toAppended();
        return answer(0x91);
    }
    Step toIdleStatus()
    {
        toPolling();
        now += t.statusCheckIntervalMs;
        return answer(0x80);
    }
};

} // namespace

class TstSamReadSequence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusTable_data();
    void statusTable();
    void everyCodeInEveryPhase_data();
    void everyCodeInEveryPhase();
    void finalFailurePerCode_data();
    void finalFailurePerCode();
    void commandFramesAndTimeouts();
    void startupHappyPath();
    void startupResetsThenFault();
    void startupSilentSamFaults();
    void samIdIsOptional();
    void idlePollingAndPeriodicStatus();
    void silentSamWhilePollingFaults();
    void fullRead();
    void wrongPayloadSizesAreUnreadable_data();
    void wrongPayloadSizesAreUnreadable();
    void sameCardStaysNoReread_data();
    void sameCardStaysNoReread();
    void removalNeedsObservationsOverTime();
    void findTimeoutIsNoEvidence();
    void newCardAfterRemovalIsRead();
    void cardPulledMidRead();
    void retryThenSuccess();
    void hostProblemResendsOnceThenGivesUp();
    void corruptFrameResendsOnce();
    void timeoutsFailWithTimeout();
    void samProblemMidReadResetsAndKeepsCard();
    void portLostEndsCard();
    void stoppedIgnoresInput();
};

void TstSamReadSequence::statusTable_data()
{
    QTest::addColumn<int>("code");
    for (const Expectation& e : kExpected)
        QTest::addRow("0x%02X", e.code) << e.code;
}

void TstSamReadSequence::statusTable()
{
    QFETCH(int, code);
    const Expectation& e = expectationFor(code);
    QCOMPARE(statusAction(std::uint8_t(code)), e.action);
    if (e.action != StatusAction::Proceed)
        QCOMPARE(statusFailure(std::uint8_t(code)), e.failure);
}

void TstSamReadSequence::everyCodeInEveryPhase_data()
{
    QTest::addColumn<int>("phase");
    QTest::addColumn<int>("code");
    const Phase phases[] = {Phase::StartupStatus, Phase::SamId, Phase::Find,        Phase::IdleStatus,
                            Phase::Select,        Phase::Read,  Phase::ReadAppended};
    for (Phase p : phases) {
        for (const Expectation& e : kExpected)
            QTest::addRow("%s/0x%02X", SamReadSequence::phaseName(p), e.code) << int(p) << e.code;
    }
}

// For one answer in one phase: the next command, its delay, and the events.
void TstSamReadSequence::everyCodeInEveryPhase()
{
    QFETCH(int, phase);
    QFETCH(int, code);
    Harness h;
    const SequenceTimings& t = h.t;
    switch (Phase(phase)) {
    case Phase::StartupStatus:
        h.seq.start(0);
        break;
    case Phase::SamId:
        h.seq.start(0);
        h.answer(0x90);
        break;
    case Phase::Find:
        h.toPolling();
        break;
    case Phase::IdleStatus:
        h.toIdleStatus();
        break;
    case Phase::Select:
        h.toSelect();
        break;
    case Phase::Read:
        h.toRead();
        break;
    case Phase::ReadAppended:
        h.toAppended();
        break;
    default:
        QFAIL("phase");
    }
    QCOMPARE(int(h.seq.phase()), phase);

    const StatusAction action = expectationFor(code).action;
    const Step s = h.answer(code);
    QVERIFY(s.request.has_value());
    const Command resent = [&] {
        switch (Phase(phase)) {
        case Phase::StartupStatus:
        case Phase::IdleStatus:
            return Command::SamStatus;
        case Phase::SamId:
            return Command::SamId;
        case Phase::Find:
            return Command::FindCard;
        case Phase::Select:
            return Command::SelectCard;
        case Phase::Read:
            return Command::ReadTextPhoto;
        default:
            return Command::ReadAppendedAddress;
        }
    }();
    const bool cardInRead = phase >= int(Phase::Select);

    if (action == StatusAction::ResendOnce) {
        QCOMPARE(s.request->command, resent);
        QCOMPARE(s.request->delayMs, 0);
        QVERIFY(s.request->resync);
        QVERIFY(s.events.isEmpty());
        return;
    }
    if (action == StatusAction::ResetSam) {
        QCOMPARE(s.request->command, Command::ResetSam);
        QList<Kind> expected{Kind::SamAlarm};
        if (cardInRead)
            expected.append(Kind::ReadFailed);
        QCOMPARE(kinds(s), expected);
        QCOMPARE(s.events.first().sw3, std::uint8_t(code));
        if (cardInRead)
            QCOMPARE(s.events.last().failure, ReadFailure::ReaderFailure);
        return;
    }
    const bool ok = action == StatusAction::Proceed;
    switch (Phase(phase)) {
    case Phase::StartupStatus: // only success moves on; anything else is asked once more
        QCOMPARE(s.request->command, ok ? Command::SamId : Command::SamStatus);
        QVERIFY(s.events.isEmpty());
        break;
    case Phase::SamId: // the SAM ID is optional: any answer finishes start-up
        QCOMPARE(s.request->command, Command::FindCard);
        QCOMPARE(kinds(s), QList<Kind>{Kind::SamReady});
        break;
    case Phase::Find:
        if (ok) {
            QCOMPARE(s.request->command, Command::SelectCard);
            QCOMPARE(kinds(s), QList<Kind>{Kind::CardPresent});
        } else {
            QCOMPARE(s.request->command, Command::FindCard);
            QCOMPARE(s.request->delayMs, t.pollIntervalMs);
            QVERIFY(s.events.isEmpty());
        }
        break;
    case Phase::IdleStatus:
        QCOMPARE(s.request->command, ok ? Command::FindCard : Command::SamStatus);
        QVERIFY(s.events.isEmpty());
        break;
    case Phase::Select:
        if (ok) {
            QCOMPARE(s.request->command, Command::ReadTextPhoto);
        } else { // a failed attempt: retry after a pause
            QCOMPARE(s.request->command, Command::FindCard);
            QCOMPARE(s.request->delayMs, t.retryDelayMs);
        }
        QVERIFY(s.events.isEmpty());
        break;
    case Phase::Read: // no payload even on success → unreadable → retry
        QCOMPARE(s.request->command, Command::FindCard);
        QCOMPARE(s.request->delayMs, t.retryDelayMs);
        QVERIFY(s.events.isEmpty());
        break;
    case Phase::ReadAppended:
        if (ok || action == StatusAction::ItemAbsent) {
            QCOMPARE(kinds(s), QList<Kind>{Kind::CardRead});
            QCOMPARE(s.request->command, Command::FindCard);
            QCOMPARE(s.request->delayMs, t.pollIntervalMs);
        } else {
            QVERIFY(s.events.isEmpty());
            QCOMPARE(s.request->command, Command::FindCard);
            QCOMPARE(s.request->delayMs, t.retryDelayMs);
        }
        break;
    default:
        QFAIL("phase");
    }
}

void TstSamReadSequence::finalFailurePerCode_data()
{
    QTest::addColumn<int>("code");
    for (const Expectation& e : kExpected) {
        if (e.action != StatusAction::Proceed && e.action != StatusAction::ResetSam)
            QTest::addRow("0x%02X", e.code) << e.code;
    }
}

// A card that answers the read with the same status every time: exactly one ReadFailed with
// the resident's error after maxReadAttempts (host-side codes: each attempt resent once), then
// no more reads.
void TstSamReadSequence::finalFailurePerCode()
{
    QFETCH(int, code);
    Harness h;
    h.toRead();
    Step s;
    const bool resend = expectationFor(code).action == StatusAction::ResendOnce;
    for (int attempt = 1; attempt <= h.t.maxReadAttempts; ++attempt) {
        s = h.answer(code);
        if (resend) { // host-side: sent twice per attempt
            QCOMPARE(s.request->command, Command::ReadTextPhoto);
            s = h.answer(code);
        }
        if (attempt < h.t.maxReadAttempts) {
            QVERIFY2(s.events.isEmpty(), "only the last attempt reports");
            QCOMPARE(s.request->command, Command::FindCard);
            h.now += s.request->delayMs;
            QCOMPARE(h.answer(0x9F).request->command, Command::SelectCard);
            QCOMPARE(h.answer(0x90).request->command, Command::ReadTextPhoto);
        }
    }
    QCOMPARE(kinds(s), QList<Kind>{Kind::ReadFailed});
    QCOMPARE(s.events.first().failure, expectationFor(code).failure);
    QCOMPARE(s.events.first().sw3, std::uint8_t(code));
    // The card is still there: probes continue, no new read.
    h.now += s.request->delayMs;
    s = h.answer(0x9F);
    QVERIFY(s.events.isEmpty());
    QCOMPARE(s.request->command, Command::FindCard);
}

void TstSamReadSequence::commandFramesAndTimeouts()
{
    // reference/idcard.md §1.3 ready-made frames.
    auto frameOf = [](Command c) {
        return Request{c, 0, 0, false}.frame().toHex(' ').toUpper();
    };
    QCOMPARE(frameOf(Command::SamStatus), QByteArray("AA AA AA 96 69 00 03 11 FF ED"));
    QCOMPARE(frameOf(Command::ResetSam), QByteArray("AA AA AA 96 69 00 03 10 FF EC"));
    QCOMPARE(frameOf(Command::SamId), QByteArray("AA AA AA 96 69 00 03 12 FF EE"));
    QCOMPARE(frameOf(Command::FindCard), QByteArray("AA AA AA 96 69 00 03 20 01 22"));
    QCOMPARE(frameOf(Command::SelectCard), QByteArray("AA AA AA 96 69 00 03 20 02 21"));
    QCOMPARE(frameOf(Command::ReadTextPhoto), QByteArray("AA AA AA 96 69 00 03 30 01 32"));
    QCOMPARE(frameOf(Command::ReadAppendedAddress), QByteArray("AA AA AA 96 69 00 03 30 03 30"));

    Harness h;
    const SequenceTimings& t = h.t;
    QVERIFY(t.pollIntervalMs >= 200 && t.pollIntervalMs <= 500);
    QVERIFY(t.findTimeoutMs >= 100 && t.findTimeoutMs <= 300);
    QCOMPARE(t.readTimeoutMs, 2000);
    QCOMPARE(t.appendedTimeoutMs, 1500);
    QCOMPARE(h.seq.start(0).request->timeoutMs, t.statusTimeoutMs);
    QCOMPARE(h.toPolling().request->timeoutMs, t.findTimeoutMs);
    QCOMPARE(h.toSelect().request->timeoutMs, t.selectTimeoutMs);
    QCOMPARE(h.toRead().request->timeoutMs, t.readTimeoutMs);
    QCOMPARE(h.toAppended().request->timeoutMs, t.appendedTimeoutMs);
}

void TstSamReadSequence::startupHappyPath()
{
    Harness h;
    Step s = h.seq.start(0);
    QCOMPARE(s.request->command, Command::SamStatus);
    QVERIFY(s.request->resync);
    QCOMPARE(h.seq.phase(), Phase::StartupStatus);
    s = h.answer(0x90);
    QCOMPARE(s.request->command, Command::SamId);
    const QByteArray id = QByteArray::fromHex("05000100e0e0340101000000153d0d07");
    s = h.answer(0x90, id);
    QCOMPARE(kinds(s), QList<Kind>{Kind::SamReady});
    QCOMPARE(s.events.first().samId, id);
    QCOMPARE(s.request->command, Command::FindCard);
    QCOMPARE(s.request->delayMs, 0);
}

void TstSamReadSequence::startupResetsThenFault()
{
    Harness h;
    h.seq.start(0);
    for (int reset = 1; reset <= h.t.maxResets; ++reset) {
        Step s = h.answer(0x60); // self-test failed
        QCOMPARE(kinds(s), QList<Kind>{Kind::SamAlarm});
        QCOMPARE(s.request->command, Command::ResetSam);
        QCOMPARE(s.request->timeoutMs, h.t.resetTimeoutMs);
        s = h.answer(0x90); // reset acknowledged → wait, then status again
        QCOMPARE(s.request->command, Command::SamStatus);
        QCOMPARE(s.request->delayMs, h.t.resetSettleMs);
    }
    const Step s = h.answer(0x60);
    QCOMPARE(kinds(s), (QList<Kind>{Kind::SamAlarm, Kind::SamFault}));
    QVERIFY(!s.request);
    QCOMPARE(h.seq.phase(), Phase::Stopped);

    // A reset that cures the SAM: start-up completes.
    Harness ok;
    ok.seq.start(0);
    ok.answer(0x60);
    ok.seq.onTimeout(ok.now); // some SAMs do not answer the reset itself
    QCOMPARE(ok.seq.phase(), Phase::StartupStatus);
    QCOMPARE(ok.answer(0x90).request->command, Command::SamId);
    QCOMPARE(kinds(ok.answer(0x90)), QList<Kind>{Kind::SamReady});
}

void TstSamReadSequence::startupSilentSamFaults()
{
    Harness h;
    h.seq.start(0);
    Step s = h.seq.onTimeout(500);
    QCOMPARE(s.request->command, Command::SamStatus); // once more
    QVERIFY(s.request->resync);
    s = h.seq.onTimeout(1000);
    QCOMPARE(kinds(s), QList<Kind>{Kind::SamFault});
    QVERIFY(!s.request);
}

void TstSamReadSequence::samIdIsOptional()
{
    Harness h;
    h.seq.start(0);
    h.answer(0x90);
    Step s = h.seq.onTimeout(500);
    QCOMPARE(s.request->command, Command::SamId);
    s = h.seq.onTimeout(1000);
    QCOMPARE(kinds(s), QList<Kind>{Kind::SamReady});
    QVERIFY(s.events.first().samId.isEmpty());
    QCOMPARE(s.request->command, Command::FindCard);
}

void TstSamReadSequence::idlePollingAndPeriodicStatus()
{
    Harness h;
    h.toPolling();
    int finds = 0;
    int statuses = 0;
    // 10 s of an empty reader.
    while (h.now < 10000) {
        const Step s = h.answer(h.seq.phase() == Phase::IdleStatus ? 0x90 : 0x80);
        QVERIFY(s.events.isEmpty());
        if (s.request->command == Command::SamStatus)
            ++statuses;
        else
            ++finds;
        h.now += s.request->delayMs + 5;
    }
    QVERIFY2(statuses >= 3 && statuses <= 4, qPrintable(QString::number(statuses))); // every ~3 s
    QVERIFY2(finds >= 25, qPrintable(QString::number(finds)));                       // every 300 ms
}

void TstSamReadSequence::silentSamWhilePollingFaults()
{
    Harness h;
    h.toPolling();
    Step s;
    for (int i = 0; i < h.t.maxConsecutiveFaults; ++i) {
        h.now += 300;
        s = h.seq.onTimeout(h.now);
    }
    QCOMPARE(kinds(s), QList<Kind>{Kind::SamFault});
    QCOMPARE(h.seq.phase(), Phase::Stopped);
    // A good answer in between resets the count.
    Harness g;
    g.toPolling();
    g.seq.onTimeout(100);
    g.seq.onTimeout(200);
    g.answer(0x80);
    QVERIFY(g.seq.onTimeout(300).events.isEmpty());
    QVERIFY(g.seq.onTimeout(400).events.isEmpty());
}

void TstSamReadSequence::fullRead()
{
    Harness h;
    h.toPolling();
    Step s = h.answer(0x9F, QByteArray(4, '\0'));
    QCOMPARE(kinds(s), QList<Kind>{Kind::CardPresent});
    QVERIFY(h.seq.cardKnown());
    s = h.answer(0x90, QByteArray(8, '\0'));
    QCOMPARE(s.request->command, Command::ReadTextPhoto);
    s = h.answer(0x90, readPayload());
    QCOMPARE(s.request->command, Command::ReadAppendedAddress);
    QVERIFY(s.events.isEmpty());
    const QByteArray address = QByteArray(70, 'a');
    s = h.answer(0x90, address + "extra"); // only the 70-byte file counts
    QCOMPARE(kinds(s), QList<Kind>{Kind::CardRead});
    const ReadResult& r = s.events.first().result;
    QCOMPARE(r.text, text256());
    QCOMPARE(r.photo, photo1024());
    QCOMPARE(r.appendedAddress, address);
}

void TstSamReadSequence::wrongPayloadSizesAreUnreadable_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("text 255") << readPayload(255, 1024);
    QTest::newRow("text 300") << readPayload(300, 1024);
    QTest::newRow("lengths lie") << readPayload().left(600);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("header only") << QByteArray::fromHex("01000400");
}

void TstSamReadSequence::wrongPayloadSizesAreUnreadable()
{
    QFETCH(QByteArray, payload);
    Harness h;
    h.toRead();
    Step s;
    for (int attempt = 1; attempt <= h.t.maxReadAttempts; ++attempt) {
        s = h.answer(0x90, payload);
        if (attempt < h.t.maxReadAttempts) {
            h.answer(0x9F);
            h.answer(0x90);
        }
    }
    QCOMPARE(kinds(s), QList<Kind>{Kind::ReadFailed});
    QCOMPARE(s.events.first().failure, ReadFailure::CardUnreadable);
}

void TstSamReadSequence::sameCardStaysNoReread_data()
{
    QTest::addColumn<bool>("findFailsAfterRead");
    QTest::newRow("find fails (reference §8.1)") << true;
    QTest::newRow("find keeps succeeding") << false;
}

// A card left on the reader for a minute: no second read, no removal.
void TstSamReadSequence::sameCardStaysNoReread()
{
    QFETCH(bool, findFailsAfterRead);
    Harness h;
    Step s = h.toHeld();
    QCOMPARE(kinds(s), QList<Kind>{Kind::CardRead});
    int reads = 0;
    while (h.now < 60000) {
        h.now += s.request->delayMs + 10;
        switch (s.request->command) {
        case Command::FindCard:
            s = h.answer(findFailsAfterRead ? 0x80 : 0x9F);
            break;
        case Command::SelectCard:
            s = h.answer(0x90, QByteArray(8, '\0'));
            break;
        case Command::SamStatus:
            s = h.answer(0x90);
            break;
        case Command::ReadTextPhoto:
            ++reads;
            s = h.answer(0x90, readPayload());
            break;
        default:
            QFAIL("unexpected command");
        }
        QVERIFY2(s.events.isEmpty(), SamReadSequence::phaseName(h.seq.phase()));
    }
    QCOMPARE(reads, 0);
    QVERIFY(h.seq.cardKnown());
}

void TstSamReadSequence::removalNeedsObservationsOverTime()
{
    Harness h;
    Step s = h.toHeld();
    int absent = 0;
    qint64 firstAbsent = -1;
    QList<Kind> seen;
    while (seen.isEmpty() && h.now < 10000) {
        h.now += s.request->delayMs + 10;
        if (s.request->command == Command::FindCard) {
            s = h.answer(0x80);
        } else if (s.request->command == Command::SelectCard) {
            if (firstAbsent < 0)
                firstAbsent = h.now;
            ++absent;
            s = h.answer(0x81);
        } else {
            s = h.answer(0x90);
        }
        seen = kinds(s);
    }
    QCOMPARE(seen, QList<Kind>{Kind::CardRemoved});
    QVERIFY(absent >= h.t.removalObservations);
    QVERIFY2(h.now - firstAbsent >= h.t.removalMinSpanMs, qPrintable(QString::number(h.now - firstAbsent)));
    QVERIFY(!h.seq.cardKnown());

    // Three fast absent probes are not enough.
    Harness fast;
    fast.toHeld();
    for (int i = 0; i < 3; ++i) {
        fast.now += 50;
        QCOMPARE(fast.answer(0x80).request->command, Command::SelectCard);
        QVERIFY(fast.answer(0x81).events.isEmpty());
    }
    QVERIFY(fast.seq.cardKnown());
    // One "present" in between restarts the count.
    fast.now += 1000;
    fast.answer(0x80);
    QVERIFY(fast.answer(0x90).events.isEmpty());
    fast.now += 50;
    fast.answer(0x80);
    QVERIFY(fast.answer(0x81).events.isEmpty());
    QVERIFY(fast.seq.cardKnown());
}

void TstSamReadSequence::findTimeoutIsNoEvidence()
{
    Harness h;
    Step s = h.toHeld();
    for (int i = 0; i < 20; ++i) {
        h.now += 400;
        s = h.seq.onTimeout(h.now); // find timeout
        QVERIFY(s.events.isEmpty());
        if (s.request->command == Command::SamStatus) // the periodic check fell due
            s = h.answer(0x90);
        QCOMPARE(s.request->command, Command::FindCard);
        h.answer(0x9F); // the card answers again before the SAM would be declared dead
    }
    QVERIFY(h.seq.cardKnown());
}

void TstSamReadSequence::newCardAfterRemovalIsRead()
{
    Harness h;
    Step s = h.toHeld();
    while (h.seq.cardKnown()) {
        h.now += 400;
        if (s.request->command == Command::SelectCard)
            s = h.answer(0x81);
        else
            s = h.answer(0x80);
    }
    QCOMPARE(kinds(s), QList<Kind>{Kind::CardRemoved});
    h.now += 400;
    if (s.request->command == Command::SamStatus)
        s = h.answer(0x90);
    s = h.answer(0x9F);
    QCOMPARE(kinds(s), QList<Kind>{Kind::CardPresent});
    h.answer(0x90);
    h.answer(0x90, readPayload());
    QCOMPARE(kinds(h.answer(0x91)), QList<Kind>{Kind::CardRead});
}

// 0x41 on the read and the card gone: one ReadFailed(CardMoved), then CardRemoved.
void TstSamReadSequence::cardPulledMidRead()
{
    Harness h;
    h.toRead();
    Step s = h.answer(0x41);
    QList<Kind> all = kinds(s);
    while (!all.contains(Kind::CardRemoved) && h.now < 10000) {
        h.now += s.request->delayMs + 10;
        s = h.answer(s.request->command == Command::SelectCard ? 0x81 : 0x80);
        all += kinds(s);
        for (const Event& e : s.events) {
            if (e.kind == Kind::ReadFailed)
                QCOMPARE(e.failure, ReadFailure::CardMoved);
        }
    }
    QCOMPARE(all, (QList<Kind>{Kind::ReadFailed, Kind::CardRemoved}));
}

void TstSamReadSequence::retryThenSuccess()
{
    Harness h;
    h.toRead();
    Step s = h.answer(0x41);
    QCOMPARE(s.request->command, Command::FindCard);
    QCOMPARE(s.request->delayMs, h.t.retryDelayMs);
    // After a select the SAM no longer finds the card: select probes it.
    s = h.answer(0x80);
    QCOMPARE(s.request->command, Command::SelectCard);
    s = h.answer(0x90);
    QCOMPARE(s.request->command, Command::ReadTextPhoto);
    h.answer(0x90, readPayload());
    QCOMPARE(kinds(h.answer(0x91)), QList<Kind>{Kind::CardRead});
}

void TstSamReadSequence::hostProblemResendsOnceThenGivesUp()
{
    Harness h;
    h.toRead();
    Step s = h.answer(0x10);
    QCOMPARE(s.request->command, Command::ReadTextPhoto);
    QVERIFY(s.request->resync);
    s = h.answer(0x10); // twice: this attempt fails
    QCOMPARE(s.request->command, Command::FindCard);
    QCOMPARE(s.request->delayMs, h.t.retryDelayMs);
    QVERIFY(s.events.isEmpty());
    // One resend cures it.
    Harness g;
    g.toRead();
    g.answer(0x11);
    QCOMPARE(g.answer(0x90, readPayload()).request->command, Command::ReadAppendedAddress);
    // Host errors to everything: the SAM is declared broken.
    Harness b;
    b.toPolling();
    b.answer(0x21);
    b.answer(0x21);
    s = b.answer(0x21);
    QCOMPARE(kinds(s), QList<Kind>{Kind::SamFault});
}

void TstSamReadSequence::corruptFrameResendsOnce()
{
    Harness h;
    h.toRead();
    Step s = h.seq.onCorruptFrame(0);
    QCOMPARE(s.request->command, Command::ReadTextPhoto);
    QVERIFY(s.request->resync);
    QCOMPARE(h.answer(0x90, readPayload()).request->command, Command::ReadAppendedAddress);
    Harness twice;
    twice.toRead();
    twice.seq.onCorruptFrame(0);
    s = twice.seq.onCorruptFrame(0);
    QCOMPARE(s.request->command, Command::FindCard);
}

void TstSamReadSequence::timeoutsFailWithTimeout()
{
    Harness h;
    h.toRead();
    Step s;
    for (int attempt = 1; attempt <= h.t.maxReadAttempts; ++attempt) {
        h.now += 2000;
        s = h.seq.onTimeout(h.now);
        QVERIFY(s.request->resync);
        if (attempt < h.t.maxReadAttempts) {
            QVERIFY(s.events.isEmpty());
            h.answer(0x9F);
            h.answer(0x90);
        }
    }
    QCOMPARE(kinds(s), QList<Kind>{Kind::ReadFailed});
    QCOMPARE(s.events.first().failure, ReadFailure::Timeout);
}

void TstSamReadSequence::samProblemMidReadResetsAndKeepsCard()
{
    Harness h;
    h.toRead();
    Step s = h.answer(0x66);
    QCOMPARE(kinds(s), (QList<Kind>{Kind::SamAlarm, Kind::ReadFailed}));
    QCOMPARE(s.request->command, Command::ResetSam);
    h.answer(0x90);
    h.answer(0x90);
    s = h.answer(0x90, QByteArray(16, '\2'));
    QCOMPARE(kinds(s), QList<Kind>{Kind::SamReady});
    QVERIFY(h.seq.cardKnown()); // the card is still tracked, and not read again
    QCOMPARE(s.request->command, Command::FindCard);
    s = h.answer(0x9F);
    QVERIFY(s.events.isEmpty());
    QCOMPARE(s.request->command, Command::FindCard);
}

void TstSamReadSequence::portLostEndsCard()
{
    Harness h;
    h.toAppended();
    Step s = h.seq.onPortLost();
    QCOMPARE(kinds(s), (QList<Kind>{Kind::ReadFailed, Kind::CardRemoved}));
    QCOMPARE(s.events.first().failure, ReadFailure::ReaderFailure);
    QVERIFY(!s.request);
    Harness idle;
    idle.toPolling();
    QVERIFY(idle.seq.onPortLost().events.isEmpty());
    Harness held;
    held.toHeld();
    QCOMPARE(kinds(held.seq.onPortLost()), QList<Kind>{Kind::CardRemoved});
}

void TstSamReadSequence::stoppedIgnoresInput()
{
    Harness h;
    QCOMPARE(h.seq.phase(), Phase::Stopped);
    QVERIFY(!h.answer(0x9F).request);
    QVERIFY(!h.seq.onTimeout(0).request);
    QVERIFY(!h.seq.onCorruptFrame(0).request);
    QVERIFY(h.seq.onPortLost().events.isEmpty());
}

QTEST_GUILESS_MAIN(TstSamReadSequence)
#include "tst_samreadsequence.moc"
