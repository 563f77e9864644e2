#pragma once

#include <QObject>
#include <functional>

namespace onewindow {

// A newly shown screen ignores taps for a short time (issue 19.2): the second tap of a double
// tap, or a tap aimed at the previous screen while it was being replaced, must not land on
// whatever the new screen has at that place (结束办理 where 提交 was). Installed as an event
// filter on the window; screenShown() starts the guard. A press that the guard swallowed takes
// its moves and its release with it, and a press that began before the change keeps its
// release, so no control is left half-pressed. The clock is injected (tests step it).
class TapGuard : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    explicit TapGuard(qint64 guardMs, Clock clock = {}, QObject* parent = nullptr);

    qint64 guardMs() const { return m_guardMs; }
    // Milliseconds until taps are taken again (0: open).
    qint64 remainingMs() const;
    int swallowedTaps() const { return m_swallowed; }

public Q_SLOTS:
    void screenShown();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    qint64 m_guardMs;
    Clock m_clock;
    qint64 m_shownAt = -1;
    bool m_swallowingMouse = false;
    bool m_swallowingTouch = false;
    int m_swallowed = 0;
};

} // namespace onewindow
