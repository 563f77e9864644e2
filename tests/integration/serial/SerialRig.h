#pragma once

// Shared by the serial integration tests: the SAM emulator (tests/emulators/sam_emulator.py)
// on a real pty, and a real ReaderManager running the real SerialSamBackend against it.
#include "drivers/idcard/TextBlock.h"
#include "drivers/reader/ReaderManager.h"
#include "drivers/serial/SerialSamBackend.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace serialtest {

inline QString sourceDir()
{
    return qEnvironmentVariable("ONEWINDOW_SOURCE_DIR", QStringLiteral("."));
}

// The 256-byte text block of a fixture, decoded independently of the serial path.
inline onewindow::Identity fixtureIdentity(const QString& name)
{
    QFile f(sourceDir() + QStringLiteral("/tests/fixtures/idcard/%1.hex").arg(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray block = QByteArray::fromHex(f.readAll().simplified().replace(' ', ""));
    auto decoded = onewindow::decodeTextBlock(block);
    return decoded ? decoded.value() : onewindow::Identity{};
}

// The emulator's synthetic 1024-byte photo.
inline QByteArray emulatorPhoto()
{
    QByteArray p(1024, '\0');
    for (int i = 0; i < p.size(); ++i)
        p[i] = char((i * 7 + 3) & 0xFF);
    return p;
}

// The emulator process and its stdin/stdout control channel.
class SamEmulator
{
public:
    ~SamEmulator() { quit(); }

    bool start(const QString& linkPath)
    {
        m_proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_proc.start(QStringLiteral("/usr/bin/python3"),
                     {sourceDir() + QStringLiteral("/tests/emulators/sam_emulator.py"),
                      QStringLiteral("--link"), linkPath});
        if (!m_proc.waitForStarted(5000))
            return false;
        const QString line = readLine(10000);
        if (!line.startsWith(QLatin1String("ready ")))
            return false;
        slavePath = line.mid(6);
        return true;
    }

    // Sends one control line and returns the emulator's one-line reply ("ok …", "ready …").
    QString command(const QString& line, int timeoutMs = 5000)
    {
        m_proc.write(line.toUtf8() + '\n');
        m_proc.waitForBytesWritten(timeoutMs);
        return readLine(timeoutMs);
    }

    // Frames received per command name since start ("find" → 12, …).
    QMap<QString, int> stats()
    {
        QMap<QString, int> counts;
        const QString line = command(QStringLiteral("stats"));
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 2; i < words.size(); ++i) {
            const QStringList kv = words.at(i).split(QLatin1Char('='));
            if (kv.size() == 2)
                counts.insert(kv.at(0), kv.at(1).toInt());
        }
        return counts;
    }

    void quit()
    {
        if (m_proc.state() == QProcess::NotRunning)
            return;
        m_proc.write("quit\n");
        m_proc.closeWriteChannel();
        if (!m_proc.waitForFinished(3000)) {
            m_proc.kill();
            m_proc.waitForFinished(3000);
        }
    }

    QString slavePath;

private:
    QString readLine(int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_buffer.contains('\n')) {
            if (deadline.hasExpired() || m_proc.state() == QProcess::NotRunning)
                return {};
            m_proc.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            m_buffer += m_proc.readAllStandardOutput();
        }
        const qsizetype end = m_buffer.indexOf('\n');
        const QString line = QString::fromUtf8(m_buffer.left(end)).trimmed();
        m_buffer.remove(0, end + 1);
        return line;
    }

    QProcess m_proc;
    QByteArray m_buffer;
};

// Timings that keep the fault matrix short; the protocol rules are the same, only faster.
inline onewindow::SerialSamPort::Options fastOptions()
{
    onewindow::SerialSamPort::Options o;
    o.timings.pollIntervalMs = 80;
    o.timings.findTimeoutMs = 150;
    o.timings.retryDelayMs = 50;
    o.timings.removalMinSpanMs = 300;
    o.timings.resetSettleMs = 100;
    o.reopenInitialMs = 300;
    o.reopenMaxMs = 1000;
    return o;
}

// Emulator + ReaderManager("serial") + spies on every manager signal.
class SerialRig
{
public:
    bool start(onewindow::SerialSamPort::Options options = {})
    {
        return startEmulator() && startManager(options);
    }

    // In two steps when the emulator must be set up before the kiosk sees it.
    bool startEmulator()
    {
        if (!dir.isValid())
            return false;
        link = dir.filePath(QStringLiteral("sam0"));
        return emulator.start(link);
    }

    bool startManager(onewindow::SerialSamPort::Options options = {}, bool waitReady = true)
    {
        using namespace onewindow;
        readerName = SerialSamPort::readerNameFor(link);
        manager = std::make_unique<ReaderManager>();
        const QString path = link;
        manager->registerBackend(QStringLiteral("serial"), [path, options] {
            return std::make_unique<SerialSamBackend>(QStringList{path}, options);
        });
        present = std::make_unique<QSignalSpy>(manager.get(), &ReaderManager::cardPresent);
        read = std::make_unique<QSignalSpy>(manager.get(), &ReaderManager::cardRead);
        removed = std::make_unique<QSignalSpy>(manager.get(), &ReaderManager::cardRemoved);
        failed = std::make_unique<QSignalSpy>(manager.get(), &ReaderManager::readFailed);
        changed = std::make_unique<QSignalSpy>(manager.get(), &ReaderManager::readerChanged);
        manager->start({QStringLiteral("serial")});
        return !waitReady || waitStatus(ReaderInfo::Status::Ready, 5000);
    }

    onewindow::ReaderInfo::Status status() const
    {
        for (const onewindow::ReaderInfo& info : manager->readers()) {
            if (info.name == readerName)
                return info.status;
        }
        return onewindow::ReaderInfo::Status::Unsupported; // not listed
    }

    bool waitStatus(onewindow::ReaderInfo::Status wanted, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (status() != wanted) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(10);
        }
        return true;
    }

    // Waits until `spy` has at least `count` entries.
    static bool waitCount(QSignalSpy& spy, int count, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (spy.count() < count) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(5);
        }
        return true;
    }

    onewindow::Identity lastIdentity() const
    {
        return read->isEmpty() ? onewindow::Identity{} : read->last().at(1).value<onewindow::Identity>();
    }
    onewindow::ReadError lastError() const { return failed->last().at(1).value<onewindow::ReadError>(); }

    // Lifts the card and waits for the removal to be established.
    bool removeCard(int timeoutMs = 5000)
    {
        const int before = int(removed->count());
        if (!emulator.command(QStringLiteral("remove")).startsWith(QLatin1String("ok")))
            return false;
        return waitCount(*removed, before + 1, timeoutMs);
    }

    void stop()
    {
        if (manager)
            manager->stop();
        emulator.quit();
    }

    QTemporaryDir dir;
    SamEmulator emulator;
    QString link;
    QString readerName;
    std::unique_ptr<onewindow::ReaderManager> manager;
    std::unique_ptr<QSignalSpy> present, read, removed, failed, changed;
};

} // namespace serialtest
