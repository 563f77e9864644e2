#pragma once

#include "app/assist/AssistChannel.h"
#include "app/assist/AssistTypes.h"
#include "app/storage/AuditLog.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace onewindow {
class Speaker;
}

namespace onewindow::assist {

class HallCall;

// 人工帮办 for the screens (DESIGN.md §14, docs/ui.md "Help"): a press sends a help request to
// the hub (no personal data), signals the hall call system, writes an audit entry, and shows
// and speaks the hub's answer. Nothing here blocks: the hub answers on its client thread and
// the answer is handed to this (GUI) thread. The button is usable again after every answer.
class AssistController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString stateKey READ stateKey NOTIFY changed)
    Q_PROPERTY(int queuePosition READ queuePosition NOTIFY changed)
    Q_PROPERTY(int etaMinutes READ etaMinutes NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool canRequest READ canRequest NOTIFY changed)
public:
    enum class State
    {
        Idle,
        Requesting,
        Accepted,
        StaffOnTheWay,
        Queued,     // queuePosition says where
        Offline,    // the hub did not answer: go to the service desk
        NotOffered, // the hub takes no requests (501): go to the service desk
        Failed,     // the hub refused or answered nonsense: try again or go to the desk
    };
    Q_ENUM(State)

    struct Dependencies
    {
        AssistChannel* channel = nullptr; // required
        HallCall* hallCall = nullptr;     // optional
        Speaker* speaker = nullptr;       // optional
        QString kioskId;
        std::function<QString()> currentItemCode;              // the item being handled, or empty
        std::function<void(const storage::AuditEvent&)> audit; // queued to the storage thread
        int answerGuardMs = 15000; // Requesting never lasts longer than this, whatever the hub does
    };

    explicit AssistController(Dependencies deps, QObject* parent = nullptr);
    ~AssistController() override; // answers still on their way are dropped

    State state() const { return m_state; }
    QString stateKey() const;
    int queuePosition() const { return m_queuePosition; }
    int etaMinutes() const { return m_etaMinutes; }
    QString message() const;
    bool canRequest() const { return m_state != State::Requesting; }

    // `screen` is the showing screen's objectName; `fieldKey` the schema key of the wrong field.
    Q_INVOKABLE void requestHelp(const QString& screen);
    Q_INVOKABLE void reportWrongField(const QString& screen, const QString& fieldKey);

public Q_SLOTS:
    void reset();       // end of the session: back to Idle, answers still on the way are dropped
    void retranslate(); // the language changed: the message is a sentence

Q_SIGNALS:
    void changed();
    void requestSent(const QString& requestId); // for tests and the demo console

private:
    void send(const QString& screen, AssistReason reason, const QString& fieldKey);
    void onOutcome(const QString& requestId, const AssistOutcome& outcome, const QString& screen,
                   const QString& fieldKey, const QString& itemCode, AssistReason reason);
    void setState(State s, int position = 0, int etaMinutes = 0);

    Dependencies m_deps;
    State m_state = State::Idle;
    int m_queuePosition = 0;
    int m_etaMinutes = 0;
    QString m_pending; // the request whose answer counts
    QTimer m_guard;
    // Lets the hub client's thread hand an answer over only while this object exists.
    struct Alive;
    std::shared_ptr<Alive> m_alive;
};

} // namespace onewindow::assist
