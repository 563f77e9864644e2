#include "app/perf/JourneyTimings.h"

#include "app/perf/ProcessClock.h"

#include <algorithm>

namespace onewindow::perf {

JourneyTimings::JourneyTimings(QQuickWindow* window, QObject* parent) : QObject(parent)
{
    std::fill(std::begin(m_at), std::end(m_at), -1.0);
    setWindow(window);
}

void JourneyTimings::setWindow(QQuickWindow* window)
{
    if (!window || m_window == window)
        return;
    m_window = window;
    connect(window, &QQuickWindow::frameSwapped, this, &JourneyTimings::onFrameSwapped, Qt::DirectConnection);
}

void JourneyTimings::mark(Mark m)
{
    QMutexLocker lock(&m_mutex);
    if (m == CardPresent)
        std::fill(std::begin(m_at), std::end(m_at), -1.0);
    m_at[m] = nowMs();
    if (m == CardRead)
        m_awaitingFrame = IdentifiedFrame;
    else if (m == FormShown)
        m_awaitingFrame = FormFrame;
    // A frame must follow: a window with nothing to repaint would never swap.
    if ((m == CardRead || m == FormShown) && m_window)
        QMetaObject::invokeMethod(m_window.data(), &QQuickWindow::update, Qt::QueuedConnection);
}

void JourneyTimings::onFrameSwapped()
{
    QMutexLocker lock(&m_mutex);
    if (m_awaitingFrame == MarkCount)
        return;
    m_at[m_awaitingFrame] = nowMs();
    m_awaitingFrame = MarkCount;
}

QString JourneyTimings::report() const
{
    QMutexLocker lock(&m_mutex);
    QStringList missing;
    static const char* const names[] = {"card_present",   "card_read",  "identified_frame",
                                        "lookup_started", "form_shown", "form_frame"};
    for (int i = 0; i < MarkCount; ++i) {
        if (m_at[i] < 0 && i != LookupStarted) // an item bound to the card only looks nothing up
            missing << QString::fromLatin1(names[i]);
    }
    if (!missing.isEmpty())
        return QStringLiteral("timings incomplete missing=") + missing.join(QLatin1Char(','));
    const double read = m_at[CardRead] - m_at[CardPresent];
    const double identify = m_at[IdentifiedFrame] - m_at[CardRead];
    const double lookup = m_at[LookupStarted] < 0 ? 0.0 : m_at[FormShown] - m_at[LookupStarted];
    const double render = m_at[FormFrame] - m_at[FormShown];
    return QStringLiteral("timings read_ms=%1 identify_ms=%2 lookup_ms=%3 render_ms=%4 overhead_ms=%5")
        .arg(read, 0, 'f', 2)
        .arg(identify, 0, 'f', 2)
        .arg(lookup, 0, 'f', 2)
        .arg(render, 0, 'f', 2)
        .arg(identify + lookup + render, 0, 'f', 2);
}

} // namespace onewindow::perf
