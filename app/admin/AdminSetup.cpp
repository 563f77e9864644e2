#include "app/admin/AdminSetup.h"

#include "app/platform/KioskConfig.h"

namespace onewindow::admin {

namespace {

int boundedInt(const KioskConfig& config, const char* key, int fallback, int lo, int hi)
{
    bool ok = false;
    const int v = config.value(QLatin1String(key), fallback).toInt(&ok);
    return ok && v >= lo && v <= hi ? v : fallback;
}

} // namespace

AdminSettings AdminSettings::fromConfig(const KioskConfig& config)
{
    AdminSettings s;
    s.pinFile = PinStore::pathFor(config);
    s.stateDir = config.stateDir();
    s.maxFailures = boundedInt(config, "admin/max_failures", s.maxFailures, 1, 100);
    s.lockoutMinutes = boundedInt(config, "admin/lockout_minutes", s.lockoutMinutes, 1, 1440);
    s.idleSeconds = boundedInt(config, "admin/idle_seconds", s.idleSeconds, 1, 3600);
    s.technicianCards = TechnicianCards::entriesFrom(config);
    return s;
}

AdminSetup AdminSetup::fromConfig(const KioskConfig& config, AuditSink audit, LockoutState::Clock clock)
{
    const AdminSettings settings = AdminSettings::fromConfig(config);
    PinStore store(settings.pinFile);
    LockoutState lockout(LockoutState::pathIn(settings.stateDir), settings.maxFailures,
                         settings.lockoutMinutes, std::move(clock));
    TechnicianCards cards;
    if (!settings.technicianCards.isEmpty()) {
        const auto record = store.load();
        if (record.ok())
            cards = TechnicianCards(record.value().salt, settings.technicianCards);
    }
    return AdminSetup{settings, std::move(store), std::move(lockout), std::move(cards), std::move(audit)};
}

std::unique_ptr<AdminAuthenticator> AdminSetup::makeAuthenticator(QObject* parent) const
{
    return std::make_unique<AdminAuthenticator>(store, lockout, audit, parent);
}

std::unique_ptr<AdminSession> AdminSetup::makeSession(const AdminAuthenticator* authenticator,
                                                      QObject* parent) const
{
    auto session = std::make_unique<AdminSession>(settings.stateDir,
                                                  std::chrono::seconds(settings.idleSeconds), audit, parent);
    if (authenticator)
        session->watch(authenticator);
    return session;
}

} // namespace onewindow::admin
