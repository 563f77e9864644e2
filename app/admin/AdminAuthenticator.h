#pragma once

#include "app/admin/AdminAudit.h"
#include "app/admin/LockoutState.h"
#include "app/admin/PinStore.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>

namespace onewindow::admin {

enum class PinResult
{
    Accepted,
    Wrong,
    LockedOut,
    NotProvisioned,
    Busy, // a verification is still running; try again when it answers
};

struct PinOutcome
{
    PinResult result = PinResult::Wrong;
    int attemptsLeft = 0;  // for Wrong: failures still allowed before the lock
    QDateTime lockedUntil; // for LockedOut (UTC)
};

const char* resultName(PinResult result); // "accepted", "wrong", "locked_out", …

// Checks the admin PIN without blocking the GUI thread: the record is read and scrypt runs on a
// QThreadPool worker; verified() arrives queued on the thread the authenticator lives in.
// While locked it answers LockedOut without hashing; an unprovisioned kiosk refuses every PIN.
class AdminAuthenticator : public QObject
{
    Q_OBJECT
public:
    AdminAuthenticator(PinStore store, LockoutState lockout, QObject* parent = nullptr);
    AdminAuthenticator(PinStore store, LockoutState lockout, AuditSink audit, QObject* parent = nullptr);
    // Waits for a running verification so it never writes the lockout file after its owner is gone.
    ~AdminAuthenticator() override;

    // As of construction or the last verification (no disk access).
    bool provisioned() const { return m_provisioned; }
    QString provisioningError() const { return m_provisioningError; } // why not provisioned
    QDateTime lockedUntil() const;                                    // invalid when not locked
    bool busy() const { return m_watcher.isRunning(); }

    // Async; the copy of the PIN is wiped after hashing. Always answers with verified().
    void verifyPin(const QString& pin);

signals:
    void verified(onewindow::admin::PinOutcome outcome);

private:
    struct Work
    {
        PinOutcome outcome;
        bool provisioned = false;
        QString note; // provisioning or lockout-file problem; never the PIN
    };
    static Work run(const PinStore& store, const LockoutState& lockout, QString pin);
    void finish();
    void audit(const PinOutcome& outcome);

    PinStore m_store;
    LockoutState m_lockout;
    AuditSink m_audit;
    bool m_provisioned = false;
    QString m_provisioningError;
    QDateTime m_lockedUntil;
    QFutureWatcher<Work> m_watcher;
};

} // namespace onewindow::admin

Q_DECLARE_METATYPE(onewindow::admin::PinOutcome)
