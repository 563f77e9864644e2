#pragma once

#include <QString>

namespace onewindow::storage {

// One process at a time owns a state directory's outbox: it sends items, and only it may turn
// SENDING rows back into RETRY_WAIT at start-up (a second writer would reset the first one's
// in-flight items and send them side by side). Ownership is an flock(2) on
// `<state_dir>/outbox.lock`, released by the kernel when the process ends, even by SIGKILL, so a
// crash never leaves a stale lock.
class OutboxOwnerLock
{
public:
    enum class Wait
    {
        No,  // fail at once when another process holds it (onewindow-tool sync)
        Yes, // block until it is free (the kiosk at start-up, on the storage thread)
    };

    OutboxOwnerLock() = default;
    ~OutboxOwnerLock();
    OutboxOwnerLock(OutboxOwnerLock&& other) noexcept;
    OutboxOwnerLock& operator=(OutboxOwnerLock&& other) noexcept;
    OutboxOwnerLock(const OutboxOwnerLock&) = delete;
    OutboxOwnerLock& operator=(const OutboxOwnerLock&) = delete;

    // Empty on success; otherwise why not, for technicians (never personal data). `*busy` tells
    // "another process holds it" from a file-system error.
    QString acquire(const QString& stateDir, Wait wait, bool* busy = nullptr);
    bool held() const { return m_fd >= 0; }
    void release();

    static QString lockPath(const QString& stateDir) { return stateDir + QStringLiteral("/outbox.lock"); }

private:
    int m_fd = -1;
};

} // namespace onewindow::storage
