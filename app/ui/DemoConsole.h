#pragma once

#include <QObject>
#include <QPointer>
#include <QSocketNotifier>

#include <functional>

#include <QQuickWindow>

namespace onewindow {

class DemoController;
class LanguageController;
class ResidentSession;

// A line-based control channel on stdin for demo and smoke tests (only with --sim-control):
//   place N | remove | fail KEY | language CODE | elderly on|off | touch | end
//   state | screen | screenshot PATH | quit
// Every session state change is printed as "state <key>"; answers as "ok …" or "error …".
// It prints state keys and screen names only, never personal data.
class DemoConsole : public QObject
{
    Q_OBJECT
public:
    DemoConsole(ResidentSession* session, DemoController* demo, LanguageController* language,
                QObject* parent = nullptr);

    void setWindow(QQuickWindow* window) { m_window = window; }
    // Handles one command line; public so tests can drive it without a pipe.
    void execute(const QString& line);

private:
    void readAvailable();
    void print(const QString& line);
    QString currentScreen() const;

    ResidentSession* m_session;
    DemoController* m_demo;
    LanguageController* m_language;
    QPointer<QQuickWindow> m_window;
    QSocketNotifier m_notifier;
    QByteArray m_buffer;
};

} // namespace onewindow
