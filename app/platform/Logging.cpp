#include "app/platform/Logging.h"

#include "app/platform/KioskConfig.h"
#include "app/platform/LogRedaction.h"
#include "app/platform/LogSinks.h"
#include "app/platform/RecentLog.h"

#include <QDateTime>
#include <atomic>
#include <cstdio>

namespace onewindow {

Q_LOGGING_CATEGORY(lcReader, "onewindow.reader")
Q_LOGGING_CATEGORY(lcSession, "onewindow.session")
Q_LOGGING_CATEGORY(lcUi, "onewindow.ui")
Q_LOGGING_CATEGORY(lcConfig, "onewindow.config")
Q_LOGGING_CATEGORY(lcDiagnostics, "onewindow.diagnostics")

namespace {

std::atomic<bool> g_installed{false};
std::atomic<int> g_target{int(LogTarget::Auto)};
std::atomic<bool> g_journalStream{false}; // resolved once: stderr does not change under us
thread_local bool t_inHandler = false;

bool useJournal()
{
    const auto target = LogTarget(g_target.load());
    return target == LogTarget::Journal || (target == LogTarget::Auto && g_journalStream.load());
}

void redactingHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    // Something in here that logs (a regular expression warning …) must not recurse.
    if (t_inHandler) {
        std::fprintf(stderr, "%s\n", qPrintable(redactLogText(message)));
        return;
    }
    t_inHandler = true;
    const QString redacted = redactLogText(message);
    const QString line =
        logsinks::stderrLine(type, context.category, redacted, QDateTime::currentDateTimeUtc());
    RecentLog::instance().append(line);
    bool sent = false;
    if (useJournal())
        sent = logsinks::sendToJournal(logsinks::journalFields(type, context, redacted));
    if (!sent) {
        // A site's $QT_MESSAGE_PATTERN is honoured; it formats the already-redacted text.
        const QString out = qEnvironmentVariableIsSet("QT_MESSAGE_PATTERN")
                                ? qFormatLogMessage(type, context, redacted)
                                : line;
        std::fprintf(stderr, "%s\n", out.toUtf8().constData());
        std::fflush(stderr);
    }
    t_inHandler = false;
}

} // namespace

QString redactLogText(const QString& text)
{
    return LogRedaction::redact(text);
}

void installRedactingMessageHandler()
{
    if (g_installed.exchange(true))
        return;
    g_journalStream = logsinks::stderrIsJournal();
    qInstallMessageHandler(redactingHandler);
}

void setLogTarget(LogTarget target)
{
    g_target = int(target);
}

LogTarget effectiveLogTarget()
{
    return useJournal() ? LogTarget::Journal : LogTarget::Stderr;
}

QString applyLoggingConfig(const KioskConfig& config)
{
    QStringList problems;
    const QVariant rulesValue = config.value(QStringLiteral("logging/rules"));
    if (rulesValue.isValid()) {
        // QSettings turns "a, b" into a list; ';' separates rules too.
        const QStringList parts = rulesValue.typeId() == QMetaType::QStringList
                                      ? rulesValue.toStringList()
                                      : QStringList{rulesValue.toString()};
        QStringList rules;
        for (const QString& part : parts) {
            for (const QString& rule : part.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                if (!rule.trimmed().isEmpty())
                    rules << rule.trimmed();
            }
        }
        for (const QString& rule : rules) {
            if (!rule.contains(QLatin1Char('=')))
                problems
                    << QStringLiteral("logging/rules: '%1' is not CATEGORY=true|false").arg(rule.left(80));
        }
        if (problems.isEmpty() && !rules.isEmpty())
            QLoggingCategory::setFilterRules(rules.join(QLatin1Char('\n')));
    }
    const QString target = config.value(QStringLiteral("logging/target"), QStringLiteral("auto")).toString();
    if (target == QLatin1String("auto"))
        setLogTarget(LogTarget::Auto);
    else if (target == QLatin1String("stderr"))
        setLogTarget(LogTarget::Stderr);
    else if (target == QLatin1String("journal"))
        setLogTarget(LogTarget::Journal);
    else
        problems << QStringLiteral("logging/target: expected auto, stderr or journal");
    return problems.join(QStringLiteral("; "));
}

} // namespace onewindow
