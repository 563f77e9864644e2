#pragma once

#include "app/admin/AdminAudit.h"
#include "app/admin/AdminAuthenticator.h"
#include "app/admin/AdminSession.h"
#include "app/admin/LockoutState.h"
#include "app/admin/PinStore.h"
#include "app/admin/TechnicianCards.h"

#include <memory>

namespace onewindow {
class KioskConfig;
}

namespace onewindow::admin {

// The [admin] section of kiosk.conf, with defaults and sane bounds.
struct AdminSettings
{
    QString pinFile;  // [admin] pin_file → "admin-pin" next to the config file
    QString stateDir; // [kiosk] state_dir
    int maxFailures = LockoutState::kDefaultMaxFailures;       // [admin] max_failures (1..100)
    int lockoutMinutes = LockoutState::kDefaultLockoutMinutes; // [admin] lockout_minutes (1..1440)
    int idleSeconds = AdminSession::kDefaultIdleSeconds;       // [admin] idle_seconds (1..3600)
    QStringList technicianCards;                               // [admin] technician_cards

    static AdminSettings fromConfig(const KioskConfig& config);
};

// Everything admin mode needs, built from the configuration. Reads the PIN record once (for the
// technician-card salt); call at start-up, not from a GUI event.
struct AdminSetup
{
    AdminSettings settings;
    PinStore store;
    LockoutState lockout;
    TechnicianCards cards; // empty unless [admin] technician_cards is set and the PIN provisioned
    AuditSink audit;

    static AdminSetup fromConfig(const KioskConfig& config, AuditSink audit = {},
                                 LockoutState::Clock clock = {});

    std::unique_ptr<AdminAuthenticator> makeAuthenticator(QObject* parent = nullptr) const;
    // The session watches `authenticator` (open() needs its Accepted outcome).
    std::unique_ptr<AdminSession> makeSession(const AdminAuthenticator* authenticator,
                                              QObject* parent = nullptr) const;
};

} // namespace onewindow::admin
