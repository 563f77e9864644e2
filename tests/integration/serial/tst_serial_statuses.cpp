// Every SW3 of reference/idcard.md §1.5 injected by the pty SAM emulator, surfacing through the
// real SerialSamBackend and ReaderManager as the outcome reference §8.2 asks for: keep polling,
// re-place the card (ReadError), SAM reset + alarm, or resync and resend once. Fast timings
// (same rules, shorter waits) keep the matrix short.
#include "SerialRig.h"

using namespace onewindow;
using namespace serialtest;

namespace {

enum class Outcome
{
    ResendThenRead, // host-side code: resent once, then the card is read
    Fails,          // the read ends in readFailed(error)
    ResetThenFails, // SAM problem: reset (alarm) and readFailed(ReaderFailure)
};

struct Row
{
    int code;
    Outcome outcome;
    ReadError error;
};

// Transcribed from reference §1.5/§8.2 independently of the implementation.
const Row kRows[] = {
    {0x01, Outcome::ResendThenRead, ReadError::ReaderFailure},
    {0x02, Outcome::ResendThenRead, ReadError::Timeout},
    {0x03, Outcome::ResendThenRead, ReadError::ReaderFailure},
    {0x05, Outcome::ResendThenRead, ReadError::ReaderFailure},
    {0x09, Outcome::ResendThenRead, ReadError::ReaderFailure},
    {0x10, Outcome::ResendThenRead, ReadError::ReaderFailure},
    {0x11, Outcome::ResendThenRead, ReadError::ReaderFailure},
    {0x21, Outcome::ResendThenRead, ReadError::ReaderFailure},
    {0x23, Outcome::ResetThenFails, ReadError::ReaderFailure},
    {0x24, Outcome::ResetThenFails, ReadError::ReaderFailure},
    {0x31, Outcome::Fails, ReadError::CardUnreadable},
    {0x32, Outcome::Fails, ReadError::CardUnreadable},
    {0x33, Outcome::Fails, ReadError::CardUnreadable},
    {0x37, Outcome::Fails, ReadError::CardUnreadable},
    {0x3F, Outcome::Fails, ReadError::CardUnreadable},
    {0x40, Outcome::Fails, ReadError::UnsupportedDocument},
    {0x41, Outcome::Fails, ReadError::CardMoved},
    {0x47, Outcome::Fails, ReadError::CardMoved},
    {0x60, Outcome::ResetThenFails, ReadError::ReaderFailure},
    {0x66, Outcome::ResetThenFails, ReadError::ReaderFailure},
    {0x80, Outcome::Fails, ReadError::CardMoved},
    {0x81, Outcome::Fails, ReadError::CardMoved},
    {0x91, Outcome::Fails, ReadError::CardUnreadable}, // the text itself cannot be absent
    {0x90, Outcome::Fails, ReadError::CardUnreadable}, // "success" without the 1284 bytes
    {0x9F, Outcome::Fails, ReadError::CardUnreadable},
    {0x5A, Outcome::ResendThenRead, ReadError::ReaderFailure}, // unknown byte
};

QString hex2(int v)
{
    return QStringLiteral("%1").arg(v, 2, 16, QLatin1Char('0'));
}

} // namespace

class TstSerialStatuses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onRead_data();
    void onRead();
    void persistentHostErrorFailsTheRead_data();
    void persistentHostErrorFailsTheRead();
    void onOtherCommands_data();
    void onOtherCommands();
    void samSelfTestFailsAtStartupThenResetCures();
    void samThatResetDoesNotCureIsReopened();
    void samProblemWhileIdleResets();
};

void TstSerialStatuses::onRead_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("error");
    for (const Row& r : kRows)
        QTest::addRow("0x%02X", r.code) << r.code << int(r.outcome) << int(r.error);
}

void TstSerialStatuses::onRead()
{
    QFETCH(int, code);
    QFETCH(int, outcome);
    QFETCH(int, error);
    SerialRig rig;
    QVERIFY(rig.start(fastOptions()));
    // Card problems: every attempt sees the status (3 attempts); host and SAM codes: once.
    const int times = Outcome(outcome) == Outcome::Fails ? 3 : 1;
    QVERIFY(rig.emulator.command(QStringLiteral("inject read %1 %2").arg(hex2(code)).arg(times))
                .startsWith(QLatin1String("ok")));
    rig.emulator.command(QStringLiteral("place resident"));

    switch (Outcome(outcome)) {
    case Outcome::ResendThenRead: {
        QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
        QCOMPARE(rig.failed->count(), 0);
        const QMap<QString, int> stats = rig.emulator.stats();
        QCOMPARE(stats.value(QStringLiteral("read")), 2); // resent exactly once
        QCOMPARE(stats.value(QStringLiteral("select")), 1);
        break;
    }
    case Outcome::Fails:
        QVERIFY(SerialRig::waitCount(*rig.failed, 1, 5000));
        QCOMPARE(int(rig.lastError()), error);
        QCOMPARE(rig.read->count(), 0);
        QCOMPARE(rig.emulator.stats().value(QStringLiteral("read")), 3); // ≤ 3 attempts (§8.2)
        QCOMPARE(rig.emulator.stats().value(QStringLiteral("reset")), 0);
        break;
    case Outcome::ResetThenFails:
        QVERIFY(SerialRig::waitCount(*rig.failed, 1, 5000));
        QCOMPARE(int(rig.lastError()), error);
        QTRY_COMPARE_WITH_TIMEOUT(rig.emulator.stats().value(QStringLiteral("reset")), 1, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.emulator.stats().value(QStringLiteral("samid")), 2,
                                  3000); // start-up again
        break;
    }
    // No second report and no read of the same card afterwards.
    QTest::qWait(150);
    QCOMPARE(rig.read->count() + rig.failed->count(), 1);
    // Whatever happened, the reader recovers for the next card.
    QVERIFY(rig.removeCard());
    rig.emulator.command(QStringLiteral("place hmt_permit"));
    QVERIFY(SerialRig::waitCount(*rig.read, rig.read->count() + 1, 5000));
    QCOMPARE(int(rig.lastIdentity().documentType), int(DocumentType::HmtPermit));
}

void TstSerialStatuses::persistentHostErrorFailsTheRead_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("error");
    for (const Row& r : kRows) {
        if (r.outcome == Outcome::ResendThenRead)
            QTest::addRow("0x%02X", r.code) << r.code << int(r.error);
    }
}

// The same host-side code on every try: 3 attempts of (send + one resend), then a failure.
void TstSerialStatuses::persistentHostErrorFailsTheRead()
{
    QFETCH(int, code);
    QFETCH(int, error);
    SerialRig rig;
    QVERIFY(rig.start(fastOptions()));
    rig.emulator.command(QStringLiteral("inject read %1 6").arg(hex2(code)));
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.failed, 1, 5000));
    QCOMPARE(int(rig.lastError()), error);
    QCOMPARE(rig.emulator.stats().value(QStringLiteral("read")), 6);
    QCOMPARE(rig.read->count(), 0);
    QCOMPARE(rig.status(), ReaderInfo::Status::CardPresent);
}

void TstSerialStatuses::onOtherCommands_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("times");
    QTest::addColumn<int>("error"); // -1: the card is read in the end
    QTest::newRow("select 0x81 once (card moving)") << "select" << 0x81 << 1 << -1;
    QTest::newRow("select 0x81 always") << "select" << 0x81 << 3 << int(ReadError::CardMoved);
    QTest::newRow("select 0x32") << "select" << 0x32 << 3 << int(ReadError::CardUnreadable);
    QTest::newRow("address 0x41") << "address" << 0x41 << 3 << int(ReadError::CardMoved);
    QTest::newRow("address 0x33") << "address" << 0x33 << 3 << int(ReadError::CardUnreadable);
    QTest::newRow("address 0x10 once") << "address" << 0x10 << 1 << -1;
    QTest::newRow("find 0x41 (no card found)") << "find" << 0x41 << 2 << -1;
    QTest::newRow("find 0x10 once") << "find" << 0x10 << 1 << -1;
    QTest::newRow("find 0x60 (SAM reset)") << "find" << 0x60 << 1 << -1;
}

void TstSerialStatuses::onOtherCommands()
{
    QFETCH(QString, command);
    QFETCH(int, code);
    QFETCH(int, times);
    QFETCH(int, error);
    SerialRig rig;
    QVERIFY(rig.start(fastOptions()));
    rig.emulator.command(QStringLiteral("inject %1 %2 %3").arg(command, hex2(code)).arg(times));
    rig.emulator.command(QStringLiteral("place resident"));
    if (error < 0) {
        QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
        QCOMPARE(rig.failed->count(), 0);
    } else {
        QVERIFY(SerialRig::waitCount(*rig.failed, 1, 5000));
        QCOMPARE(int(rig.lastError()), error);
        QCOMPARE(rig.read->count(), 0);
    }
    QCOMPARE(rig.present->count(), 1);
}

void TstSerialStatuses::samSelfTestFailsAtStartupThenResetCures()
{
    SerialRig rig;
    QVERIFY(rig.startEmulator());
    rig.emulator.command(QStringLiteral("samfault 60")); // every answer 0x60 until a reset
    QVERIFY(rig.startManager(fastOptions()));
    const QMap<QString, int> stats = rig.emulator.stats();
    QCOMPARE(stats.value(QStringLiteral("reset")), 1);
    QCOMPARE(stats.value(QStringLiteral("status")), 2);
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
}

void TstSerialStatuses::samThatResetDoesNotCureIsReopened()
{
    SerialRig rig;
    QVERIFY(rig.startEmulator());
    // 0x66 (not authorised) to everything, resets included, for 10 frames: two rounds of
    // status/reset/status/reset/status → SamFault → port closed and reopened with backoff.
    rig.emulator.command(QStringLiteral("inject any 66 10"));
    QVERIFY(rig.startManager(fastOptions(), false));
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Ready, 10000));
    bool sawNotResponding = false;
    for (const QList<QVariant>& args : std::as_const(*rig.changed)) {
        const ReaderInfo info = args.at(0).value<ReaderInfo>();
        if (info.status == ReaderInfo::Status::Failed && info.detail == QLatin1String("SAM not responding"))
            sawNotResponding = true;
    }
    QVERIFY(sawNotResponding);
    QCOMPARE(rig.emulator.stats().value(QStringLiteral("reset")), 4); // 2 per round
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
}

void TstSerialStatuses::samProblemWhileIdleResets()
{
    SerialRig rig;
    auto options = fastOptions();
    options.timings.statusCheckIntervalMs = 300;
    QVERIFY(rig.start(options));
    rig.emulator.command(QStringLiteral("inject status 24"));
    QTRY_COMPARE_WITH_TIMEOUT(rig.emulator.stats().value(QStringLiteral("reset")), 1, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.emulator.stats().value(QStringLiteral("samid")), 2, 3000);
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Ready, 2000));
    QCOMPARE(rig.failed->count(), 0);
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
}

QTEST_GUILESS_MAIN(TstSerialStatuses)
#include "tst_serial_statuses.moc"
