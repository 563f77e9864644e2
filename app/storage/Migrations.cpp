#include "app/storage/Migrations.h"

namespace onewindow::storage {

int Migrator::latestVersion(const QList<Migration>& steps)
{
    return steps.isEmpty() ? 0 : steps.last().version;
}

QString Migrator::newerSchemaMessage(const QString& fileLabel, int found, int known)
{
    return QStringLiteral(
               "%1 has schema version %2, but this OneWindow build knows versions up to %3: it was "
               "written by a newer release. Refusing to open it (nothing was changed); install "
               "the newer release or restore a backup.")
        .arg(fileLabel)
        .arg(found)
        .arg(known);
}

Status Migrator::apply(SqliteDb& db, const QString& fileLabel, const QList<Migration>& steps)
{
    auto current = db.queryInt("PRAGMA user_version");
    if (!current.ok())
        return fail(current.error());
    const int known = latestVersion(steps);
    if (current.value() > known)
        return fail(StorageError::Kind::NewerSchema,
                    newerSchemaMessage(fileLabel, int(current.value()), known));

    for (const Migration& step : steps) {
        if (step.version <= current.value())
            continue;
        Transaction tx(db);
        if (!tx.begun().ok())
            return fail(tx.begun().error());
        // Re-read inside the lock: another process may have migrated meanwhile.
        auto inside = db.queryInt("PRAGMA user_version");
        if (!inside.ok())
            return fail(inside.error());
        if (inside.value() >= step.version)
            continue;
        Status s = db.exec(step.sql);
        if (!s.ok()) {
            StorageError e = s.error();
            e.message =
                QStringLiteral("%1 migration %2 failed: %3").arg(fileLabel).arg(step.version).arg(e.message);
            return fail(e);
        }
        const QByteArray pragma = "PRAGMA user_version = " + QByteArray::number(step.version);
        s = db.exec(pragma.constData());
        if (!s.ok())
            return fail(s.error());
        s = tx.commit();
        if (!s.ok())
            return fail(s.error());
    }
    return Ok{};
}

} // namespace onewindow::storage
