#pragma once
// A real kiosk state directory for the diagnostics tests: key file, outbox.db, cache.db and
// audit.db made by the storage code the kiosk runs, one audit event, a client certificate made
// by the openssl command and a kiosk.conf holding fake secrets that must never leave it.
#include "app/platform/KeyStore.h"
#include "app/storage/AuditLog.h"
#include "app/storage/DatabaseOpener.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace onewindow::testing {

inline bool makeKioskState(const QString& stateDir)
{
    using namespace onewindow::storage;
    if (!QDir().mkpath(stateDir) ||
        !QFile::setPermissions(stateDir,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return false;
    auto keys = KeyStore::open(stateDir + QStringLiteral("/keys"), /*create=*/true);
    if (!keys.ok())
        return false;
    auto outbox =
        DatabaseOpener::open(DatabaseOpener::outboxSpec(stateDir + QStringLiteral("/outbox.db")), nullptr);
    auto cache =
        DatabaseOpener::open(DatabaseOpener::cacheSpec(stateDir + QStringLiteral("/cache.db")), nullptr);
    auto audit =
        DatabaseOpener::open(DatabaseOpener::auditSpec(stateDir + QStringLiteral("/audit.db")), nullptr);
    if (!outbox.ok() || !cache.ok() || !audit.ok())
        return false;
    AuditLog log(*audit.value(), keys.value());
    AuditEvent e;
    e.kind = AuditEvent::Kind::ConfigChange;
    e.actor = QStringLiteral("system");
    e.objectRef = QStringLiteral("logging/rules");
    e.result = QStringLiteral("ok");
    return log.append(e).ok();
}

// A self-signed certificate valid for `days` days; empty when openssl is missing.
inline QString makeCertificate(const QString& dir, int days)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return {};
    const QString cert = dir + QStringLiteral("/client.pem");
    QProcess p;
    p.start(openssl,
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), dir + QStringLiteral("/client.key"), QStringLiteral("-out"), cert,
             QStringLiteral("-days"), QString::number(days), QStringLiteral("-subj"),
             QStringLiteral("/CN=kiosk-test-07")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    return cert;
}

// The secrets below must never appear in any output or bundle.
inline QStringList configSecrets()
{
    return {QStringLiteral("s3cr3t-key-password"), QStringLiteral("/etc/onewindow/admin.pin-HASH"),
            QStringLiteral("tok-987654321"), QStringLiteral("110105195803120029")};
}

inline QString writeConfig(const QString& dir, const QString& stateDir, const QString& certFile)
{
    const QString path = dir + QStringLiteral("/kiosk.conf");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QStringLiteral("; contact for resident 110105195803120029 (must be masked)\n"
                           "[kiosk]\nstate_dir=%1\n"
                           "[hub]\nurl=https://hub.example.invalid:8443\nkiosk_id=kiosk-test-07\n"
                           "cert=%2\nkey=%3/client.key\nclient_key_password=s3cr3t-key-password\n"
                           "api_token=tok-987654321\n"
                           "[admin]\npin_file=/etc/onewindow/admin.pin-HASH\n"
                           "[readers]\nbackends=sim\n"
                           "[logging]\ntarget=stderr\n")
                .arg(stateDir, certFile, dir)
                .toUtf8());
    f.close();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    return path;
}

} // namespace onewindow::testing
