#include "app/ui/DemoConsole.h"

#include "app/session/ResidentSession.h"
#include "app/ui/DemoController.h"
#include "app/ui/LanguageController.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickWindow>

#include <cstdio>
#include <unistd.h>

namespace onewindow {

DemoConsole::DemoConsole(ResidentSession* session, DemoController* demo, LanguageController* language,
                         QObject* parent)
    : QObject(parent), m_session(session), m_demo(demo), m_language(language),
      m_notifier(STDIN_FILENO, QSocketNotifier::Read)
{
    connect(&m_notifier, &QSocketNotifier::activated, this, &DemoConsole::readAvailable);
    connect(m_session, &ResidentSession::stateChanged, this, [this](ResidentSession::State s) {
        print(QStringLiteral("state ") + QString::fromLatin1(ResidentSession::stateKey(s)));
    });
}

void DemoConsole::readAvailable()
{
    char chunk[512];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        m_notifier.setEnabled(false); // EOF: the controlling side went away; keep running
        return;
    }
    m_buffer.append(chunk, n);
    qsizetype eol;
    while ((eol = m_buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_buffer.left(eol)).trimmed();
        m_buffer.remove(0, eol + 1);
        if (!line.isEmpty())
            execute(line);
    }
}

void DemoConsole::print(const QString& line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

QString DemoConsole::currentScreen() const
{
    // The root ApplicationWindow publishes the objectName of the screen it shows.
    return m_window ? m_window->property("currentScreen").toString() : QString();
}

void DemoConsole::execute(const QString& line)
{
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString cmd = words.value(0);
    const QString arg = words.mid(1).join(QLatin1Char(' '));
    if (cmd == QLatin1String("place")) {
        bool ok = false;
        const int index = arg.toInt(&ok);
        if (!ok)
            return print(QStringLiteral("error place needs a card index"));
        m_demo->placeCard(index);
    } else if (cmd == QLatin1String("remove")) {
        m_demo->removeCard();
    } else if (cmd == QLatin1String("fail")) {
        m_demo->failNextRead(arg);
    } else if (cmd == QLatin1String("language")) {
        m_language->choose(arg);
    } else if (cmd == QLatin1String("elderly")) {
        m_session->setElderlyMode(arg == QLatin1String("on"));
    } else if (cmd == QLatin1String("touch")) {
        m_session->userActivity();
    } else if (cmd == QLatin1String("end")) {
        m_session->endSession();
    } else if (cmd == QLatin1String("state")) {
        return print(QStringLiteral("state ") + QString::fromLatin1(ResidentSession::stateKey(m_session->state())));
    } else if (cmd == QLatin1String("screen")) {
        return print(QStringLiteral("screen ") + currentScreen());
    } else if (cmd == QLatin1String("screenshot")) {
        if (!m_window)
            return print(QStringLiteral("error no window"));
        const QImage image = m_window->grabWindow();
        if (image.isNull() || !image.save(arg))
            return print(QStringLiteral("error screenshot failed"));
    } else if (cmd == QLatin1String("help")) {
        return print(QStringLiteral("commands: place N | remove | fail KEY | language zh_CN|zh_TW|en | "
                                    "elderly on|off | touch | end | state | screen | screenshot FILE.png | quit"));
    } else if (cmd == QLatin1String("quit")) {
        print(QStringLiteral("ok quit"));
        QCoreApplication::quit();
        return;
    } else {
        return print(QStringLiteral("error unknown command ") + cmd);
    }
    print(QStringLiteral("ok ") + cmd);
}

} // namespace onewindow
