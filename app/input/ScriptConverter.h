#pragma once

#include "drivers/idcard/Expected.h"

#include <QString>
#include <memory>

namespace onewindow::input {

// Simplified → Traditional (Taiwan standard characters) for zh_TW sessions, using Debian's
// OpenCC with its "s2tw" configuration. Character variants only, no vocabulary rewriting
// (s2twp would turn 软件 into 軟體): form fields hold names and addresses, not prose.
class ScriptConverter
{
public:
    static Expected<std::unique_ptr<ScriptConverter>, QString> openSimplifiedToTaiwan();
    ~ScriptConverter();
    ScriptConverter(const ScriptConverter&) = delete;
    ScriptConverter& operator=(const ScriptConverter&) = delete;

    // Converts `text`; returns it unchanged if OpenCC fails (never loses input).
    QString convert(const QString& text) const;

private:
    explicit ScriptConverter(void* handle) : m_handle(handle) {}
    void* m_handle; // opencc_t
};

} // namespace onewindow::input
