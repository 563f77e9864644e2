#include "app/adminui/AdminMode.h"

#include "app/admin/AdminAuthenticator.h"
#include "app/admin/AdminSession.h"
#include "app/admin/AdminSetup.h"
#include "app/adminui/AdminEntry.h"
#include "app/adminui/AdminPages.h"
#include "app/adminui/ConfigEditor.h"
#include "app/platform/ConfigOverrides.h"
#include "app/platform/KioskConfig.h"
#include "app/session/ResidentSession.h"
#include "app/storage/StorageService.h"
#include "drivers/idcard/Identity.h"

#include <QPrinterInfo>

namespace onewindow::adminui {

namespace {
// The effective value of every setting the configuration page edits (defaults included).
QVariantMap editableValues(const KioskConfig& config)
{
    return {
        {QStringLiteral("hub/url"), config.value(QStringLiteral("hub/url")).toString()},
        {QStringLiteral("hub/connect_timeout_ms"),
         config.value(QStringLiteral("hub/connect_timeout_ms"), 10000).toString()},
        {QStringLiteral("hub/total_timeout_ms"),
         config.value(QStringLiteral("hub/total_timeout_ms"), 120000).toString()},
        {QStringLiteral("ui/default_language"), config.defaultLanguage()},
        {QStringLiteral("ui/elderly_default"),
         config.elderlyModeDefault() ? QStringLiteral("true") : QStringLiteral("false")},
        {QStringLiteral("printer/name"), config.value(QStringLiteral("printer/name")).toString()},
        {QStringLiteral("session/idle_identified"),
         QString::number(config.idleSeconds(QStringLiteral("identified")))},
        {QStringLiteral("session/idle_form"), QString::number(config.idleSeconds(QStringLiteral("form")))},
    };
}
} // namespace

AdminMode::AdminMode(const KioskConfig& config, Parts parts, AdminHooks hooks) : m_parts(parts)
{
    admin::AuditSink audit;
    if (storage::StorageService* storage = parts.storage)
        audit = [storage](storage::AuditEvent event) {
            storage->post([event](storage::StorageWorker& w) {
                if (w.isOpen())
                    w.audit().append(event);
                return 0;
            });
        };
    m_setup = std::make_unique<admin::AdminSetup>(admin::AdminSetup::fromConfig(config, audit));
    m_auth = m_setup->makeAuthenticator();
    m_session = m_setup->makeSession(m_auth.get());
    m_entry = std::make_unique<AdminEntry>(m_auth.get(), m_session.get(), &m_setup->cards);

    const QString overridePath = ConfigOverrides::pathFor(config.stateDir());
    m_config = std::make_unique<ConfigEditor>(editableValues(config), overridePath,
                                              QPrinterInfo::availablePrinterNames());
    admin::AdminSession* session = m_session.get();
    hooks.record = [session](const QString& action, const QString& object, const QString& result,
                             const QString& detail) {
        session->record(action, object, result, detail);
    };
    hooks.touch = [session] {
        session->touch();
    };
    AdminPages::Parts pageParts;
    pageParts.readers = parts.readers;
    pageParts.storage = parts.storage;
    pageParts.sync = parts.sync;
    pageParts.session = parts.session;
    pageParts.config = m_config.get();
    pageParts.overridePath = overridePath;
    pageParts.exitAllowed = config.value(QStringLiteral("admin/allow_exit"), false).toBool();
    pageParts.outOfService = config.value(QStringLiteral("kiosk/out_of_service"), false).toBool();
    m_pages = std::make_unique<AdminPages>(pageParts, std::move(hooks));
    AdminPages* pages = m_pages.get();
    QObject::connect(m_entry.get(), &AdminEntry::stageChanged, pages, [pages, entry = m_entry.get()] {
        pages->setActive(entry->stage() == QLatin1String("open"));
    });
}

AdminMode::~AdminMode()
{
    // The pages and the entry refer to the session and authenticator: they go first.
    m_pages.reset();
    m_entry.reset();
}

bool AdminMode::takesCards() const
{
    return m_entry->isActive();
}

bool AdminMode::routeCardRead(const QString& readerName, const Identity& identity)
{
    if (m_entry->isActive()) {
        m_pages->takeCardRead(readerName, identity);
        return true;
    }
    if (m_entry->offerCard(identity.idNumber)) {
        // The reader already put the resident session into "reading": end it, with a wipe.
        if (m_parts.session)
            m_parts.session->endSession();
        return true;
    }
    return false;
}

bool AdminMode::routeReadFailed(const QString& readerName, ReadError error)
{
    if (!m_entry->isActive())
        return false;
    m_pages->takeReadFailure(readerName, QLatin1String(readErrorKey(error)));
    return true;
}

} // namespace onewindow::adminui
