#include "app/platform/Logging.h"

#include <QRegularExpression>
#include <cstdio>

namespace onewindow {

Q_LOGGING_CATEGORY(lcReader, "onewindow.reader")
Q_LOGGING_CATEGORY(lcSession, "onewindow.session")
Q_LOGGING_CATEGORY(lcUi, "onewindow.ui")
Q_LOGGING_CATEGORY(lcConfig, "onewindow.config")

namespace {
QtMessageHandler g_previous = nullptr;
bool g_installed = false;

QString maskMiddle(const QString& s)
{
    if (s.size() <= 7)
        return QString(s.size(), QLatin1Char('*'));
    return s.left(3) + QString(s.size() - 7, QLatin1Char('*')) + s.right(4);
}

void redactingHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QString redacted = redactLogText(message);
    if (g_previous) {
        g_previous(type, context, redacted);
        return;
    }
    std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, redacted)));
}
} // namespace

QString redactLogText(const QString& text)
{
    // Digits must not touch other digits, so phone numbers in longer digit runs are left
    // alone only when they cannot be an ID number.
    // Never destroyed: messages can still arrive while static objects are being torn down at
    // exit, and a destroyed pattern would let a number through (or print "invalid pattern").
    static const QRegularExpression* const idLike = new QRegularExpression(
        QStringLiteral("(?<![0-9A-Za-z])([0-9]{17}[0-9Xx]|[0-9]{15}|[A-Z]{3}[0-9]{12})(?![0-9A-Za-z])"));
    QString out;
    qsizetype last = 0;
    auto it = idLike->globalMatch(text);
    if (!it.hasNext())
        return text;
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart(1) - last);
        out += maskMiddle(m.captured(1));
        last = m.capturedEnd(1);
    }
    out += QStringView(text).mid(last);
    return out;
}

void installRedactingMessageHandler()
{
    if (g_installed)
        return;
    g_installed = true;
    g_previous = qInstallMessageHandler(redactingHandler);
}

} // namespace onewindow
