#pragma once

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QQuickWindow>

namespace onewindow::perf {

// Card on the reader → filled form visible, split at signals the kiosk already emits:
//   read      cardPresent → cardRead on the GUI thread (reader thread: transfer, decode, checks)
//   identify  cardRead → the next presented frame (session, controllers, the identified screen)
//   lookup    the journey enters "loading" → "form" (licence lookup on the storage thread);
//             0 for an item bound to the card only
//   render    "form" → the next presented frame (form filled from card and licences)
// The resident's taps between the identified screen and the form are not counted.
class JourneyTimings : public QObject
{
    Q_OBJECT
public:
    enum Mark
    {
        CardPresent,
        CardRead,
        IdentifiedFrame,
        LookupStarted,
        FormShown,
        FormFrame,
        MarkCount
    };

    explicit JourneyTimings(QQuickWindow* window = nullptr, QObject* parent = nullptr);
    void setWindow(QQuickWindow* window);

    void mark(Mark m); // GUI thread; CardPresent starts a new measurement
    // "timings read_ms=… identify_ms=… lookup_ms=… render_ms=… overhead_ms=…" or "timings incomplete …"
    QString report() const;

private:
    void onFrameSwapped(); // any thread

    QPointer<QQuickWindow> m_window;
    mutable QMutex m_mutex;
    double m_at[MarkCount];
    Mark m_awaitingFrame = MarkCount; // the frame mark the next frameSwapped fills
};

} // namespace onewindow::perf
