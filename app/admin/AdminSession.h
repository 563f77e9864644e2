#pragma once

#include "app/admin/AdminAudit.h"
#include "app/admin/AdminAuthenticator.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <memory>

namespace onewindow::admin {

// One technician's admin session (DESIGN.md §9, gov-standards.md §5.5): opens only right after
// the watched authenticator accepted a PIN, one at a time across processes
// (<stateDir>/admin-session.lock), closes itself after the idle limit, and audits every action.
// Lives on the GUI thread; QLockFile::tryLock(0) never waits.
class AdminSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIdleSeconds = 120;
    // How long an Accepted outcome may wait for open() (the UI opens at once).
    static constexpr int kAcceptanceValidMs = 60'000;

    AdminSession(QString stateDir, std::chrono::milliseconds idleLimit, AuditSink audit = {},
                 QObject* parent = nullptr);
    ~AdminSession() override; // an open session is closed with "shutdown"

    // open() needs a fresh Accepted outcome from this authenticator.
    void watch(const AdminAuthenticator* authenticator);

    // False (and lastError() says why) without a fresh acceptance, when a session is already
    // open here or in another process, or when the lock file cannot be created.
    bool open(const QString& actor);
    void close(const QString& reason); // "logout", "idle", "shutdown"
    void touch();                      // any admin activity restarts the idle timer
    bool isOpen() const { return m_lock && m_lock->isLocked(); }
    QString actor() const { return m_actor; }
    QString lastError() const { return m_error; }
    QString lockPath() const;

    // Appends an AdminAction audit event: actor "admin:<actor>", objectRef, result, and
    // detail "<action>" or "<action>: <detail>" (detail must hold no personal data).
    void record(const QString& action, const QString& objectRef, const QString& result,
                const QString& detail = {});

signals:
    void opened();
    void closed(QString reason);

private:
    void onVerified(const PinOutcome& outcome);

    QString m_stateDir;
    AuditSink m_audit;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_idle;
    QElapsedTimer m_acceptedAt; // invalid: no pending acceptance
    QString m_actor;
    QString m_error;
};

} // namespace onewindow::admin
