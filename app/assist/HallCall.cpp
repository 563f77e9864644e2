#include "app/assist/HallCall.h"

#include "app/assist/AssistTypes.h"
#include "app/platform/KioskConfig.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QProcess>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

namespace onewindow::assist {

namespace {

speed_t speedFor(int baud)
{
    switch (baud) {
    case 1200:
        return B1200;
    case 2400:
        return B2400;
    case 4800:
        return B4800;
    case 19200:
        return B19200;
    case 38400:
        return B38400;
    case 57600:
        return B57600;
    case 115200:
        return B115200;
    default:
        return B9600;
    }
}

} // namespace

HallCallSettings HallCallSettings::fromKioskConfig(const KioskConfig& config)
{
    HallCallSettings s;
    const QVariant command = config.value(QStringLiteral("assist/call_command"));
    // QSettings splits "a, b" into a list: put the commas back before splitting into words.
    const QString commandLine = command.typeId() == QMetaType::QStringList
                                    ? command.toStringList().join(QLatin1Char(','))
                                    : command.toString();
    s.command = QProcess::splitCommand(commandLine);
    s.serialPath = config.value(QStringLiteral("assist/call_serial")).toString().trimmed();
    s.serialBaud = config.value(QStringLiteral("assist/call_serial_baud"), 9600).toInt();
    const int timeout = config.value(QStringLiteral("assist/call_timeout_ms"), 5000).toInt();
    s.timeoutMs = timeout > 0 ? qMin(timeout, 60000) : 5000;
    return s;
}

HallCall::HallCall(HallCallSettings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings))
{
    m_pool.setMaxThreadCount(1); // one request after another, in press order
}

HallCall::~HallCall()
{
    m_pool.waitForDone();
}

bool HallCall::signal(const QString& kioskId, const QString& screen, const QString& reason)
{
    if (!isConfigured())
        return false;
    for (const QString& arg : {kioskId, screen, reason}) {
        if (!isProtocolToken(arg))
            return false;
    }
    QPointer<HallCall> self(this);
    const HallCallSettings s = m_settings;
    m_pool.start([self, s, kioskId, screen, reason] {
        QStringList problems;
        if (!s.command.isEmpty()) {
            if (QString e = runHallCommand(s.command + QStringList{kioskId, screen, reason}, s.timeoutMs);
                !e.isEmpty())
                problems << e;
        }
        if (!s.serialPath.isEmpty()) {
            const QByteArray line =
                QStringLiteral("ASSIST %1 %2 %3\r\n").arg(kioskId, screen, reason).toLatin1();
            if (QString e = writeHallLine(s.serialPath, s.serialBaud, line, s.timeoutMs); !e.isEmpty())
                problems << e;
        }
        // The destructor waits for this task, so `self` is alive while it runs.
        QMetaObject::invokeMethod(
            self.data(),
            [self, problems] {
                if (self)
                    Q_EMIT self->finished(problems.isEmpty(), problems.join(QStringLiteral("; ")));
            },
            Qt::QueuedConnection);
    });
    return true;
}

QString runHallCommand(const QStringList& argv, int timeoutMs)
{
    if (argv.isEmpty())
        return QStringLiteral("no call command");
    QProcess p;
    p.setProgram(argv.first());
    p.setArguments(argv.mid(1));
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    p.start();
    if (!p.waitForStarted(timeoutMs))
        return QStringLiteral("call command did not start: %1").arg(p.errorString());
    if (!p.waitForFinished(timeoutMs)) {
        p.kill(); // our own child, by its handle
        p.waitForFinished(1000);
        return QStringLiteral("call command timed out after %1 ms").arg(timeoutMs);
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("call command exited with %1").arg(p.exitCode());
    return {};
}

QString writeHallLine(const QString& path, int baud, const QByteArray& line, int timeoutMs)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return QStringLiteral("call serial %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)));
    if (::isatty(fd)) {
        termios t{};
        if (::tcgetattr(fd, &t) == 0) {
            ::cfmakeraw(&t);
            ::cfsetospeed(&t, speedFor(baud));
            ::cfsetispeed(&t, speedFor(baud));
            ::tcsetattr(fd, TCSANOW, &t);
        }
    }
    QElapsedTimer clock;
    clock.start();
    qsizetype written = 0;
    QString problem;
    while (written < line.size()) {
        const ssize_t n = ::write(fd, line.constData() + written, size_t(line.size() - written));
        if (n > 0) {
            written += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN) {
            problem = QStringLiteral("call serial write: %1").arg(QString::fromLocal8Bit(strerror(errno)));
            break;
        }
        const qint64 left = timeoutMs - clock.elapsed();
        pollfd p{fd, POLLOUT, 0};
        if (left <= 0 || ::poll(&p, 1, int(left)) <= 0) {
            problem = QStringLiteral("call serial: line busy for %1 ms").arg(timeoutMs);
            break;
        }
    }
    ::close(fd);
    return problem;
}

} // namespace onewindow::assist
