#pragma once
// The real kiosk binary under test: offscreen, demo mode, driven through --sim-control
// (app/ui/DemoConsole.h lists the commands). Used by the end-to-end tests of this folder.
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>

class Kiosk
{
public:
    // Demo: the simulated reader and the demo's residents and licences; RealReaders: the
    // configured reader backends (the console still drives the screen).
    enum Mode
    {
        Demo,
        RealReaders
    };

    Kiosk(const QString& stateDir, const QString& configPath, const QStringList& extraArgs = {},
          Mode mode = Demo)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{type} %{category}: %{message}"));
        env.remove(QStringLiteral("ONEWINDOW_CONFIG"));
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("ONEWINDOW_KIOSK"),
                      (mode == Demo ? QStringList{QStringLiteral("--demo")} : QStringList{}) +
                          QStringList{QStringLiteral("--sim-control"), QStringLiteral("--config"), configPath,
                                      QStringLiteral("--state-dir"), stateDir} +
                          extraArgs);
    }

    // Sends a command and waits for `expected` (default: "ok <command word>").
    bool run(const QString& line, QString expected = {})
    {
        if (expected.isEmpty())
            expected = QStringLiteral("ok ") + line.section(QLatin1Char(' '), 0, 0);
        pending.clear(); // what came before this command is answered
        process.write((line + QLatin1Char('\n')).toUtf8());
        return expect(expected);
    }

    // Waits for `expected`; lines that arrived since the last command and were not matched yet
    // count too (a state change may be printed before the command's "ok").
    bool expect(const QString& expected, int timeoutMs = 10000)
    {
        if (pending.removeOne(expected))
            return true;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            while (process.canReadLine()) {
                const QString line = QString::fromUtf8(process.readLine()).trimmed();
                out << line;
                if (line == expected)
                    return true;
                pending << line;
            }
            process.waitForReadyRead(50);
            if (process.state() == QProcess::NotRunning && !process.canReadLine())
                break;
        }
        qWarning("expected '%s'; stdout so far: %s", qPrintable(expected),
                 qPrintable(out.join(QLatin1Char('|'))));
        return false;
    }

    // Sends a command and returns the first answer line starting with `prefix` (empty on timeout).
    QString ask(const QString& line, const QString& prefix, int timeoutMs = 5000)
    {
        pending.clear();
        process.write((line + QLatin1Char('\n')).toUtf8());
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            while (process.canReadLine()) {
                const QString answer = QString::fromUtf8(process.readLine()).trimmed();
                out << answer;
                if (answer.startsWith(prefix))
                    return answer;
                pending << answer;
            }
            process.waitForReadyRead(50);
        }
        return {};
    }

    QProcess process;
    QStringList out;
    QStringList pending;
};
