#pragma once

#include "app/platform/KioskConfig.h"

#include <QString>

namespace onewindow::tool {

// What every command may need from outside: the configuration and the reveal policy.
class ToolContext
{
public:
    // Loads the configuration named by --config (empty: $ONEWINDOW_CONFIG, then
    // /etc/onewindow/kiosk.conf, else defaults; see KioskConfig::locate).
    static ToolContext load(const QString& explicitConfigPath);

    const KioskConfig& config() const { return m_config; }
    bool configExplicit() const { return m_explicit; }
    // A configuration that was named but could not be loaded. An explicit --config that fails
    // is a usage error; an implicit one only blocks --reveal (fail closed).
    bool configFailed() const { return !m_config.ok(); }
    QString configError() const { return m_config.errorString(); }

    // Empty when --reveal may be honoured, else the one-line reason it is refused.
    // Allowed only when the configuration loaded and privacy/allow_reveal is true (the
    // default only when there is no configuration file at all, i.e. a developer machine).
    QString revealRefusal() const;

private:
    KioskConfig m_config;
    bool m_explicit = false;
};

} // namespace onewindow::tool
