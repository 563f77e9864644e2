#include "app/session/IdleGuard.h"

namespace onewindow {

using namespace std::chrono;

IdleGuard::IdleGuard(QObject* parent) : QObject(parent)
{
    // A fine tick keeps the countdown smooth and test limits short; it only runs while armed.
    m_ticker.setInterval(50);
    m_ticker.setTimerType(Qt::PreciseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &IdleGuard::tick);
}

void IdleGuard::arm(milliseconds limit, milliseconds warning)
{
    disarm();
    if (limit.count() <= 0)
        return;
    m_limit = limit;
    m_warningSpan = std::min(warning, limit);
    m_since.start();
    m_ticker.start();
    tick();
}

void IdleGuard::disarm()
{
    m_ticker.stop();
    m_limit = milliseconds{0};
    m_lastSeconds = -1;
    if (m_warning) {
        m_warning = false;
        Q_EMIT warningEnded();
    }
}

void IdleGuard::extend()
{
    if (!isArmed())
        return;
    m_since.restart();
    if (m_warning) {
        m_warning = false;
        Q_EMIT warningEnded();
    }
    tick();
}

int IdleGuard::secondsLeft() const
{
    if (!isArmed())
        return 0;
    return int((remaining().count() + 999) / 1000);
}

milliseconds IdleGuard::remaining() const
{
    return std::max(milliseconds{0}, m_limit - milliseconds{m_since.elapsed()});
}

void IdleGuard::tick()
{
    if (!isArmed())
        return;
    const milliseconds left = remaining();
    const int seconds = secondsLeft();
    if (seconds != m_lastSeconds) {
        m_lastSeconds = seconds;
        Q_EMIT secondsLeftChanged(seconds);
    }
    if (!m_warning && left <= m_warningSpan && left.count() > 0) {
        m_warning = true;
        Q_EMIT warningStarted();
    }
    if (left.count() == 0) {
        disarm();
        Q_EMIT expired();
    }
}

} // namespace onewindow
