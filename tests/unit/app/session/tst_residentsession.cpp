// The resident session state machine: the transition table, the card rules of DESIGN.md §4,
// idle expiry and the wipe.
#include "app/session/ResidentSession.h"

#include <QSignalSpy>
#include <QTest>

using namespace onewindow;
using namespace std::chrono_literals;
using State = ResidentSession::State;

namespace {
const QString kReader = QStringLiteral("reader A");

Identity resident()
{
    Identity id;
    id.documentType = DocumentType::Resident;
    id.name = QStringLiteral("张测试");
    id.sexCode = QStringLiteral("2");
    id.ethnicityCode = QStringLiteral("01");
    id.birthDate = QDate(1958, 3, 12);
    id.birthDateRaw = QStringLiteral("19580312");
    id.address = QStringLiteral("北京市朝阳区示例路88号");
    id.idNumber = QStringLiteral("110105195803120029");
    id.issuer = QStringLiteral("北京市公安局朝阳分局");
    id.validFrom = QDate(2016, 3, 1);
    id.validFromRaw = QStringLiteral("20160301");
    id.validUntil = QDate(2020, 3, 1);
    id.validUntilRaw = QStringLiteral("20200301");
    return id;
}

IdlePolicy shortPolicy()
{
    IdlePolicy p;
    p.warning = 200ms;
    p.elderlyFactor = 2.0;
    p.limits.insert(int(State::Identified), 400ms);
    p.limits.insert(int(State::CardError), 400ms);
    return p;
}
} // namespace

class TestResidentSession : public QObject
{
    Q_OBJECT

    void identify(ResidentSession& s)
    {
        s.onCardPresent(kReader);
        s.onCardRead(kReader, resident());
    }

private Q_SLOTS:
    void transitionTable_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("attract→reading") << int(State::Attract) << int(State::Reading) << true;
        QTest::newRow("reading→identified") << int(State::Reading) << int(State::Identified) << true;
        QTest::newRow("reading→card_error") << int(State::Reading) << int(State::CardError) << true;
        QTest::newRow("identified→wiping") << int(State::Identified) << int(State::Wiping) << true;
        QTest::newRow("wiping→attract") << int(State::Wiping) << int(State::Attract) << true;
        QTest::newRow("attract→identified") << int(State::Attract) << int(State::Identified) << false;
        QTest::newRow("attract→receipt") << int(State::Attract) << int(State::Receipt) << false;
        QTest::newRow("identified→attract without wipe")
            << int(State::Identified) << int(State::Attract) << false;
        QTest::newRow("receipt→submitting") << int(State::Receipt) << int(State::Submitting) << false;
        QTest::newRow("card_error→identified") << int(State::CardError) << int(State::Identified) << false;
    }
    void transitionTable()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, allowed);
        QCOMPARE(ResidentSession::isAllowed(State(from), State(to)), allowed);
    }

    void everyResidentStateCanBeWiped()
    {
        for (State s : {State::Reading, State::Identified, State::ChoosingService, State::FillingForm,
                        State::Reviewing, State::Submitting, State::Receipt, State::Rating, State::CardError})
            QVERIFY2(ResidentSession::isAllowed(s, State::Wiping), ResidentSession::stateKey(s));
    }

    void cardReadIdentifies()
    {
        ResidentSession s(shortPolicy());
        QSignalSpy states(&s, &ResidentSession::stateChanged);
        identify(s);
        QCOMPARE(s.state(), State::Identified);
        QCOMPARE(states.size(), 2);
        QCOMPARE(s.identity().idNumber, QStringLiteral("110105195803120029"));
        // The resident card in the fixture expired in 2020: a warning, not a failure.
        QVERIFY(
            findingCodes(s.findings(), CheckFinding::Severity::Warning).contains(QStringLiteral("expired")));
    }

    void journeyStepsFollowTheTable()
    {
        ResidentSession s(shortPolicy());
        identify(s);
        QVERIFY(!s.advance(State::Receipt)); // no skipping ahead
        QCOMPARE(s.state(), State::Identified);
        QVERIFY(!s.advance(State::Attract)); // only the wipe leads back
        for (State step : {State::ChoosingService, State::FillingForm, State::Reviewing, State::Submitting,
                           State::Receipt, State::Rating})
            QVERIFY2(s.advance(step), ResidentSession::stateKey(step));
        QVERIFY(s.advance(State::ChoosingService)); // another item after rating
        QCOMPARE(s.identity().idNumber, QStringLiteral("110105195803120029"));
    }

    // Issue 19.4: the card lifted at every step of the journey. Before the form: goodbye.
    // Catalogue, form, review: "is it still you?" with the form kept; the same card back
    // resumes, another card does not take over. Submitting: the commit completes. Receipt and
    // rating: the receipt stays (19.5).
    void cardLiftedAtEveryStep_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("afterLift");
        QTest::newRow("identified") << int(State::Identified) << int(State::Attract);
        QTest::newRow("catalogue") << int(State::ChoosingService) << int(State::CardAway);
        QTest::newRow("form") << int(State::FillingForm) << int(State::CardAway);
        QTest::newRow("review") << int(State::Reviewing) << int(State::CardAway);
        QTest::newRow("submitting") << int(State::Submitting) << int(State::Submitting);
        QTest::newRow("receipt") << int(State::Receipt) << int(State::Receipt);
        QTest::newRow("rating") << int(State::Rating) << int(State::Rating);
    }
    void cardLiftedAtEveryStep()
    {
        QFETCH(int, step);
        QFETCH(int, afterLift);
        ResidentSession s(shortPolicy());
        identify(s);
        for (State st : {State::ChoosingService, State::FillingForm, State::Reviewing, State::Submitting,
                         State::Receipt, State::Rating}) {
            if (int(s.state()) == step)
                break;
            QVERIFY(s.advance(st));
        }
        QCOMPARE(int(s.state()), step);
        s.onCardRemoved(kReader);
        QCOMPARE(int(s.state()), afterLift);
        QVERIFY(!s.cardOnReader());
        if (State(afterLift) != State::CardAway)
            return;
        QVERIFY(!s.identity().isEmpty()); // the form is kept
        // Nothing moves on without the card: no review, no submit.
        QVERIFY(!s.advance(State::Reviewing));
        QVERIFY(!s.advance(State::Submitting));
        QCOMPARE(s.state(), State::CardAway);
        // Somebody else's card: refused, wiped, the session stays the first resident's.
        QSignalSpy mismatch(&s, &ResidentSession::cardMismatch);
        Identity other = resident();
        other.idNumber = QStringLiteral("520102195001010087");
        other.name = QStringLiteral("黎样例");
        s.onCardPresent(kReader);
        s.onCardRead(kReader, other);
        QCOMPARE(mismatch.size(), 1);
        QVERIFY(s.otherCardPresented());
        QCOMPARE(s.state(), State::CardAway);
        QCOMPARE(s.identity().idNumber, QStringLiteral("110105195803120029"));
        s.onCardRemoved(kReader);
        // The same card back: where the resident was.
        s.onCardPresent(kReader);
        s.onCardRead(kReader, resident());
        QCOMPARE(int(s.state()), step);
        QVERIFY(!s.otherCardPresented());
    }

    void cardAwayCountdownEndsTheSession()
    {
        IdlePolicy p = shortPolicy();
        p.cardAway = 300ms;
        ResidentSession s(p);
        QSignalSpy warning(s.idleGuard(), &IdleGuard::warningStarted);
        identify(s);
        QVERIFY(s.advance(State::ChoosingService));
        QVERIFY(s.advance(State::FillingForm));
        s.onCardRemoved(kReader);
        QCOMPARE(s.state(), State::CardAway);
        QVERIFY(s.idleGuard()->isWarning()); // the countdown shows at once
        s.userActivity();                    // taps do not keep it open
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), State::Attract, 2000);
        QVERIFY(s.identity().isEmpty());
    }

    void cardLeftBehindAfterTheSession()
    {
        ResidentSession s(shortPolicy());
        identify(s);
        QVERIFY(s.cardOnReader());
        s.endSession();
        QCOMPARE(s.state(), State::Attract);
        QVERIFY(s.cardOnReader()); // "请取回您的证件"
        s.onCardRemoved(kReader);
        QVERIFY(!s.cardOnReader());
    }

    void removalAfterIdentifiedWipes()
    {
        ResidentSession s(shortPolicy());
        QSignalSpy wiped(&s, &ResidentSession::wiped);
        identify(s);
        s.onCardRemoved(kReader);
        QCOMPARE(s.state(), State::Attract);
        QCOMPARE(wiped.size(), 1);
        QVERIFY(s.identity().isEmpty());
        QVERIFY(s.findings().isEmpty());
    }

    void removalDuringReadShowsErrorAndKeepsNothing()
    {
        ResidentSession s(shortPolicy());
        s.onCardPresent(kReader);
        s.onCardRemoved(kReader);
        QCOMPARE(s.state(), State::CardError);
        QCOMPARE(s.errorKey(), QStringLiteral("card_removed"));
        // A late read result for the pulled card is ignored.
        s.onCardRead(kReader, resident());
        QCOMPARE(s.state(), State::CardError);
        QVERIFY(s.identity().isEmpty());
        // Putting the card back starts a fresh read.
        s.onCardPresent(kReader);
        QCOMPARE(s.state(), State::Reading);
        QVERIFY(s.errorKey().isEmpty());
    }

    void readFailureShowsError()
    {
        ResidentSession s(shortPolicy());
        s.onCardPresent(kReader);
        s.onReadFailed(kReader, ReadError::CardUnreadable);
        QCOMPARE(s.state(), State::CardError);
        QCOMPARE(s.errorKey(), QStringLiteral("card_unreadable"));
    }

    void chipSerialOnlyReaderEndsTheReadWithAnError()
    {
        ResidentSession s(shortPolicy());
        s.onCardPresent(kReader);
        s.onChipSerialOnly(QStringLiteral("reader B")); // another reader: ignored
        QCOMPARE(s.state(), State::Reading);
        s.onChipSerialOnly(kReader);
        QCOMPARE(s.state(), State::CardError);
        QCOMPARE(s.errorKey(), QStringLiteral("reader_failure"));
        QVERIFY(s.identity().isEmpty());
    }

    void eventsFromAnotherReaderAreIgnored()
    {
        ResidentSession s(shortPolicy());
        identify(s);
        s.onCardRemoved(QStringLiteral("reader B"));
        QCOMPARE(s.state(), State::Identified);
        s.onCardPresent(QStringLiteral("reader B"));
        QCOMPARE(s.state(), State::Identified);
        QCOMPARE(s.identity().idNumber, QStringLiteral("110105195803120029"));
    }

    void idleTimeoutWipes()
    {
        ResidentSession s(shortPolicy());
        QSignalSpy wiped(&s, &ResidentSession::wiped);
        QSignalSpy warning(s.idleGuard(), &IdleGuard::warningStarted);
        identify(s);
        QVERIFY(warning.wait(1000));
        QVERIFY(wiped.wait(1000));
        QCOMPARE(s.state(), State::Attract);
        QVERIFY(s.identity().isEmpty());
    }

    void activityKeepsTheSessionAlive()
    {
        ResidentSession s(shortPolicy());
        identify(s);
        for (int i = 0; i < 9; ++i) {
            QTest::qWait(80);
            s.userActivity();
        }
        QCOMPARE(s.state(), State::Identified); // 720 ms > the 400 ms limit
    }

    void elderlyModeLengthensLimits()
    {
        ResidentSession s(shortPolicy());
        s.setElderlyMode(true);
        identify(s);
        QTest::qWait(550);
        QCOMPARE(s.state(), State::Identified); // 400 ms × 2.0
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), State::Attract, 1500);
    }

    void endSessionWipes()
    {
        ResidentSession s(shortPolicy());
        identify(s);
        s.endSession();
        QCOMPARE(s.state(), State::Attract);
        QVERIFY(s.identity().isEmpty());
        s.endSession(); // nothing to end
        QCOMPARE(s.state(), State::Attract);
    }

    void outOfServiceEndsTheSessionAndRefusesCards()
    {
        ResidentSession s(shortPolicy());
        identify(s);
        s.setOutOfService(true);
        QCOMPARE(s.state(), State::ServiceUnavailable);
        QVERIFY(s.identity().isEmpty());
        s.onCardPresent(kReader);
        QCOMPARE(s.state(), State::ServiceUnavailable);
        s.setOutOfService(false);
        QCOMPARE(s.state(), State::Attract);
    }
};

QTEST_GUILESS_MAIN(TestResidentSession)
#include "tst_residentsession.moc"
