#pragma once

#include "app/session/IdleGuard.h"
#include "drivers/idcard/CrossCheck.h"
#include "drivers/idcard/Identity.h"
#include "drivers/reader/ReaderInfo.h"

#include <QHash>
#include <QObject>
#include <chrono>

namespace onewindow {

// Idle limits per state (DESIGN.md §4): screens with personal data get shorter limits, elderly
// mode multiplies them. Built from the configuration in main.cpp.
struct IdlePolicy
{
    QHash<int, std::chrono::milliseconds> limits; // keyed by int(ResidentSession::State)
    std::chrono::milliseconds warning{20000};     // the countdown part of each limit (≥ 20 s)
    double elderlyFactor = 1.5;
    // How long a lifted card may stay away from a form before the session ends (issue 19.4);
    // the whole of it is a visible countdown. Elderly mode multiplies it too.
    std::chrono::milliseconds cardAway{30000};
};

// One resident's session, from card to goodbye. Owns the identity while the resident is
// here and wipes it when they leave. An explicit transition table keeps every path visible;
// a transition outside the table is a programming error and is refused (and logged).
class ResidentSession : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Attract,
        Reading,
        Identified,
        ChoosingService,
        FillingForm,
        Reviewing,
        Submitting,
        Receipt,
        Rating,
        Wiping,
        CardError,
        ServiceUnavailable,
        // The card was lifted during the journey (catalogue, form, review): "is it still
        // you?" Nothing can be done but put the same card back or end; a countdown runs.
        CardAway,
    };
    Q_ENUM(State)

    explicit ResidentSession(IdlePolicy policy, QObject* parent = nullptr);
    ~ResidentSession() override;

    State state() const { return m_state; }
    static const char* stateKey(State s); // "attract", "reading", …
    static bool isAllowed(State from, State to);

    // Valid only in states after Identified; empty otherwise.
    const Identity& identity() const { return m_identity; }
    const QList<CheckFinding>& findings() const { return m_findings; }
    QString readerName() const { return m_reader; }
    // Set when entering CardError.
    QString errorKey() const { return m_errorKey; }

    IdleGuard* idleGuard() { return &m_idle; }
    // In CardAway: a different card was put down (it does not take over; it is wiped at once).
    bool otherCardPresented() const { return m_otherCard; }
    // A card lies on the reader (also after the session ended: "请取回您的证件").
    bool cardOnReader() const { return m_cardOnReader; }
    bool elderlyMode() const { return m_elderly; }
    void setElderlyMode(bool on);

    // Reader events (connected to ReaderManager in main.cpp).
    void onCardPresent(const QString& readerName);
    void onCardRead(const QString& readerName, const Identity& identity);
    void onReadFailed(const QString& readerName, ReadError error);
    void onCardRemoved(const QString& readerName);
    // The reader identified only the chip (no SAM, no relay): it cannot identify the resident.
    void onChipSerialOnly(const QString& readerName);

    // Resident actions.
    void userActivity(); // any touch: extends the idle limit
    void endSession();   // "结束办理": wipe and go back to the attract screen
    // The journey's own steps (ChoosingService … Rating), driven by the journey controller.
    // Only journey states are accepted, and only along the table; false (and logged) otherwise.
    bool advance(State to);
    // The kiosk cannot serve (no reader, maintenance); leaving it ends any session.
    void setOutOfService(bool outOfService);

Q_SIGNALS:
    void stateChanged(onewindow::ResidentSession::State state);
    void identityChanged();
    void elderlyModeChanged(bool on);
    // A card that is not the resident's was put down while their card was away.
    void cardMismatch();
    void cardPresenceChanged(bool onReader);
    // Emitted after the wipe, when every byte of the last resident is gone.
    void wiped();

private:
    bool transition(State to);
    bool isHolder(const Identity& identity) const;
    void wipeAndReturn();
    void armIdleFor(State s);
    void onIdleExpired();

    IdlePolicy m_policy;
    IdleGuard m_idle;
    State m_state = State::Attract;
    Identity m_identity;
    QList<CheckFinding> m_findings;
    QString m_reader;
    QString m_errorKey;
    QByteArray m_holderDigest; // SHA-256 of the ID number, for the constant-time "is it you?"
    State m_resumeState = State::Attract;
    bool m_otherCard = false;
    bool m_cardOnReader = false;
    QString m_presentReader; // where the card lies, kept across the wipe
    bool m_elderly = false;
    bool m_outOfService = false;
};

} // namespace onewindow
