#include "app/admin/AdminSession.h"

namespace onewindow::admin {

AdminSession::AdminSession(QString stateDir, std::chrono::milliseconds idleLimit, AuditSink audit,
                           QObject* parent)
    : QObject(parent), m_stateDir(std::move(stateDir)), m_audit(std::move(audit))
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleLimit);
    connect(&m_idle, &QTimer::timeout, this, [this] { close(QStringLiteral("idle")); });
}

AdminSession::~AdminSession()
{
    if (isOpen())
        close(QStringLiteral("shutdown"));
}

QString AdminSession::lockPath() const
{
    return m_stateDir + QStringLiteral("/admin-session.lock");
}

void AdminSession::watch(const AdminAuthenticator* authenticator)
{
    connect(authenticator, &AdminAuthenticator::verified, this, &AdminSession::onVerified);
}

void AdminSession::onVerified(const PinOutcome& outcome)
{
    if (outcome.result == PinResult::Accepted)
        m_acceptedAt.start();
    else
        m_acceptedAt.invalidate();
}

bool AdminSession::open(const QString& actor)
{
    m_error.clear();
    if (isOpen()) {
        m_error = QStringLiteral("an admin session is already open");
        return false;
    }
    if (!m_acceptedAt.isValid() || m_acceptedAt.hasExpired(kAcceptanceValidMs)) {
        m_error = QStringLiteral("no accepted PIN for this session");
        return false;
    }
    m_acceptedAt.invalidate(); // one acceptance opens one session
    auto lock = std::make_unique<QLockFile>(lockPath());
    // Staleness by age would let a second session in while the first is alive; a lock whose
    // process died is still recognised as stale by its pid.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        m_error = lock->error() == QLockFile::LockFailedError
                      ? QStringLiteral("another admin session is open")
                      : QStringLiteral("cannot create %1").arg(lockPath());
        record(QStringLiteral("session_open"), QStringLiteral("admin-session"), QStringLiteral("denied"),
               m_error);
        return false;
    }
    m_lock = std::move(lock);
    m_actor = actor;
    m_idle.start();
    record(QStringLiteral("session_open"), QStringLiteral("admin-session"), QStringLiteral("ok"));
    emit opened();
    return true;
}

void AdminSession::close(const QString& reason)
{
    if (!isOpen())
        return;
    m_idle.stop();
    record(QStringLiteral("session_close"), QStringLiteral("admin-session"), QStringLiteral("ok"), reason);
    m_lock->unlock();
    m_lock.reset();
    m_actor.clear();
    emit closed(reason);
}

void AdminSession::touch()
{
    if (isOpen())
        m_idle.start();
}

void AdminSession::record(const QString& action, const QString& objectRef, const QString& result,
                          const QString& detail)
{
    if (isOpen())
        m_idle.start(); // recording an action is activity
    if (!m_audit)
        return;
    storage::AuditEvent e;
    e.kind = storage::AuditEvent::Kind::AdminAction;
    e.actor = QStringLiteral("admin:") + (m_actor.isEmpty() ? QStringLiteral("-") : m_actor);
    e.objectRef = objectRef;
    e.result = result;
    e.detail = detail.isEmpty() ? action : action + QStringLiteral(": ") + detail;
    m_audit(std::move(e));
}

} // namespace onewindow::admin
