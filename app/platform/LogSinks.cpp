#include "app/platform/LogSinks.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <sys/stat.h>
#include <sys/uio.h>

#ifdef ONEWINDOW_HAVE_LIBSYSTEMD
#include <systemd/sd-journal.h>
#endif

namespace onewindow::logsinks {

int journalPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 2;
    }
    return 6;
}

QList<QByteArray> journalFields(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    QList<QByteArray> fields;
    fields << "MESSAGE=" + message.toUtf8();
    fields << "PRIORITY=" + QByteArray::number(journalPriority(type));
    fields << "ONEWINDOW_CATEGORY=" + QByteArray(context.category ? context.category : "default");
    if (context.file && *context.file)
        fields << "CODE_FILE=" + QByteArray(context.file);
    if (context.line > 0)
        fields << "CODE_LINE=" + QByteArray::number(context.line);
    if (context.function && *context.function)
        fields << "CODE_FUNC=" + QByteArray(context.function);
    const QString app = QCoreApplication::applicationName();
    fields << "SYSLOG_IDENTIFIER=" + (app.isEmpty() ? QByteArray("onewindow") : app.toUtf8());
    return fields;
}

bool stderrIsJournal()
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const int colon = stream.indexOf(':');
    if (colon <= 0)
        return false;
    bool okDev = false;
    bool okIno = false;
    const qulonglong dev = stream.left(colon).toULongLong(&okDev);
    const qulonglong ino = stream.mid(colon + 1).toULongLong(&okIno);
    struct stat st
    {};
    if (!okDev || !okIno || ::fstat(2, &st) != 0)
        return false;
    return qulonglong(st.st_dev) == dev && qulonglong(st.st_ino) == ino;
}

bool sendToJournal(const QList<QByteArray>& fields)
{
#ifdef ONEWINDOW_HAVE_LIBSYSTEMD
    QVarLengthArray<struct iovec, 8> iov;
    for (const QByteArray& f : fields)
        iov.append({const_cast<char*>(f.constData()), size_t(f.size())});
    return sd_journal_sendv(iov.data(), int(iov.size())) >= 0;
#else
    Q_UNUSED(fields);
    return false;
#endif
}

bool journalCompiledIn()
{
#ifdef ONEWINDOW_HAVE_LIBSYSTEMD
    return true;
#else
    return false;
#endif
}

QString stderrLine(QtMsgType type, const char* category, const QString& message, const QDateTime& utc)
{
    char level = 'I';
    switch (type) {
    case QtDebugMsg:
        level = 'D';
        break;
    case QtInfoMsg:
        level = 'I';
        break;
    case QtWarningMsg:
        level = 'W';
        break;
    case QtCriticalMsg:
        level = 'E';
        break;
    case QtFatalMsg:
        level = 'F';
        break;
    }
    return QStringLiteral("%1 %2 %3: %4")
        .arg(utc.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss.zzzZ")), QChar::fromLatin1(level),
             QLatin1String(category && *category ? category : "default"), message);
}

} // namespace onewindow::logsinks
