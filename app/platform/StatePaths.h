#pragma once

#include <QString>

namespace onewindow {

// The kiosk's state directory (databases, keys). Created with mode 0700 on first use so no
// other local user can read it.
class StatePaths
{
public:
    // The per-user directory the demo uses: $XDG_DATA_HOME/onewindow (~/.local/share/onewindow).
    static QString perUserDefault();
    // Creates `dir` (and parents) if needed and restricts it to its owner. Returns an error
    // message, empty on success.
    static QString ensure(const QString& dir);
};

} // namespace onewindow
