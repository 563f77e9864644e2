#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// Runs tests/emulators/pn532_emulator.py: a PN532 on a pty with an ID card that the test puts
// on and takes off through the emulator's stdin. Real libnfc opens connstring().
class Pn532Emulator
{
public:
    explicit Pn532Emulator(const QByteArray& serialHex = "0102030405060708")
    {
        m_link = m_dir.path() + QStringLiteral("/pn532");
        m_process.setProgram(QStringLiteral("/usr/bin/python3"));
        m_process.setArguments({QStringLiteral(ONEWINDOW_PN532_EMULATOR), QStringLiteral("--link"), m_link,
                                QStringLiteral("--serial"), QString::fromLatin1(serialHex)});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        m_ready = m_process.waitForStarted(5000) && readLine().startsWith("ready ");
    }
    ~Pn532Emulator()
    {
        if (m_process.state() == QProcess::Running) {
            m_process.closeWriteChannel(); // end of stdin: the emulator exits
            if (!m_process.waitForFinished(3000))
                m_process.kill();
        }
    }

    bool isReady() const { return m_ready; }
    QString connstring() const { return QStringLiteral("pn532_uart:") + m_link; }

    // Sends one control line and returns the emulator's answer ("ok ..." or "error ...").
    QByteArray command(const QByteArray& line)
    {
        m_process.write(line + '\n');
        m_process.waitForBytesWritten(1000);
        return readLine();
    }
    bool ok(const QByteArray& line) { return command(line).startsWith("ok"); }

    // How often the host sent PN532 command `code` (e.g. 0x42 InCommunicateThru).
    int commandCount(int code)
    {
        const QList<QByteArray> fields = command("stats").split(' ');
        const QByteArray key = QByteArray::number(code, 16).rightJustified(2, '0') + '=';
        for (const QByteArray& f : fields) {
            if (f.startsWith(key))
                return f.mid(key.size()).toInt();
        }
        return 0;
    }

private:
    QByteArray readLine()
    {
        QDeadlineTimer deadline(5000);
        while (!m_process.canReadLine() && !deadline.hasExpired()) {
            if (!m_process.waitForReadyRead(int(deadline.remainingTime())))
                break;
        }
        return m_process.readLine().trimmed();
    }

    QTemporaryDir m_dir;
    QString m_link;
    QProcess m_process;
    bool m_ready = false;
};
