#pragma once

#include <QObject>

namespace onewindow {

class ResidentSession;

// Any press or key anywhere in the window counts as the resident being active, including
// presses that a control grabs, so QML needs no "activity" plumbing in every button.
class ActivityFilter : public QObject
{
    Q_OBJECT
public:
    explicit ActivityFilter(ResidentSession* session, QObject* parent = nullptr);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    ResidentSession* m_session;
};

} // namespace onewindow
