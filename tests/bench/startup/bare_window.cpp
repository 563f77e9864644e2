// The reference for the cold-start and memory bars (DESIGN.md §13): a bare Qt Quick window
// (a Window with a Rectangle and a Text) at the kiosk's size, started the same way and measured
// by the same probe as the kiosk (app/perf). With ONEWINDOW_PERF=exit-after-start it prints
// "perf startup …" and quits; `--mem-after MS` prints "mem …" MS ms after the start and quits.
#include "app/perf/MemoryProbe.h"
#include "app/perf/PerfProbes.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>

int main(int argc, char* argv[])
{
    const auto probes = onewindow::perf::PerfProbes::fromEnvironment();
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.loadData(R"(import QtQuick
Window {
    width: 1080; height: 1920; visible: true; title: "bare"
    Rectangle { anchors.fill: parent; color: "#1f4e8c"
        Text { anchors.centerIn: parent; text: "OneWindow"; color: "white"; font.pixelSize: 64 } }
})");
    auto* window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window) {
        std::fprintf(stderr, "bare_window: the window failed to load\n");
        return 2;
    }
    if (probes)
        probes->attach(window);
    const int memAfter = app.arguments().indexOf(QStringLiteral("--mem-after"));
    if (memAfter > 0) {
        QTimer::singleShot(app.arguments().value(memAfter + 1).toInt(), &app, [&app] {
            std::printf("mem %s\n", qPrintable(onewindow::perf::readMemory().toLine()));
            std::fflush(stdout);
            app.quit();
        });
    }
    return QGuiApplication::exec();
}
