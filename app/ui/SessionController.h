#pragma once

#include "app/session/ResidentSession.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace onewindow {

class LanguageController;

// What the resident screens show about the session, as display-ready strings (masked and
// translated). QML binds to these properties and calls the invokables; it holds no logic and
// never sees an unmasked identity field.
class SessionController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString documentType READ documentType NOTIFY displayChanged)
    Q_PROPERTY(QString maskedName READ maskedName NOTIFY displayChanged)
    // The name holds a Private Use Area character (an old-style 生僻字 no font draws): the masked
    // name shows "*" for it and the screen adds a hint.
    Q_PROPERTY(bool nameHasRareCharacter READ nameHasRareCharacter NOTIFY displayChanged)
    Q_PROPERTY(QString maskedEnglishName READ maskedEnglishName NOTIFY displayChanged)
    Q_PROPERTY(QString maskedIdNumber READ maskedIdNumber NOTIFY displayChanged)
    Q_PROPERTY(QString sex READ sex NOTIFY displayChanged)
    Q_PROPERTY(QString validity READ validity NOTIFY displayChanged)
    Q_PROPERTY(bool expired READ expired NOTIFY displayChanged)
    Q_PROPERTY(QStringList notices READ notices NOTIFY displayChanged)
    Q_PROPERTY(QString errorTitle READ errorTitle NOTIFY displayChanged)
    Q_PROPERTY(QString errorHint READ errorHint NOTIFY displayChanged)
    Q_PROPERTY(bool idleWarning READ idleWarning NOTIFY idleChanged)
    Q_PROPERTY(int idleSecondsLeft READ idleSecondsLeft NOTIFY idleChanged)
    Q_PROPERTY(bool elderlyMode READ elderlyMode WRITE setElderlyMode NOTIFY elderlyModeChanged)
    // The card was lifted mid-journey: the "put it back" prompt; otherCard when a different
    // card was put down meanwhile (issue 19.4).
    Q_PROPERTY(bool cardAway READ cardAway NOTIFY stateChanged)
    Q_PROPERTY(bool otherCard READ otherCard NOTIFY cardAwayChanged)
    // A card is on the reader: after the session it is left behind ("请取回您的证件").
    Q_PROPERTY(bool cardOnReader READ cardOnReader NOTIFY cardPresenceChanged)
    Q_PROPERTY(bool cardLeftBehind READ cardLeftBehind NOTIFY cardPresenceChanged)
public:
    SessionController(ResidentSession* session, LanguageController* language, bool elderlyDefault,
                      QObject* parent = nullptr);

    QString state() const;
    QString documentType() const { return m_documentType; }
    QString maskedName() const { return m_maskedName; }
    bool nameHasRareCharacter() const { return m_rareName; }
    QString maskedEnglishName() const { return m_maskedEnglishName; }
    QString maskedIdNumber() const { return m_maskedIdNumber; }
    QString sex() const { return m_sex; }
    QString validity() const { return m_validity; }
    bool expired() const { return m_expired; }
    QStringList notices() const { return m_notices; }
    QString errorTitle() const { return m_errorTitle; }
    QString errorHint() const { return m_errorHint; }
    bool idleWarning() const;
    int idleSecondsLeft() const;
    bool elderlyMode() const;
    void setElderlyMode(bool on);
    bool cardAway() const { return m_session->state() == ResidentSession::State::CardAway; }
    bool otherCard() const { return m_session->otherCardPresented(); }
    bool cardOnReader() const { return m_session->cardOnReader(); }
    bool cardLeftBehind() const;

    // True when no property holds anything derived from a resident (checked by the wipe test).
    bool holdsNoResidentData() const;

    Q_INVOKABLE void userActivity();
    Q_INVOKABLE void extendSession();
    Q_INVOKABLE void endSession();

Q_SIGNALS:
    void stateChanged();
    void displayChanged();
    void idleChanged();
    void elderlyModeChanged();
    void cardAwayChanged();
    void cardPresenceChanged();
    // A sentence to say aloud now (main.cpp connects the speaker).
    void announce(const QString& text);

private:
    void refreshDisplay();
    void clearDisplay();
    void onStateChanged(ResidentSession::State state);

    ResidentSession* m_session;
    QPointer<LanguageController> m_language;
    bool m_elderlyDefault = false;
    QString m_documentType;
    QString m_maskedName;
    QString m_maskedEnglishName;
    QString m_maskedIdNumber;
    QString m_sex;
    QString m_validity;
    bool m_expired = false;
    bool m_rareName = false;
    QStringList m_notices;
    QString m_errorTitle;
    QString m_errorHint;
};

} // namespace onewindow
