#include "app/assist/AssistTypes.h"

#include <QRegularExpression>

namespace onewindow::assist {

const char* reasonName(AssistReason r)
{
    switch (r) {
    case AssistReason::ResidentPressedHelp:
        return "resident_pressed_help";
    case AssistReason::WrongPrefilledField:
        return "wrong_prefilled_field";
    }
    return "resident_pressed_help";
}

QString screenName(const QString& objectName)
{
    static const char* const kScreens[] = {"attract", "reading",  "identity",  "catalog",     "itemDetail",
                                           "consent", "busy",     "form",      "review",      "receipt",
                                           "rating",  "progress", "cardError", "outOfService"};
    for (const char* s : kScreens) {
        if (objectName == QLatin1String(s) + QLatin1String("Screen"))
            return QString::fromLatin1(s);
    }
    return QStringLiteral("other");
}

bool isProtocolToken(const QString& text)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return token.match(text).hasMatch();
}

} // namespace onewindow::assist
