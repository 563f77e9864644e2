#pragma once

#include <QObject>
#include <QStringList>
#include <QThreadPool>

namespace onewindow {
class KioskConfig;
}

namespace onewindow::assist {

// [assist] in kiosk.conf: how a help request reaches the hall's own call system.
struct HallCallSettings
{
    QStringList command; // call_command, split into argv at spaces (no shell); empty = none
    QString serialPath;  // call_serial: a tty that receives one line per request; empty = none
    int serialBaud = 9600;
    int timeoutMs = 5000; // the command's or the line's time limit

    bool isConfigured() const { return !command.isEmpty() || !serialPath.isEmpty(); }
    static HallCallSettings fromKioskConfig(const KioskConfig& config);
};

// The local signal for a hall call system (docs/admin-guide.md "Help requests"): runs the
// configured command with argv = its fixed words + kiosk id, screen, reason, and/or writes
// "ASSIST <kiosk> <screen> <reason>\r\n" to a serial line. Never through a shell, never with
// personal data (every argument must be a protocol token). The work runs on its own pool
// thread, so the GUI thread never waits for the command or the line.
class HallCall : public QObject
{
    Q_OBJECT
public:
    explicit HallCall(HallCallSettings settings, QObject* parent = nullptr);
    ~HallCall() override; // waits for a signal in progress (bounded by timeoutMs)

    bool isConfigured() const { return m_settings.isConfigured(); }
    // Returns at once; finished() follows (on this object's thread). False when nothing is
    // configured or an argument is not a protocol token.
    bool signal(const QString& kioskId, const QString& screen, const QString& reason);
    void waitForDone() { m_pool.waitForDone(); }

Q_SIGNALS:
    // `ok` when every configured route succeeded; `detail` says what failed (no personal data).
    void finished(bool ok, const QString& detail);

private:
    HallCallSettings m_settings;
    QThreadPool m_pool;
};

// The two routes, blocking, for the pool thread (and tests). Empty string on success.
QString runHallCommand(const QStringList& argv, int timeoutMs);
QString writeHallLine(const QString& path, int baud, const QByteArray& line, int timeoutMs);

} // namespace onewindow::assist
