#pragma once

#include <QString>

namespace onewindow {
class KioskConfig;
}

namespace onewindow::storage {

// Where the three files and the key file are, and the retention period (DESIGN.md §6).
struct StorageConfig
{
    QString stateDir;                        // kiosk/state_dir
    QString keyFile;                         // storage/key_file; empty = <stateDir>/keys
    qint64 retentionMs = 72LL * 3600 * 1000; // storage/retention_hours (PIPL art. 19): 72 h
    bool createKeys = true;                  // the kiosk creates keys on first start; the tool never does
    // Whether opening waits for the outbox owner lock held by another process: the kiosk waits on
    // its storage thread; everything else (onewindow-tool sync, tests) is refused at once.
    bool waitForOwnerLock = false;
    QString licenseRootKey; // licenses/root_key: path or inline base64 DER (app/trust)

    QString outboxPath() const { return stateDir + QStringLiteral("/outbox.db"); }
    QString cachePath() const { return stateDir + QStringLiteral("/cache.db"); }
    QString cacheNewPath() const { return stateDir + QStringLiteral("/cache.new.db"); }
    QString auditPath() const { return stateDir + QStringLiteral("/audit.db"); }
    QString keyPath() const { return keyFile.isEmpty() ? stateDir + QStringLiteral("/keys") : keyFile; }

    static StorageConfig fromKioskConfig(const KioskConfig& config);
};

} // namespace onewindow::storage
