#include "drivers/serial/SerialSamPort.h"

#include "drivers/idcard/SamStatus.h"
#include "drivers/idcard/SecureWipe.h"
#include "drivers/idcard/TextBlock.h"

#include <QFile>
#include <QLoggingCategory>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace onewindow {

// Debug (per-frame status words and step timings) only when enabled: it is chatty.
Q_LOGGING_CATEGORY(lcSerial, "onewindow.reader.serial", QtInfoMsg)

namespace {

QString hexByte(std::uint8_t b)
{
    return QStringLiteral("0x") + QStringLiteral("%1").arg(b, 2, 16, QLatin1Char('0')).toUpper();
}

QString commandName(sam::Command c)
{
    const auto v = static_cast<std::uint16_t>(c);
    return QStringLiteral("%1 %2")
        .arg(v >> 8, 2, 16, QLatin1Char('0'))
        .arg(v & 0xFF, 2, 16, QLatin1Char('0'))
        .toUpper();
}

// The SAM ID (12 FF, 16 bytes) identifies the module, not a person: it goes to the log and the
// reader detail. Format as one vendor prints it (reference/idcard.md §1.4; single source).
QString formatSamId(const QByteArray& id)
{
    if (id.size() != 16)
        return id.isEmpty() ? QStringLiteral("unknown") : QString::fromLatin1(id.toHex());
    auto u8 = [&](int i) {
        return uint(std::uint8_t(id.at(i)));
    };
    auto le32 = [&](int i) {
        return u8(i) | (u8(i + 1) << 8) | (u8(i + 2) << 16) | (u8(i + 3) << 24);
    };
    return QStringLiteral("%1.%2-%3-%4-%5")
        .arg(u8(0), 2, 16, QLatin1Char('0'))
        .arg(u8(2), 2, 16, QLatin1Char('0'))
        .arg(le32(4))
        .arg(le32(8), 10, 10, QLatin1Char('0'))
        .arg(le32(12), 10, 10, QLatin1Char('0'))
        .toUpper();
}

} // namespace

ReadError readErrorFor(sam::ReadFailure failure)
{
    switch (failure) {
    case sam::ReadFailure::CardMoved:
        return ReadError::CardMoved;
    case sam::ReadFailure::CardUnreadable:
        return ReadError::CardUnreadable;
    case sam::ReadFailure::UnsupportedDocument:
        return ReadError::UnsupportedDocument;
    case sam::ReadFailure::ReaderFailure:
        return ReadError::ReaderFailure;
    case sam::ReadFailure::Timeout:
        return ReadError::Timeout;
    }
    return ReadError::ReaderFailure;
}

SerialSamPort::SerialSamPort(QString portPath, Options options, QObject* parent)
    : QObject(parent), m_path(std::move(portPath)), m_options(options), m_sequence(options.timings)
{
    m_info.name = readerNameFor(m_path);
    m_info.backend = QStringLiteral("serial");
    m_info.capabilities = {QStringLiteral("identity"), QStringLiteral("photo")};
    m_info.status = ReaderInfo::Status::Failed;
    m_info.detail = QStringLiteral("not opened yet");
    m_sendTimer.setSingleShot(true);
    m_responseTimer.setSingleShot(true);
    m_reopenTimer.setSingleShot(true);
    connect(&m_sendTimer, &QTimer::timeout, this, &SerialSamPort::send);
    connect(&m_responseTimer, &QTimer::timeout, this, &SerialSamPort::onResponseTimeout);
    connect(&m_reopenTimer, &QTimer::timeout, this, &SerialSamPort::tryOpen);
    m_clock.start();
}

SerialSamPort::~SerialSamPort()
{
    stop();
}

QString SerialSamPort::readerNameFor(const QString& portPath)
{
    return QStringLiteral("Serial SAM (%1)").arg(portPath);
}

void SerialSamPort::start()
{
    if (m_started)
        return;
    m_started = true;
    m_reopenDelayMs = m_options.reopenInitialMs;
    Q_EMIT readerAdded(m_info);
    tryOpen();
}

void SerialSamPort::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_reopenTimer.stop();
    sam::Step last = m_sequence.onPortLost(); // wipes a half-read card; events are not sent
    for (sam::Event& e : last.events)
        e.result.wipe();
    closePort();
}

void SerialSamPort::tryOpen()
{
    if (!m_started)
        return;
    closePort();
    m_port = new QSerialPort(this);
    m_port->setPortName(m_path); // a full path (or symlink) is used as it is
    if (!m_port->open(QIODevice::WriteOnly)) {
        const QString why = m_port->errorString();
        qCDebug(lcSerial) << "cannot open" << m_path << why;
        closePort();
        setStatus(ReaderInfo::Status::Failed, QStringLiteral("cannot open %1: %2").arg(m_path, why));
        scheduleReopen();
        return;
    }
    const bool configured =
        m_port->setBaudRate(QSerialPort::Baud115200) && m_port->setDataBits(QSerialPort::Data8) &&
        m_port->setParity(QSerialPort::NoParity) && m_port->setStopBits(QSerialPort::OneStop) &&
        m_port->setFlowControl(QSerialPort::NoFlowControl);
    if (!configured) {
        const QString why = m_port->errorString();
        closePort();
        setStatus(ReaderInfo::Status::Failed, QStringLiteral("cannot configure %1: %2").arg(m_path, why));
        scheduleReopen();
        return;
    }
    m_readFd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (m_readFd < 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        closePort();
        setStatus(ReaderInfo::Status::Failed, QStringLiteral("cannot open %1: %2").arg(m_path, why));
        scheduleReopen();
        return;
    }
    m_port->clear(QSerialPort::AllDirections);
    m_readNotifier = new QSocketNotifier(qintptr(m_readFd), QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &SerialSamPort::onReadable);
    connect(m_port, &QSerialPort::errorOccurred, this, &SerialSamPort::onPortError);
    qCInfo(lcSerial) << "opened" << m_path << "115200 8N1; starting the SAM";
    setStatus(ReaderInfo::Status::Failed, QStringLiteral("starting the SAM"));
    m_reader.reset();
    handle(m_sequence.start(now()));
}

void SerialSamPort::closePort()
{
    m_sendTimer.stop();
    m_responseTimer.stop();
    m_request.reset();
    m_awaiting = false;
    m_reader.reset();
    if (m_readNotifier != nullptr) {
        m_readNotifier->setEnabled(false);
        m_readNotifier->deleteLater(); // this may run inside its own activated()
        m_readNotifier = nullptr;
    }
    if (m_readFd >= 0) {
        ::close(m_readFd);
        m_readFd = -1;
    }
    if (m_port != nullptr) {
        m_port->disconnect(this);
        if (m_port->isOpen())
            m_port->close();
        // deleteLater: this may run inside one of the port's own signals.
        m_port->deleteLater();
        m_port = nullptr;
    }
}

void SerialSamPort::lose(const QString& reason)
{
    if (m_port == nullptr)
        return;
    qCWarning(lcSerial) << "lost" << m_path << "-" << reason << "; reopening with backoff";
    closePort();
    sam::Step step = m_sequence.onPortLost();
    for (sam::Event& e : step.events)
        handleEvent(e);
    setStatus(ReaderInfo::Status::Failed, QStringLiteral("port lost: %1").arg(reason));
    m_reopenDelayMs = m_options.reopenInitialMs;
    scheduleReopen();
}

void SerialSamPort::scheduleReopen()
{
    if (!m_started)
        return;
    m_reopenTimer.start(m_reopenDelayMs);
    m_reopenDelayMs = std::min(m_options.reopenMaxMs, m_reopenDelayMs * 3 / 2);
}

void SerialSamPort::handle(sam::Step step)
{
    for (sam::Event& e : step.events) {
        handleEvent(e);
        if (!m_started || m_port == nullptr)
            return; // a fault closed the port, or a receiver stopped us
    }
    if (!step.request)
        return;
    m_request = step.request;
    if (m_request->delayMs > 0)
        m_sendTimer.start(m_request->delayMs);
    else
        send();
}

void SerialSamPort::handleEvent(sam::Event& e)
{
    using K = sam::Event::Kind;
    switch (e.kind) {
    case K::SamReady:
        qCInfo(lcSerial) << "SAM ready on" << m_path << "id" << formatSamId(e.samId);
        m_reopenDelayMs = m_options.reopenInitialMs;
        setStatus(m_sequence.cardKnown() ? ReaderInfo::Status::CardPresent : ReaderInfo::Status::Ready,
                  QStringLiteral("SAM %1").arg(formatSamId(e.samId)));
        break;
    case K::SamAlarm:
        qCWarning(lcSerial) << "ALARM: SAM on" << m_path << "reports" << hexByte(e.sw3)
                            << samStatusMeaning(e.sw3, QStringLiteral("en")) << "- resetting it";
        break;
    case K::SamFault:
        qCWarning(lcSerial) << "ALARM: SAM on" << m_path << "out of service (no valid answers); reopening";
        closePort();
        setStatus(ReaderInfo::Status::Failed, QStringLiteral("SAM not responding"));
        scheduleReopen();
        break;
    case K::CardPresent:
        m_cardAt.start();
        setStatus(ReaderInfo::Status::CardPresent, m_info.detail);
        Q_EMIT cardPresent(m_info.name);
        break;
    case K::CardRead:
        deliver(e.result);
        break;
    case K::ReadFailed:
        qCInfo(lcSerial) << "read failed on" << m_path << sam::readFailureKey(e.failure) << "sw3"
                         << hexByte(e.sw3);
        Q_EMIT readFailed(m_info.name, readErrorFor(e.failure));
        break;
    case K::CardRemoved:
        if (m_info.status == ReaderInfo::Status::CardPresent)
            setStatus(ReaderInfo::Status::Ready, m_info.detail);
        Q_EMIT cardRemoved(m_info.name);
        break;
    }
}

void SerialSamPort::send()
{
    if (m_port == nullptr || !m_request)
        return;
    // One command, one answer: whatever is buffered now answers nothing (a late reply, noise).
    // Not awaiting, the drain only counts what it reads (onBytes); it may find the port lost.
    const qint64 counted = m_staleBytes;
    m_awaiting = false;
    onReadable();
    if (m_port == nullptr)
        return;
    const qint64 stale = m_reader.pending() + (m_staleBytes - counted);
    m_staleBytes += m_reader.pending();
    if (stale > 0)
        qCDebug(lcSerial) << "dropping" << stale << "stale bytes before" << commandName(m_request->command);
    m_reader.reset();
    const QByteArray frame = m_request->frame();
    if (m_port->write(frame) != frame.size()) {
        lose(QStringLiteral("write failed: %1").arg(m_port->errorString()));
        return;
    }
    m_awaiting = true;
    m_sentAt.start();
    m_responseTimer.start(m_request->timeoutMs);
}

void SerialSamPort::onReadable()
{
    // Into a stack buffer that is wiped after each read: it may hold a card's text and photo.
    char buffer[4096];
    while (m_readFd >= 0) {
        const ssize_t n = ::read(m_readFd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        // Raw mode (VMIN 0, VTIME 0) answers 0, not EAGAIN, when nothing is waiting.
        if (n == 0 || (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)))
            return;
        if (n < 0) {
            // EIO once the device is unplugged, or the pty's other end closed.
            lose(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        onBytes(QByteArrayView(buffer, n));
        secureWipe(buffer, n);
    }
}

void SerialSamPort::onBytes(QByteArrayView bytes)
{
    if (m_port == nullptr)
        return;
    if (!m_awaiting) {
        m_staleBytes += bytes.size();
        return;
    }
    m_reader.feed(bytes); // copies (into a buffer the reader wipes)
    bool corrupt = false;
    while (auto event = m_reader.next()) {
        if (event->skippedBytes > 0)
            qCDebug(lcSerial) << "skipped" << event->skippedBytes << "bytes of noise on" << m_path;
        if (event->frame) {
            onFrame(std::move(*event->frame));
            return;
        }
        if (event->error) {
            qCDebug(lcSerial) << "rejected frame on" << m_path << sam::frameErrorName(*event->error);
            corrupt = true;
        }
    }
    // A rejected frame and nothing that could still become a valid one: answer now rather
    // than at the timeout. A partial frame may still complete, so it gets its time.
    if (corrupt && m_reader.pending() < sam::kHeaderSize) {
        m_responseTimer.stop();
        m_awaiting = false;
        m_reader.reset();
        handle(m_sequence.onCorruptFrame(now()));
    }
}

void SerialSamPort::onFrame(sam::Response response)
{
    m_responseTimer.stop();
    m_awaiting = false;
    const double took = double(m_sentAt.nsecsElapsed()) / 1e6;
    if (m_reader.pending() > 0) {
        m_staleBytes += m_reader.pending();
        qCDebug(lcSerial) << "dropping" << m_reader.pending() << "bytes after the answer on" << m_path;
    }
    m_reader.reset();
    const sam::Command command = m_request ? m_request->command : sam::Command::SamStatus;
    qCDebug(lcSerial) << "rx" << commandName(command) << "sw3" << hexByte(response.sw3) << "len"
                      << response.data.size() << "in" << took << "ms";
    switch (command) {
    case sam::Command::FindCard:
        m_times = StepTimes{};
        m_times.find = took;
        break;
    case sam::Command::SelectCard:
        m_times.select = took;
        break;
    case sam::Command::ReadTextPhoto:
        m_times.read = took;
        break;
    case sam::Command::ReadAppendedAddress:
        m_times.appended = took;
        break;
    default:
        break;
    }
    sam::Step step = m_sequence.onResponse(response, now());
    secureWipe(response.data);
    handle(std::move(step));
}

void SerialSamPort::onResponseTimeout()
{
    if (!m_awaiting)
        return;
    m_awaiting = false;
    qCDebug(lcSerial) << "no answer to" << (m_request ? commandName(m_request->command) : QString()) << "on"
                      << m_path << "within" << (m_request ? m_request->timeoutMs : 0) << "ms;"
                      << m_reader.pending() << "bytes of a partial frame dropped";
    m_reader.reset(); // the rest of a partial frame is not coming
    handle(m_sequence.onTimeout(now()));
}

void SerialSamPort::onPortError(QSerialPort::SerialPortError error)
{
    switch (error) {
    case QSerialPort::NoError:
    case QSerialPort::TimeoutError:
        return;
    default:
        break;
    }
    // On a tty every other error (EIO after an unplug or a closed pty, a write failure) means
    // the device is unusable until it is opened again.
    lose(m_port != nullptr ? m_port->errorString() : QStringLiteral("error %1").arg(int(error)));
}

void SerialSamPort::deliver(sam::ReadResult& result)
{
    QElapsedTimer decodeClock;
    decodeClock.start();
    auto decoded = decodeTextBlock(result.text);
    if (!decoded) {
        qCWarning(lcSerial) << "text block rejected on" << m_path << textBlockErrorName(decoded.error());
        result.wipe();
        Q_EMIT readFailed(m_info.name, ReadError::UnsupportedDocument);
        return;
    }
    Identity identity = std::move(decoded).value();
    if (!result.appendedAddress.isEmpty())
        identity.appendedAddress = decodeAppendedAddress(result.appendedAddress);
    identity.photo = std::move(result.photo);
    result.wipe();
    const double decode = double(decodeClock.nsecsElapsed()) / 1e6;
    qCDebug(lcSerial).nospace() << "card read on " << m_path << ": find " << m_times.find << " ms, select "
                                << m_times.select << " ms, read " << m_times.read << " ms, appended "
                                << m_times.appended << " ms, decode " << decode << " ms, total "
                                << (m_cardAt.isValid() ? double(m_cardAt.nsecsElapsed()) / 1e6 : -1.0)
                                << " ms since found";
    Q_EMIT cardRead(m_info.name, identity);
    identity.wipe();
}

void SerialSamPort::setStatus(ReaderInfo::Status status, const QString& detail)
{
    const QString newDetail = detail.isEmpty() ? m_info.detail : detail;
    if (m_info.status == status && m_info.detail == newDetail)
        return;
    m_info.status = status;
    m_info.detail = newDetail;
    if (m_started)
        Q_EMIT readerChanged(m_info);
}

} // namespace onewindow
