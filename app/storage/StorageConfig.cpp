#include "app/storage/StorageConfig.h"

#include "app/platform/KioskConfig.h"

namespace onewindow::storage {

StorageConfig StorageConfig::fromKioskConfig(const KioskConfig& config)
{
    StorageConfig c;
    c.stateDir = config.stateDir();
    c.keyFile = config.value(QStringLiteral("storage/key_file")).toString();
    c.licenseRootKey = config.value(QStringLiteral("licenses/root_key")).toString();
    bool ok = false;
    const double hours = config.value(QStringLiteral("storage/retention_hours")).toDouble(&ok);
    if (ok && hours >= 0)
        c.retentionMs = qint64(hours * 3600.0 * 1000.0);
    return c;
}

} // namespace onewindow::storage
