// The tap guard on a real QQuickWindow: two "screens" with their buttons at the same place
// (提交, then 结束办理 on the next screen), real mouse and touch events at the buttons' mapped
// scene positions, and a stepped clock instead of waiting.
#include "app/ui/TapGuard.h"

#include <QPointingDevice>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

using namespace onewindow;

namespace {
// The first screen's primary button and the next screen's destructive one share a place, as
// 提交 and 结束办理 did; a press on "submit" shows the next screen at once (47 ms in the field).
const char* kScene = R"(
import QtQuick
Window {
    width: 400; height: 300; visible: true
    property string currentScreen: "review"
    property int submits: 0
    property int finishes: 0
    MouseArea {
        objectName: "submit"; visible: currentScreen === "review"
        x: 200; y: 200; width: 180; height: 80
        onClicked: { submits++; currentScreen = "receipt" }
    }
    MouseArea {
        objectName: "finish"; visible: currentScreen === "receipt"
        x: 200; y: 200; width: 180; height: 80
        // Any press that reaches it counts (a quick second touch is a double-click to Qt).
        onPressed: finishes++
    }
}
)";
} // namespace

class TestTapGuard : public QObject
{
    Q_OBJECT
    QQmlEngine m_engine;
    std::unique_ptr<QQuickWindow> m_window;
    std::unique_ptr<TapGuard> m_guard;
    qint64 m_now = 1000;
    QPoint m_point;

    int count(const char* p) const { return m_window->property(p).toInt(); }

private Q_SLOTS:
    void init()
    {
        QQmlComponent c(&m_engine);
        c.setData(kScene, QUrl());
        m_window.reset(qobject_cast<QQuickWindow*>(c.create()));
        QVERIFY2(m_window, qPrintable(c.errorString()));
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_guard = std::make_unique<TapGuard>(400, [this] { return m_now; });
        m_window->installEventFilter(m_guard.get());
        connect(m_window.get(), SIGNAL(currentScreenChanged()), m_guard.get(), SLOT(screenShown()));
        auto* submit = m_window->findChild<QQuickItem*>(QStringLiteral("submit"));
        QVERIFY(submit);
        m_point = submit->mapToScene(QPointF(submit->width() / 2, submit->height() / 2)).toPoint();
    }
    void cleanup()
    {
        m_guard.reset();
        m_window.reset();
    }

    void doubleTapDoesNotReachTheNextScreen_data()
    {
        QTest::addColumn<int>("gapMs");
        QTest::newRow("50 ms") << 50;
        QTest::newRow("80 ms") << 80;
        QTest::newRow("120 ms") << 120;
        QTest::newRow("390 ms") << 390;
    }
    void doubleTapDoesNotReachTheNextScreen()
    {
        QFETCH(int, gapMs);
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, m_point);
        QCOMPARE(count("submits"), 1);
        QCOMPARE(m_window->property("currentScreen").toString(), QStringLiteral("receipt"));
        m_now += gapMs;
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, m_point, 10);
        QCOMPARE(count("finishes"), 0);
        QCOMPARE(m_guard->swallowedTaps(), 1);
        // A deliberate tap after the guard time works.
        m_now += 400;
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, m_point, 10);
        QCOMPARE(count("finishes"), 1);
    }

    void touchDoubleTap()
    {
        std::unique_ptr<QPointingDevice> screen(QTest::createTouchDevice());
        QTest::touchEvent(m_window.get(), screen.get()).press(0, m_point);
        QTest::touchEvent(m_window.get(), screen.get()).release(0, m_point);
        QCOMPARE(count("submits"), 1);
        m_now += 80;
        QTest::touchEvent(m_window.get(), screen.get()).press(0, m_point);
        QTest::touchEvent(m_window.get(), screen.get()).release(0, m_point);
        QCOMPARE(count("finishes"), 0);
        m_now += 500;
        QTest::touchEvent(m_window.get(), screen.get()).press(0, m_point);
        QTest::touchEvent(m_window.get(), screen.get()).release(0, m_point);
        QCOMPARE(count("finishes"), 1);
    }

    // A tap during the transition: pressed on the old screen, released on the new one, then
    // a second press: nothing reaches 结束办理, and a press held across the guard's end is
    // still swallowed as a whole (its release does not click).
    void tapsDuringTheTransition()
    {
        QTest::mousePress(m_window.get(), Qt::LeftButton, {}, m_point);
        m_window->setProperty("currentScreen",
                              QStringLiteral("receipt")); // the screen changes under the finger
        m_now += 60;
        QTest::mouseRelease(m_window.get(), Qt::LeftButton, {}, m_point, 10);
        QCOMPARE(count("finishes"), 0);
        m_now += 60;
        QTest::mousePress(m_window.get(), Qt::LeftButton, {}, m_point, 10);
        m_now += 1000; // held past the guard time
        QTest::mouseRelease(m_window.get(), Qt::LeftButton, {}, m_point, 10);
        QCOMPARE(count("finishes"), 0);
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, m_point, 10);
        QCOMPARE(count("finishes"), 1);
    }

    void zeroGuardTakesEveryTap()
    {
        TapGuard open(0, [this] { return m_now; });
        open.screenShown();
        QCOMPARE(open.remainingMs(), 0);
    }
};

QTEST_MAIN(TestTapGuard)
#include "tst_tapguard.moc"
