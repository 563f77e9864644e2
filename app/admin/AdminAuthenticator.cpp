#include "app/admin/AdminAuthenticator.h"

#include "drivers/idcard/SecureWipe.h"

#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

namespace onewindow::admin {

Q_LOGGING_CATEGORY(lcAdmin, "onewindow.admin")

const char* resultName(PinResult result)
{
    switch (result) {
    case PinResult::Accepted:
        return "accepted";
    case PinResult::Wrong:
        return "wrong";
    case PinResult::LockedOut:
        return "locked_out";
    case PinResult::NotProvisioned:
        return "not_provisioned";
    case PinResult::Busy:
        return "busy";
    }
    return "unknown";
}

AdminAuthenticator::AdminAuthenticator(PinStore store, LockoutState lockout, QObject* parent)
    : AdminAuthenticator(std::move(store), std::move(lockout), AuditSink{}, parent)
{}

AdminAuthenticator::AdminAuthenticator(PinStore store, LockoutState lockout, AuditSink audit, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_lockout(std::move(lockout)), m_audit(std::move(audit))
{
    qRegisterMetaType<onewindow::admin::PinOutcome>();
    // Two small files, read once at start-up (before the GUI runs); afterwards only the worker
    // touches the disk.
    const auto record = m_store.load();
    m_provisioned = record.ok();
    if (!record.ok())
        m_provisioningError = record.error().message;
    const LockoutState::Snapshot s = m_lockout.read();
    m_lockedUntil = s.lockedUntil;
    if (!s.error.isEmpty())
        qCWarning(lcAdmin, "%s", qUtf8Printable(s.error));
    connect(&m_watcher, &QFutureWatcher<Work>::finished, this, &AdminAuthenticator::finish);
}

AdminAuthenticator::~AdminAuthenticator()
{
    m_watcher.waitForFinished();
}

QDateTime AdminAuthenticator::lockedUntil() const
{
    if (m_lockedUntil.isValid() && m_lockout.now() < m_lockedUntil)
        return m_lockedUntil;
    return {};
}

void AdminAuthenticator::verifyPin(const QString& pin)
{
    if (m_watcher.isRunning()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit verified(PinOutcome{PinResult::Busy, 0, {}});
            },
            Qt::QueuedConnection);
        return;
    }
    // Known locked (also when the lock could not be written to disk): no worker, no hashing.
    if (const QDateTime until = lockedUntil(); until.isValid()) {
        const PinOutcome outcome{PinResult::LockedOut, 0, until};
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                audit(outcome);
                emit verified(outcome);
            },
            Qt::QueuedConnection);
        return;
    }
    // A deep copy the worker owns and wipes; the caller wipes its own.
    QString copy(pin.constData(), pin.size());
    m_watcher.setFuture(QtConcurrent::run(&AdminAuthenticator::run, m_store, m_lockout, std::move(copy)));
}

AdminAuthenticator::Work AdminAuthenticator::run(const PinStore& store, const LockoutState& lockout,
                                                 QString pin)
{
    Work w;
    const auto record = store.load();
    w.provisioned = record.ok();
    if (!record.ok()) {
        secureWipe(pin);
        w.outcome.result = PinResult::NotProvisioned;
        w.note = record.error().message;
        return w;
    }
    const LockoutState::Snapshot before = lockout.read();
    if (before.locked()) { // no hashing while locked
        secureWipe(pin);
        w.outcome = {PinResult::LockedOut, 0, before.lockedUntil};
        w.note = before.error;
        return w;
    }
    const bool match = PinHasher::verify(record.value(), pin);
    secureWipe(pin);
    if (match) {
        w.note = lockout.recordSuccess();
        w.outcome = {PinResult::Accepted, lockout.maxFailures(), {}};
        return w;
    }
    const LockoutState::Snapshot after = lockout.recordFailure();
    w.note = after.error;
    if (!after.error.isEmpty() && !after.locked()) {
        // The failure could not be counted (state directory unwritable): fail closed, or the
        // PIN could be guessed without limit.
        const QDateTime now = lockout.now();
        w.outcome = {PinResult::LockedOut, 0, now.addSecs(qint64(lockout.lockoutMinutes()) * 60)};
        return w;
    }
    if (after.locked())
        w.outcome = {PinResult::LockedOut, 0, after.lockedUntil};
    else
        w.outcome = {PinResult::Wrong, qMax(0, lockout.maxFailures() - after.failures), {}};
    return w;
}

void AdminAuthenticator::finish()
{
    const Work w = m_watcher.result();
    m_provisioned = w.provisioned;
    if (w.outcome.result == PinResult::NotProvisioned)
        m_provisioningError = w.note;
    else if (!w.note.isEmpty())
        qCWarning(lcAdmin, "%s", qUtf8Printable(w.note));
    m_lockedUntil = w.outcome.result == PinResult::LockedOut ? w.outcome.lockedUntil : QDateTime();
    audit(w.outcome);
    emit verified(w.outcome);
}

void AdminAuthenticator::audit(const PinOutcome& outcome)
{
    if (!m_audit)
        return;
    storage::AuditEvent e;
    e.kind = outcome.result == PinResult::Accepted ? storage::AuditEvent::Kind::AdminLoginSuccess
                                                   : storage::AuditEvent::Kind::AdminLoginFailure;
    e.actor = QStringLiteral("admin");
    e.objectRef = QStringLiteral("admin-pin");
    e.result = QString::fromLatin1(resultName(outcome.result));
    if (outcome.result == PinResult::Wrong)
        e.detail = QStringLiteral("attempts left %1").arg(outcome.attemptsLeft);
    else if (outcome.result == PinResult::LockedOut)
        e.detail = QStringLiteral("locked until %1").arg(outcome.lockedUntil.toUTC().toString(Qt::ISODate));
    m_audit(std::move(e));
}

} // namespace onewindow::admin
