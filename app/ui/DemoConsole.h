#pragma once

#include "app/ui/TapGuard.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSocketNotifier>
#include <functional>

namespace onewindow {

class DemoController;
class LanguageController;
class ResidentSession;

// A line-based control channel on stdin for demo and smoke tests (only with --sim-control):
//   place N | remove | fail KEY | language CODE | elderly on|off | touch | end
//   state | screen | screenshot PATH | quit
//   tap OBJECTNAME     a mouse click on the centre of the visible item with that objectName
//   tap-at X Y         a mouse click at scene coordinates, whatever is there
//   double-tap NAME MS two clicks at NAME's centre, MS apart ("ok double-tap" after the second)
//   rect NAME          prints "rect X Y W H", the item's scene rectangle
//   type TEXT          taps the virtual keyboard's keys for each character of TEXT
//   journey            prints "journey STEP RECEIPT" (receipt: none | pending | acked)
//   check-layout MIN   prints "layout ok" or "layout N problems: …": text elided, clipped,
//                      drawn over other text or laid out outside its parent,
//                      controls smaller than MIN px or without an accessible name, text
//                      contrast under 4.5:1 (names only)
//   find TEXT          prints "found N OBJECT.PROPERTY…": where TEXT occurs in the QML tree and
//                      the controllers (the wipe test; prints property names, never values)
//   …                  and whatever addCommand() added (the perf probes: stalls, mem, timings)
// Every session state change is printed as "state <key>"; answers as "ok …" or "error …".
// It prints state keys and screen names only, never personal data.
class DemoConsole : public QObject
{
    Q_OBJECT
public:
    DemoConsole(ResidentSession* session, DemoController* demo, LanguageController* language,
                QObject* parent = nullptr);

    void setWindow(QQuickWindow* window) { m_window = window; }
    // C++ objects whose properties `find` searches besides the QML tree; `journey` for its step.
    void setInspected(QList<QObject*> objects) { m_inspected = std::move(objects); }
    void setJourney(QObject* journey) { m_journey = journey; }
    // `tap NAME` waits until a newly shown screen takes taps again, as a person's next
    // deliberate tap comes after it; tap-at and double-tap do not wait.
    void setTapGuard(TapGuard* guard) { m_tapGuard = guard; }
    // Handles one command line; public so tests can drive it without a pipe.
    void execute(const QString& line);
    // An extra command: `handler(argument)` returns the line to print (app/perf's probes).
    void addCommand(const QString& name, std::function<QString(const QString&)> handler)
    {
        m_extraCommands.insert(name, std::move(handler));
    }

private:
    void readAvailable();
    void runQueued();
    void print(const QString& line);
    QString currentScreen() const;
    QQuickItem* findVisibleItem(const QString& objectName) const;
    bool tap(QQuickItem* item);
    bool tapAt(const QPointF& scenePoint);
    void doubleTap(const QString& name, int gapMs);
    bool typeOnKeyboard(const QString& text);
    QStringList findText(const QString& text) const;
    QStringList layoutProblems(qreal minTarget) const;

    ResidentSession* m_session;
    DemoController* m_demo;
    LanguageController* m_language;
    QPointer<QQuickWindow> m_window;
    QList<QObject*> m_inspected;
    QPointer<QObject> m_journey;
    QSocketNotifier m_notifier;
    QByteArray m_buffer;
    QPointer<TapGuard> m_tapGuard;
    QStringList m_queued; // lines that arrived while a tap waited for the guard
    bool m_waiting = false;
    QHash<QString, std::function<QString(const QString&)>> m_extraCommands;
};

} // namespace onewindow
