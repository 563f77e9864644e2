#include "app/ui/ActivityFilter.h"

#include "app/session/ResidentSession.h"

#include <QEvent>

namespace onewindow {

ActivityFilter::ActivityFilter(ResidentSession* session, QObject* parent)
    : QObject(parent), m_session(session)
{}

bool ActivityFilter::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
        m_session->userActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace onewindow
