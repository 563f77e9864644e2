#pragma once

#include "app/adminui/AdminHooks.h"
#include "drivers/reader/ReaderInfo.h"

#include <QString>
#include <memory>

namespace onewindow {
class KioskConfig;
class ReaderManager;
class ResidentSession;
struct Identity;
namespace storage {
class StorageService;
}
namespace sync {
class SyncService;
}
namespace admin {
class AdminAuthenticator;
class AdminSession;
struct AdminSetup;
} // namespace admin
} // namespace onewindow

namespace onewindow::adminui {

class AdminEntry;
class AdminPages;
class ConfigEditor;

// Admin mode, assembled (the composition root builds one): the PIN check and admin session
// of app/admin, the entry and the pages for QML, and the routing of card events while a
// technician works (no resident session starts under admin mode; a technician card opens the
// PIN pad instead of a session).
class AdminMode
{
public:
    struct Parts
    {
        ReaderManager* readers = nullptr;
        storage::StorageService* storage = nullptr;
        sync::SyncService* sync = nullptr;
        ResidentSession* session = nullptr;
    };
    // `hooks.record` and `hooks.touch` are filled in here (the admin session's); the others
    // come from the caller. Audit events go to the storage thread's audit log.
    AdminMode(const KioskConfig& config, Parts parts, AdminHooks hooks);
    ~AdminMode();

    AdminEntry* entry() const { return m_entry.get(); }
    AdminPages* pages() const { return m_pages.get(); }

    // Card events: true when admin mode took the event (the resident session must not see it).
    bool takesCards() const;
    bool routeCardRead(const QString& readerName, const Identity& identity);
    bool routeReadFailed(const QString& readerName, ReadError error);

private:
    Parts m_parts;
    std::unique_ptr<admin::AdminSetup> m_setup;
    std::unique_ptr<admin::AdminAuthenticator> m_auth;
    std::unique_ptr<admin::AdminSession> m_session;
    std::unique_ptr<ConfigEditor> m_config;
    std::unique_ptr<AdminEntry> m_entry;
    std::unique_ptr<AdminPages> m_pages;
};

} // namespace onewindow::adminui
