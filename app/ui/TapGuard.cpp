#include "app/ui/TapGuard.h"

#include <QElapsedTimer>
#include <QEvent>

namespace onewindow {

TapGuard::TapGuard(qint64 guardMs, Clock clock, QObject* parent)
    : QObject(parent), m_guardMs(qMax<qint64>(0, guardMs)), m_clock(std::move(clock))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] {
            return timer->elapsed();
        };
    }
}

void TapGuard::screenShown()
{
    m_shownAt = m_clock();
}

qint64 TapGuard::remainingMs() const
{
    if (m_shownAt < 0)
        return 0;
    return qMax<qint64>(0, m_shownAt + m_guardMs - m_clock());
}

bool TapGuard::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
        if (remainingMs() > 0) {
            event->accept();
            m_swallowingMouse = true;
            ++m_swallowed;
            return true;
        }
        m_swallowingMouse = false;
        break;
    case QEvent::MouseMove:
        if (m_swallowingMouse)
            return true;
        break;
    case QEvent::MouseButtonRelease:
        if (m_swallowingMouse) {
            m_swallowingMouse = false;
            return true;
        }
        break;
    case QEvent::TouchBegin:
        if (remainingMs() > 0) {
            event->accept();
            m_swallowingTouch = true;
            ++m_swallowed;
            return true;
        }
        m_swallowingTouch = false;
        break;
    case QEvent::TouchUpdate:
        if (m_swallowingTouch)
            return true;
        break;
    case QEvent::TouchEnd:
    case QEvent::TouchCancel:
        if (m_swallowingTouch) {
            m_swallowingTouch = false;
            return true;
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace onewindow
