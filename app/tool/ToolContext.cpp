#include "app/tool/ToolContext.h"

namespace onewindow::tool {

ToolContext ToolContext::load(const QString& explicitConfigPath)
{
    ToolContext context;
    context.m_explicit = !explicitConfigPath.isEmpty();
    context.m_config = KioskConfig::load(KioskConfig::locate(explicitConfigPath));
    return context;
}

QString ToolContext::revealRefusal() const
{
    if (configFailed())
        return QStringLiteral("--reveal refused: the configuration could not be loaded (%1)")
            .arg(configError());
    if (!m_config.allowReveal()) {
        const QString where =
            m_config.path().isEmpty() ? QStringLiteral("the configuration") : m_config.path();
        return QStringLiteral("--reveal refused: privacy/allow_reveal is not enabled in %1").arg(where);
    }
    return {};
}

} // namespace onewindow::tool
