#include "app/platform/StatePaths.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace onewindow {

QString StatePaths::perUserDefault()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/onewindow");
}

QString StatePaths::ensure(const QString& dir)
{
    if (dir.isEmpty())
        return QStringLiteral("no state directory configured");
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot create state directory %1").arg(dir);
    if (!QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return QStringLiteral("cannot restrict permissions of %1").arg(dir);
    return {};
}

} // namespace onewindow
