#pragma once

#include <QString>
#include <QVariantMap>

namespace onewindow {

class KioskConfig;

// Settings a technician changed in admin mode. /etc/onewindow/kiosk.conf belongs to root and the
// kiosk user cannot write it (DESIGN.md §10), so the admin pages write their changes to a file of
// their own in the state directory, applied over the configuration at start-up. Only keys in
// the editable list are ever read back from it, so the file cannot widen what admin mode may
// change (readers, paths, keys and certificates stay root's).
class ConfigOverrides
{
public:
    static QString pathFor(const QString& stateDir); // <stateDir>/admin-settings.conf
    static bool isEditable(const QString& key);

    // Applies the file's editable keys to `config`; a missing file changes nothing.
    static void applyTo(KioskConfig& config, const QString& path);
    static QVariantMap read(const QString& path);
    // Atomic (temp + fsync + rename), mode 0600. False with `error` set on failure.
    static bool write(const QString& path, const QVariantMap& values, QString* error);
    // Read, merge `changes` over what the file holds, write back (the configuration page's
    // settings and the out-of-service switch share the file). Blocking file I/O: not on the GUI
    // thread.
    static bool update(const QString& path, const QVariantMap& changes, QString* error);
};

} // namespace onewindow
