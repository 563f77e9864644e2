#include "app/session/ResidentSession.h"

#include "app/platform/Crypto.h"
#include "drivers/idcard/SecureWipe.h"

#include <QLoggingCategory>
#include <QScopeGuard>

namespace onewindow {

Q_LOGGING_CATEGORY(lcResidentSession, "onewindow.session")

using State = ResidentSession::State;

namespace {

struct Edge
{
    State from;
    State to;
};

// Every allowed transition. Wiping is reachable from every resident state; CardError from
// the reading states; a new card may start a read from the attract and error screens.
constexpr Edge kEdges[] = {
    {State::Attract, State::Reading},
    {State::Reading, State::Identified},
    {State::Reading, State::CardError},
    {State::Reading, State::Wiping},
    {State::CardError, State::Reading},
    {State::CardError, State::Wiping},
    {State::Identified, State::ChoosingService},
    {State::Identified, State::Wiping},
    {State::ChoosingService, State::FillingForm},
    {State::ChoosingService, State::Wiping},
    {State::FillingForm, State::ChoosingService},
    {State::FillingForm, State::Reviewing},
    {State::FillingForm, State::Wiping},
    {State::Reviewing, State::FillingForm},
    {State::Reviewing, State::Submitting},
    {State::Reviewing, State::Wiping},
    {State::Submitting, State::Receipt},
    {State::Submitting, State::Reviewing},
    {State::Submitting, State::Wiping}, // "结束办理" while the commit runs: it completes, unseen
    {State::Receipt, State::Rating},
    {State::Receipt, State::Wiping},
    {State::Rating, State::Wiping},
    {State::Receipt, State::ChoosingService}, // "办理其他业务" after a receipt
    {State::Rating, State::ChoosingService},
    {State::Wiping, State::Attract},
    {State::Wiping, State::ServiceUnavailable},
    {State::Attract, State::ServiceUnavailable},
    {State::ServiceUnavailable, State::Attract},
    // The card lifted mid-journey (issue 19.4): back to the same step with the same card.
    {State::ChoosingService, State::CardAway},
    {State::FillingForm, State::CardAway},
    {State::Reviewing, State::CardAway},
    {State::CardAway, State::ChoosingService},
    {State::CardAway, State::FillingForm},
    {State::CardAway, State::Reviewing},
    {State::CardAway, State::Wiping},
    {State::Rating, State::Receipt}, // back to the receipt from 好差评: the code stays reachable
};

} // namespace

ResidentSession::ResidentSession(IdlePolicy policy, QObject* parent)
    : QObject(parent), m_policy(std::move(policy))
{
    connect(&m_idle, &IdleGuard::expired, this, &ResidentSession::onIdleExpired);
}

ResidentSession::~ResidentSession()
{
    m_identity.wipe();
}

const char* ResidentSession::stateKey(State s)
{
    switch (s) {
    case State::Attract:
        return "attract";
    case State::Reading:
        return "reading";
    case State::Identified:
        return "identified";
    case State::ChoosingService:
        return "choosing_service";
    case State::FillingForm:
        return "filling_form";
    case State::Reviewing:
        return "reviewing";
    case State::Submitting:
        return "submitting";
    case State::Receipt:
        return "receipt";
    case State::Rating:
        return "rating";
    case State::Wiping:
        return "wiping";
    case State::CardError:
        return "card_error";
    case State::ServiceUnavailable:
        return "service_unavailable";
    case State::CardAway:
        return "card_away";
    }
    return "attract";
}

bool ResidentSession::isAllowed(State from, State to)
{
    for (const Edge& e : kEdges) {
        if (e.from == from && e.to == to)
            return true;
    }
    return false;
}

void ResidentSession::setElderlyMode(bool on)
{
    if (m_elderly == on)
        return;
    m_elderly = on;
    armIdleFor(m_state); // the new factor applies from now
    Q_EMIT elderlyModeChanged(on);
}

bool ResidentSession::transition(State to)
{
    if (!isAllowed(m_state, to)) {
        qCWarning(lcResidentSession) << "refused transition" << stateKey(m_state) << "->" << stateKey(to);
        return false;
    }
    qCDebug(lcResidentSession) << stateKey(m_state) << "->" << stateKey(to);
    m_state = to;
    armIdleFor(to);
    Q_EMIT stateChanged(to);
    return true;
}

void ResidentSession::armIdleFor(State s)
{
    const auto limit = s == State::CardAway ? m_policy.cardAway
                                            : m_policy.limits.value(int(s), std::chrono::milliseconds{0});
    if (limit.count() <= 0) {
        m_idle.disarm();
        return;
    }
    const double factor = m_elderly ? m_policy.elderlyFactor : 1.0;
    const std::chrono::milliseconds scaled{qint64(double(limit.count()) * factor)};
    // Away from the card the whole limit is the countdown: the prompt shows it at once.
    m_idle.arm(scaled, s == State::CardAway ? scaled : m_policy.warning);
}

void ResidentSession::onCardPresent(const QString& readerName)
{
    const bool placed = !m_cardOnReader;
    m_cardOnReader = true;
    m_presentReader = readerName;
    // Announced after the state moved on: a card put down on the attract screen is not one
    // "left behind".
    const auto announce = qScopeGuard([this, placed] {
        if (placed)
            Q_EMIT cardPresenceChanged(true);
    });
    if (m_outOfService)
        return;
    // A card placed while a resident is already being served (e.g. a second card, or the
    // same card put back) does not restart the session: their form stays theirs.
    if (m_state != State::Attract && m_state != State::CardError)
        return;
    m_reader = readerName;
    m_errorKey.clear();
    transition(State::Reading);
}

namespace {
// Digests of equal length compare in constant time whatever the numbers are.
QByteArray holderDigest(const QString& idNumber)
{
    QByteArray utf8 = idNumber.toUtf8();
    QByteArray digest = crypto::sha256(utf8);
    secureWipe(utf8);
    return digest;
}
} // namespace

bool ResidentSession::isHolder(const Identity& identity) const
{
    QByteArray digest = holderDigest(identity.idNumber);
    const bool same = !m_holderDigest.isEmpty() && crypto::constantTimeEquals(digest, m_holderDigest);
    secureWipe(digest);
    return same;
}

void ResidentSession::onCardRead(const QString& readerName, const Identity& identity)
{
    if (m_state == State::CardAway && readerName == m_reader) {
        Identity presented = identity;
        const bool same = isHolder(presented);
        presented.wipe();
        if (same) {
            m_otherCard = false;
            transition(m_resumeState);
        } else {
            // Someone else's card: it does not take over, and nothing of it is kept.
            qCInfo(lcResidentSession) << "a different card was presented while the card was away";
            m_otherCard = true;
            Q_EMIT cardMismatch();
        }
        return;
    }
    if (m_state != State::Reading || readerName != m_reader) {
        Identity ignored = identity;
        ignored.wipe();
        return;
    }
    m_identity = identity;
    m_holderDigest = holderDigest(m_identity.idNumber);
    m_findings = crossCheck(m_identity);
    Q_EMIT identityChanged();
    transition(State::Identified);
}

void ResidentSession::onReadFailed(const QString& readerName, ReadError error)
{
    if (m_state != State::Reading || readerName != m_reader)
        return;
    m_errorKey = QString::fromLatin1(readErrorKey(error));
    transition(State::CardError);
}

void ResidentSession::onCardRemoved(const QString& readerName)
{
    if (m_cardOnReader && readerName == m_presentReader) {
        m_cardOnReader = false;
        m_presentReader.clear();
        Q_EMIT cardPresenceChanged(false);
    }
    if (readerName != m_reader)
        return;
    switch (m_state) {
    case State::Reading:
        // Pulled mid-read: nothing partial is kept; tell the resident what happened.
        m_errorKey = QStringLiteral("card_removed");
        transition(State::CardError);
        break;
    case State::Identified:
        // Nothing typed yet: lifting the card is the resident's way of saying goodbye.
        wipeAndReturn();
        break;
    case State::Receipt:
    case State::Rating:
        // Lifting the card is the natural thing to do here; the receipt (query code, no
        // personal data) stays for its own idle limit so the resident takes the code home.
        break;
    case State::ChoosingService:
    case State::FillingForm:
    case State::Reviewing:
        // The form is kept (DESIGN.md §4), but until the same card is back nobody can go on
        // with it or submit it in the resident's name (§14 "is it still you?").
        m_resumeState = m_state;
        m_otherCard = false;
        transition(State::CardAway);
        break;
    default:
        // Submitting: the commit completes and the receipt follows.
        break;
    }
}

void ResidentSession::onChipSerialOnly(const QString& readerName)
{
    if (m_state != State::Reading || readerName != m_reader)
        return;
    m_errorKey = QString::fromLatin1(readErrorKey(ReadError::ReaderFailure));
    transition(State::CardError);
}

void ResidentSession::userActivity()
{
    // Taps do not keep a session without its card open: only the card does.
    if (m_state != State::CardAway)
        m_idle.extend();
}

void ResidentSession::endSession()
{
    if (m_state == State::Attract || m_state == State::ServiceUnavailable || m_state == State::Wiping)
        return;
    wipeAndReturn();
}

bool ResidentSession::advance(State to)
{
    if (m_state == State::CardAway) {
        // Only the resident's own card leads back from here (onCardRead).
        qCWarning(lcResidentSession) << "advance refused while the card is away";
        return false;
    }
    switch (to) {
    case State::ChoosingService:
    case State::FillingForm:
    case State::Reviewing:
    case State::Submitting:
    case State::Receipt:
    case State::Rating:
        return transition(to);
    default:
        // Reading, Wiping, errors and the attract screen follow the card and the idle rules only.
        qCWarning(lcResidentSession) << "advance refused to" << stateKey(to);
        return false;
    }
}

void ResidentSession::setOutOfService(bool outOfService)
{
    if (m_outOfService == outOfService)
        return;
    m_outOfService = outOfService;
    if (outOfService) {
        if (m_state == State::Attract)
            transition(State::ServiceUnavailable);
        else
            wipeAndReturn();
    } else if (m_state == State::ServiceUnavailable) {
        transition(State::Attract);
    }
}

void ResidentSession::onIdleExpired()
{
    qCInfo(lcResidentSession) << "idle limit reached in" << stateKey(m_state);
    wipeAndReturn();
}

void ResidentSession::wipeAndReturn()
{
    if (m_state == State::Attract || m_state == State::ServiceUnavailable)
        return;
    transition(State::Wiping);
    m_identity.wipe();
    secureWipe(m_holderDigest);
    m_holderDigest.clear();
    m_otherCard = false;
    m_findings.clear();
    m_errorKey.clear();
    m_reader.clear();
    Q_EMIT identityChanged();
    Q_EMIT wiped();
    transition(m_outOfService ? State::ServiceUnavailable : State::Attract);
}

} // namespace onewindow
