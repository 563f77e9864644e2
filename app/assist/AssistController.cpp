#include "app/assist/AssistController.h"

#include "app/assist/HallCall.h"
#include "app/speech/Speaker.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QUuid>
#include <memory>
#include <mutex>

Q_LOGGING_CATEGORY(lcAssist, "onewindow.assist")

namespace onewindow::assist {

namespace {

const char* outcomeName(const AssistOutcome& o)
{
    switch (o.kind) {
    case AssistOutcome::Kind::Answered:
        switch (o.answer.status) {
        case sync::protocol::AssistAnswer::Status::Accepted:
            return "accepted";
        case sync::protocol::AssistAnswer::Status::StaffOnTheWay:
            return "staff_on_the_way";
        case sync::protocol::AssistAnswer::Status::Queued:
            return "queued";
        }
        break;
    case AssistOutcome::Kind::Offline:
        return "offline";
    case AssistOutcome::Kind::NotOffered:
        return "not_offered";
    case AssistOutcome::Kind::Failed:
        return "failed";
    }
    return "failed";
}

} // namespace

// The hub client's thread posts an answer while holding the lock, and the destructor clears
// `self` under it: an answer is either posted before the object goes (and Qt drops events of a
// destroyed object) or not at all.
struct AssistController::Alive
{
    std::mutex mutex;
    AssistController* self = nullptr;
};

AssistController::AssistController(Dependencies deps, QObject* parent)
    : QObject(parent), m_deps(std::move(deps)), m_alive(std::make_shared<Alive>())
{
    m_alive->self = this;
    m_guard.setSingleShot(true);
    m_guard.setInterval(m_deps.answerGuardMs);
    connect(&m_guard, &QTimer::timeout, this, [this] {
        if (m_state == State::Requesting) {
            m_pending.clear();
            setState(State::Offline);
        }
    });
    if (m_deps.hallCall) {
        connect(m_deps.hallCall, &HallCall::finished, this, [](bool ok, const QString& detail) {
            if (ok)
                qCInfo(lcAssist, "hall call signalled");
            else
                qCWarning(lcAssist, "hall call failed: %s", qPrintable(detail));
        });
    }
}

AssistController::~AssistController()
{
    const std::lock_guard lock(m_alive->mutex);
    m_alive->self = nullptr;
}

QString AssistController::stateKey() const
{
    switch (m_state) {
    case State::Idle:
        return QStringLiteral("idle");
    case State::Requesting:
        return QStringLiteral("requesting");
    case State::Accepted:
        return QStringLiteral("accepted");
    case State::StaffOnTheWay:
        return QStringLiteral("staff_on_the_way");
    case State::Queued:
        return QStringLiteral("queued");
    case State::Offline:
        return QStringLiteral("offline");
    case State::NotOffered:
        return QStringLiteral("not_offered");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("idle");
}

QString AssistController::message() const
{
    const QString eta =
        m_etaMinutes > 0
            ? QLatin1Char(' ') +
                  QCoreApplication::translate("AssistController", "About %1 min.").arg(m_etaMinutes)
            : QString();
    switch (m_state) {
    case State::Idle:
        return QCoreApplication::translate("AssistController", "Need help? Staff can do this with you.");
    case State::Requesting:
        return QCoreApplication::translate("AssistController", "Calling a member of staff for you…");
    case State::Accepted:
        return QCoreApplication::translate(
                   "AssistController",
                   "Your request has reached the staff. Someone will come to this kiosk.") +
               eta;
    case State::StaffOnTheWay:
        return QCoreApplication::translate("AssistController", "A member of staff is on the way to you.") +
               eta;
    case State::Queued:
        return QCoreApplication::translate("AssistController",
                                           "Staff have your request. You are number %1 in the queue.")
                   .arg(m_queuePosition) +
               eta;
    case State::Offline:
        return QCoreApplication::translate(
            "AssistController",
            "Staff cannot be called from this kiosk right now. Please go to the service desk.");
    case State::NotOffered:
        return QCoreApplication::translate(
            "AssistController",
            "This hall takes help requests at the service desk. Please go to the service desk.");
    case State::Failed:
        return tr(
            "Your request could not be sent. Please press the button again, or go to the service desk.");
    }
    return {};
}

void AssistController::requestHelp(const QString& screen)
{
    send(screen, AssistReason::ResidentPressedHelp, {});
}

void AssistController::reportWrongField(const QString& screen, const QString& fieldKey)
{
    send(screen, AssistReason::WrongPrefilledField, isProtocolToken(fieldKey) ? fieldKey : QString());
}

void AssistController::send(const QString& screenObjectName, AssistReason reason, const QString& fieldKey)
{
    if (m_state == State::Requesting || !m_deps.channel)
        return; // one request at a time; the button is enabled again when it is answered
    const QString screen = screenName(screenObjectName);
    QString item = m_deps.currentItemCode ? m_deps.currentItemCode() : QString();
    if (!isProtocolToken(item))
        item.clear();
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_pending = requestId;
    setState(State::Requesting);
    m_guard.start();

    const QString reasonText = QString::fromLatin1(reasonName(reason));
    if (m_deps.hallCall && m_deps.hallCall->isConfigured())
        m_deps.hallCall->signal(m_deps.kioskId, screen, reasonText);

    sync::protocol::AssistRequest request{requestId, m_deps.kioskId, screen, item, reasonText, fieldKey};
    Q_EMIT requestSent(requestId);
    m_deps.channel->send(request,
                         [alive = m_alive, requestId, screen, fieldKey, item, reason](AssistOutcome outcome) {
                             const std::lock_guard lock(alive->mutex);
                             if (AssistController* self = alive->self) {
                                 QMetaObject::invokeMethod(
                                     self,
                                     [self, requestId, outcome, screen, fieldKey, item, reason] {
                                         self->onOutcome(requestId, outcome, screen, fieldKey, item, reason);
                                     },
                                     Qt::QueuedConnection);
                             }
                         });
}

void AssistController::onOutcome(const QString& requestId, const AssistOutcome& outcome,
                                 const QString& screen, const QString& fieldKey, const QString& itemCode,
                                 AssistReason reason)
{
    if (m_deps.audit) {
        // No personal data: the request id, enum names, the item code and a field KEY.
        storage::AuditEvent e;
        e.kind = storage::AuditEvent::Kind::AssistRequest;
        e.actor = QStringLiteral("resident");
        e.objectRef = requestId;
        e.purpose = QString::fromLatin1(reasonName(reason));
        e.serviceItem = itemCode;
        e.result = QString::fromLatin1(outcomeName(outcome));
        e.detail = QStringLiteral("screen=%1").arg(screen);
        if (!fieldKey.isEmpty())
            e.detail += QStringLiteral(" field=%1").arg(fieldKey);
        if (outcome.httpStatus != 0 && outcome.httpStatus != 200)
            e.detail += QStringLiteral(" http=%1").arg(outcome.httpStatus);
        m_deps.audit(e);
    }
    if (requestId != m_pending)
        return; // the session ended, or this answer is late: nobody is waiting for it
    m_pending.clear();
    m_guard.stop();
    switch (outcome.kind) {
    case AssistOutcome::Kind::Answered: {
        const int eta = outcome.answer.etaSeconds ? (*outcome.answer.etaSeconds + 59) / 60 : 0;
        switch (outcome.answer.status) {
        case sync::protocol::AssistAnswer::Status::Accepted:
            setState(State::Accepted, 0, eta);
            break;
        case sync::protocol::AssistAnswer::Status::StaffOnTheWay:
            setState(State::StaffOnTheWay, 0, eta);
            break;
        case sync::protocol::AssistAnswer::Status::Queued:
            setState(State::Queued, outcome.answer.queuePosition, eta);
            break;
        }
        break;
    }
    case AssistOutcome::Kind::Offline:
        setState(State::Offline);
        break;
    case AssistOutcome::Kind::NotOffered:
        setState(State::NotOffered);
        break;
    case AssistOutcome::Kind::Failed:
        setState(State::Failed);
        break;
    }
    qCInfo(lcAssist, "help request %s: %s", qPrintable(requestId), outcomeName(outcome));
    if (m_deps.speaker)
        m_deps.speaker->speak(message());
}

void AssistController::setState(State s, int position, int etaMinutes)
{
    m_state = s;
    m_queuePosition = position;
    m_etaMinutes = etaMinutes;
    Q_EMIT changed();
}

void AssistController::reset()
{
    m_pending.clear();
    m_guard.stop();
    if (m_state != State::Idle || m_queuePosition || m_etaMinutes)
        setState(State::Idle);
}

void AssistController::retranslate()
{
    Q_EMIT changed();
}

} // namespace onewindow::assist
