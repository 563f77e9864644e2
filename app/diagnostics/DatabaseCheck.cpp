#include "app/diagnostics/DatabaseCheck.h"

#include "app/storage/DatabaseOpener.h"
#include "app/storage/SqliteDb.h"

#include <QFileInfo>

namespace onewindow::diagnostics {

using namespace onewindow::storage;

DatabaseCheck DatabaseCheck::run(const QString& label, const QString& path,
                                 const QList<Migration>& migrations)
{
    DatabaseCheck c;
    c.label = label;
    c.path = path;
    c.exists = QFileInfo::exists(path);
    if (!c.exists) {
        c.status = Status::Warn;
        c.detail = QStringLiteral("%1 does not exist yet: the kiosk creates it on first start").arg(path);
        return c;
    }
    c.sizeBytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    auto opened = SqliteDb::open(path, SqliteDb::Mode::ReadOnly);
    if (!opened.ok()) {
        c.status = Status::Fail;
        c.detail = opened.error().message;
        return c;
    }
    SqliteDb& db = *opened.value();
    auto version = db.queryInt("PRAGMA user_version");
    if (!version.ok()) {
        c.status = Status::Fail;
        c.detail = version.error().message;
        return c;
    }
    c.schemaVersion = int(version.value());
    const int known = Migrator::latestVersion(migrations);
    if (c.schemaVersion > known) {
        c.status = Status::Fail;
        c.detail = Migrator::newerSchemaMessage(label, c.schemaVersion, known);
        return c;
    }
    c.quickCheck = DatabaseOpener::quickCheck(db);
    if (c.quickCheck != QLatin1String("ok")) {
        c.status = Status::Fail;
        c.detail = QStringLiteral("quick_check: %1").arg(c.quickCheck.left(200));
        return c;
    }
    if (c.schemaVersion < known) {
        c.status = Status::Warn;
        c.detail = QStringLiteral("schema version %1 (expected %2): the kiosk migrates it on start")
                       .arg(c.schemaVersion)
                       .arg(known);
        return c;
    }
    c.detail = QStringLiteral("quick_check ok, schema version %1").arg(c.schemaVersion);
    return c;
}

QString DatabaseCheck::statusName(Status s)
{
    switch (s) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Warn:
        return QStringLiteral("warn");
    case Status::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

} // namespace onewindow::diagnostics
