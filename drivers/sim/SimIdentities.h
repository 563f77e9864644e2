#pragma once

#include "drivers/idcard/Expected.h"
#include "drivers/idcard/Identity.h"

#include <QList>
#include <QString>

namespace onewindow {

// A synthetic card for the simulated reader: a label for the demo panel and the identity
// it carries. Loaded from resources/demo/identities.json (or a file named in the config).
struct SimCard
{
    QString label;
    Identity identity;
};

// The built-in demo file (compiled into the binary as a Qt resource).
QString builtInSimIdentitiesPath();
// Parses the file. Errors name the entry and field, never its value.
Expected<QList<SimCard>, QString> loadSimCards(const QString& path);
// The same from the file's bytes; `path` names the source in errors.
Expected<QList<SimCard>, QString> parseSimCards(const QByteArray& json, const QString& path);

} // namespace onewindow
