#include "app/storage/Salvage.h"

#include <limits>
#include <sqlite3.h>

namespace onewindow::storage {

namespace {

QStringList userTables(SqliteDb& db)
{
    QStringList names;
    Statement st(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                     "AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name");
    while (st.next())
        names.append(st.text(0));
    return names;
}

QStringList columnsOf(SqliteDb& db, const QString& table)
{
    QStringList cols;
    const QByteArray sql = "SELECT name FROM pragma_table_info('" + table.toUtf8() + "')";
    Statement st(db, sql.constData());
    while (st.next())
        cols.append(st.text(0));
    return cols;
}

} // namespace

Salvager::Outcome Salvager::copyReadableRows(const QString& damagedPath, SqliteDb& into)
{
    Outcome out;
    auto from = SqliteDb::open(damagedPath, SqliteDb::Mode::ReadWrite);
    if (!from.ok()) {
        out.notes.append(QStringLiteral("damaged file cannot be opened: %1").arg(from.error().message));
        ++out.readErrors;
        return out;
    }
    SqliteDb& src = *from.value();
    into.exec("BEGIN IMMEDIATE");
    for (const QString& table : userTables(into)) {
        const QStringList cols = columnsOf(into, table);
        if (cols.isEmpty())
            continue;
        const QString list = cols.join(QStringLiteral(", "));
        QString marks = QStringLiteral("?");
        for (int i = 1; i < cols.size(); ++i)
            marks += QStringLiteral(", ?");
        const QByteArray select = QStringLiteral("SELECT rowid, %1 FROM %2 WHERE rowid > ? ORDER BY rowid")
                                      .arg(list, table)
                                      .toUtf8();
        const QByteArray insert =
            QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)").arg(table, list, marks).toUtf8();
        Statement ins(into, insert.constData());
        qint64 copied = 0;
        qint64 errors = 0;
        qint64 after = std::numeric_limits<qint64>::min();
        qint64 jump = 1;
        for (int attempts = 0; attempts < 64;) {
            Statement sel(src, select.constData());
            if (!sel.ok()) {
                ++errors;
                break; // the table itself is unreadable
            }
            sel.bind(1, after);
            bool progressed = false;
            while (sel.next()) {
                after = sel.int64(0);
                progressed = true;
                jump = 1;
                ins.reset();
                for (int i = 0; i < cols.size(); ++i)
                    sqlite3_bind_value(ins.handle(), i + 1, sqlite3_column_value(sel.handle(), i + 1));
                if (ins.run().ok() && into.changes() > 0)
                    ++copied;
            }
            if (!sel.failed())
                break; // reached the end
            ++errors;
            ++attempts;
            // Skip past the unreadable region, further each time it fails again without progress.
            if (!progressed && after > std::numeric_limits<qint64>::max() - jump)
                break;
            if (after == std::numeric_limits<qint64>::min())
                after = jump - 1;
            else
                after += jump;
            jump = progressed ? 2 : jump * 2;
        }
        out.rowsCopied += copied;
        out.readErrors += errors;
        out.notes.append(
            QStringLiteral("%1: %2 rows copied, %3 read errors").arg(table).arg(copied).arg(errors));
    }
    into.exec("COMMIT");
    return out;
}

} // namespace onewindow::storage
