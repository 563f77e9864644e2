#pragma once

#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>

namespace onewindow::admin {

// Consecutive failed PIN attempts and the lock they cause (gov-standards.md §5.5 b), kept in
// <stateDir>/admin-lockout.json (0600, atomic write) so a restart does not reset them.
// A value type: every call re-reads the file, so the tool's `admin unlock` and a restarted
// kiosk see the same state. The clock is injectable for tests.
class LockoutState
{
public:
    using Clock = std::function<QDateTime()>;
    static constexpr int kDefaultMaxFailures = 5;
    static constexpr int kDefaultLockoutMinutes = 15;

    struct Snapshot
    {
        int failures = 0;      // consecutive, since the last success or expired lock
        QDateTime lockedAt;    // invalid when not locked
        QDateTime lockedUntil; // lockedAt + lockout minutes; invalid when not locked
        QString error;         // set when the file was unreadable/corrupt (then: locked)
        bool locked() const { return lockedUntil.isValid(); }
    };

    LockoutState(QString path, int maxFailures = kDefaultMaxFailures,
                 int lockoutMinutes = kDefaultLockoutMinutes, Clock clock = {});
    static QString pathIn(const QString& stateDir); // <stateDir>/admin-lockout.json

    QString path() const { return m_path; }
    int maxFailures() const { return m_maxFailures; }
    int lockoutMinutes() const { return m_lockoutMinutes; }
    QDateTime now() const;

    // The current state. An expired lock reads as "no failures"; a lock whose start lies in the
    // future (the clock went back) is restarted at now, so rolling the clock back never
    // shortens it. A corrupt file fails closed: locked from now (the tool's unlock clears it).
    // The file is rewritten when a lock expired or the clock went back.
    Snapshot read() const;
    // The same answer without writing anything (the tool's `admin status`).
    Snapshot peek() const;
    // One more failure; locks when the count reaches maxFailures. Returns the new state.
    Snapshot recordFailure() const;
    // A correct PIN: failures back to zero (removes nothing else).
    QString recordSuccess() const;
    // `onewindow-tool admin unlock`: forgets failures and any lock. Run as root, every write
    // gives the file to the state directory's owner, so the kiosk user can still update it.
    QString clear() const;

    // What read() makes of the file's bytes (std::nullopt: the file exists but could not be
    // opened); `rewrite` as in read(). No I/O: the seam for the fuzzer.
    Snapshot parse(const std::optional<QByteArray>& contents, bool* rewrite) const;

private:
    Snapshot readFile(bool* rewrite) const;
    QString write(int failures, const QDateTime& lockedAt) const;

    QString m_path;
    int m_maxFailures;
    int m_lockoutMinutes;
    Clock m_clock;
};

} // namespace onewindow::admin
