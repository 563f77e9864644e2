#include "app/admin/PinPolicy.h"

namespace onewindow::admin {

QString PinPolicy::check(const QString& pin)
{
    for (const QChar c : pin) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return QStringLiteral("the PIN must consist of digits 0-9 only");
    }
    if (pin.size() < kMinDigits || pin.size() > kMaxDigits)
        return QStringLiteral("the PIN must have %1 to %2 digits").arg(kMinDigits).arg(kMaxDigits);
    bool allSame = true, ascending = true, descending = true;
    for (qsizetype i = 1; i < pin.size(); ++i) {
        const int step = pin.at(i).unicode() - pin.at(i - 1).unicode();
        allSame = allSame && step == 0;
        ascending = ascending && step == 1;
        descending = descending && step == -1;
    }
    if (allSame)
        return QStringLiteral("the PIN must not repeat one digit");
    if (ascending || descending)
        return QStringLiteral("the PIN must not be an ascending or descending run of digits");
    return {};
}

} // namespace onewindow::admin
