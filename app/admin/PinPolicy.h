#pragma once

#include <QString>

namespace onewindow::admin {

// Which PINs may be set (gov-standards.md §5.5 a: password complexity): 6–12 ASCII digits, not
// one digit repeated, not a run that goes up or down by one (123456, 654321, 890123 is not a run).
class PinPolicy
{
public:
    static constexpr int kMinDigits = 6;
    static constexpr int kMaxDigits = 12;

    // Empty when `pin` is acceptable, else a one-line reason that never repeats the PIN.
    static QString check(const QString& pin);
};

} // namespace onewindow::admin
