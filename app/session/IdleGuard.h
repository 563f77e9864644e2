#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <chrono>

namespace onewindow {

// Counts down a screen's idle limit on the monotonic clock. The last `warning` part of the
// limit is announced (warningStarted) so the UI can show "继续办理" with a countdown; any
// activity or extend() restarts the full limit, as often as the resident likes.
class IdleGuard : public QObject
{
    Q_OBJECT
public:
    explicit IdleGuard(QObject* parent = nullptr);

    // Starts a new countdown. A zero limit disarms.
    void arm(std::chrono::milliseconds limit, std::chrono::milliseconds warning);
    void disarm();
    // Resident activity: restart the full limit (ends a warning).
    void extend();

    bool isArmed() const { return m_limit.count() > 0; }
    bool isWarning() const { return m_warning; }
    // Whole seconds left, rounded up (what the countdown shows).
    int secondsLeft() const;

Q_SIGNALS:
    void warningStarted();
    void warningEnded();
    void secondsLeftChanged(int seconds);
    void expired();

private:
    void tick();
    std::chrono::milliseconds remaining() const;

    QTimer m_ticker;
    QElapsedTimer m_since;
    std::chrono::milliseconds m_limit{0};
    std::chrono::milliseconds m_warningSpan{0};
    bool m_warning = false;
    int m_lastSeconds = -1;
};

} // namespace onewindow
