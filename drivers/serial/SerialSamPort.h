#pragma once

#include "drivers/idcard/SamFrame.h"
#include "drivers/idcard/SamReadSequence.h"
#include "drivers/reader/ReaderBackend.h"
#include "drivers/reader/ReaderInfo.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSerialPort>
#include <QSocketNotifier>
#include <QTimer>
#include <optional>

namespace onewindow {

// The resident-facing error for a SAM read failure (one to one; see sam::ReadFailure).
ReadError readErrorFor(sam::ReadFailure failure);

// One SAM module on one tty: opens the port (115200 8N1), frames the byte stream by length
// (sam::FrameReader) and lets sam::SamReadSequence decide what to send next. Every wait is a
// QTimer, so the reader thread it shares with other backends never blocks. A lost port (unplug,
// I/O error, pty closed) or a SAM that stops answering marks the reader Failed, closes it and
// retries opening with backoff; start-up runs again when the port returns.
class SerialSamPort : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        sam::SequenceTimings timings;
        int reopenInitialMs = 1000; // first retry after a loss; ×1.5 per failure …
        int reopenMaxMs = 5000;     // … up to this
    };

    SerialSamPort(QString portPath, Options options, QObject* parent = nullptr);
    ~SerialSamPort() override;

    static QString readerNameFor(const QString& portPath); // "Serial SAM (/dev/ttyUSB0)"
    const ReaderInfo& info() const { return m_info; }

    void start(); // emits readerAdded, then opens
    void stop();  // closes; no signal after this returns

Q_SIGNALS:
    void readerAdded(const onewindow::ReaderInfo& info);
    void readerChanged(const onewindow::ReaderInfo& info);
    void cardPresent(const QString& readerName);
    void cardRead(const QString& readerName, const onewindow::Identity& identity);
    void cardRemoved(const QString& readerName);
    void readFailed(const QString& readerName, onewindow::ReadError error);

private:
    // Per-card step durations for the debug log (no personal data).
    struct StepTimes
    {
        double find = -1, select = -1, read = -1, appended = -1; // ms
    };

    void tryOpen();
    void closePort();
    void lose(const QString& reason);
    void scheduleReopen();
    void handle(sam::Step step);
    void handleEvent(sam::Event& event);
    void send();
    void onReadable();
    void onBytes(QByteArrayView bytes);
    void onFrame(sam::Response response);
    void onResponseTimeout();
    void onPortError(QSerialPort::SerialPortError error);
    void deliver(sam::ReadResult& result);
    void setStatus(ReaderInfo::Status status, const QString& detail = {});
    qint64 now() const { return m_clock.elapsed(); }

    QString m_path;
    Options m_options;
    ReaderInfo m_info;
    bool m_started = false;
    // Configures the line and writes; recreated for every open; owned (child). It is opened
    // write-only: QIODevice would keep answers (card text and photo) in its own read buffer,
    // which we cannot wipe, so answers are read from m_readFd into buffers we wipe.
    QSerialPort* m_port = nullptr;
    int m_readFd = -1;
    QSocketNotifier* m_readNotifier = nullptr;
    sam::FrameReader m_reader;
    sam::SamReadSequence m_sequence;
    std::optional<sam::Request> m_request; // the request being sent or answered
    bool m_awaiting = false;               // sent, answer not yet complete
    QTimer m_sendTimer;                    // the request's delay
    QTimer m_responseTimer;                // the request's timeout
    QTimer m_reopenTimer;
    int m_reopenDelayMs = 0;
    QElapsedTimer m_clock;  // monotonic time for the sequence
    QElapsedTimer m_sentAt; // when the outstanding request was written
    QElapsedTimer m_cardAt; // when the card was found
    StepTimes m_times;
    qint64 m_staleBytes = 0; // input that answered nothing, dropped
};

} // namespace onewindow
