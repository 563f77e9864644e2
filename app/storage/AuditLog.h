#pragma once

#include "app/platform/KeyStore.h"
#include "app/storage/SqliteDb.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <functional>

namespace onewindow::storage {

// One audit event (gov-standards.md §7.6 AuditEvent). Holds no plain personal data by
// construction: a resident is named only by residentActor() (a keyed hash prefix), licences
// by their keyed reference, and `detail` must be a masked or non-personal text.
struct AuditEvent
{
    enum class Kind
    {
        CardRead,
        LicenseUse, // 用证: purpose and service item are required (gov-standards.md §1.5)
        Submission,
        Print,
        AdminLoginSuccess,
        AdminLoginFailure,
        ConfigChange,
        Export,
        StorageAlarm,
        AdminAction,    // an action in admin mode (app/admin AdminSession::record); new kinds go last
        LicenseRefused, // a licence failed verification (app/trust): never used, alarm raised
        AssistRequest,  // 人工帮办: a help request and the hub's answer (app/assist)
    };

    qint64 seq = 0; // assigned by append()
    QDateTime at;   // assigned by append() when null
    Kind kind = Kind::CardRead;
    QString actor;       // residentActor(), "admin:<id>", "system"
    QString objectRef;   // item id, licence reference, config key …
    QString purpose;     // 用证事由
    QString serviceItem; // 事项编码
    QString result;      // "ok", "denied", …
    QString detail;      // masked / non-personal

    static const char* kindName(Kind k);
    static bool kindFromName(const QString& name, Kind* out);
};

struct AuditVerification
{
    bool ok = true;
    qint64 events = 0;
    qint64 firstBadSeq = 0; // 0 when ok, else the first seq where the chain breaks
    QString problem;        // "mac mismatch", "gap after seq 41", "head does not match" …
};

// Append-only, HMAC-chained audit log in audit.db:
//   mac(n) = HMAC(audit key, mac(n-1) | seq | at | kind | actor | object | purpose | item | result | detail)
// A MAC'd head row records the newest link, so editing, deleting, reordering or truncating
// rows is found by verify() (and `onewindow-tool audit verify`).
class AuditLog
{
public:
    using Clock = std::function<qint64()>;

    AuditLog(SqliteDb& db, KeyStore keys, Clock clock = {});

    Result<qint64> append(AuditEvent event);
    // Several events in one transaction (one fsync); none is kept when one fails.
    Result<int> appendAll(const QList<AuditEvent>& events);
    Result<AuditVerification> verify() const;
    Result<QList<AuditEvent>> recent(int limit) const;

    // The pseudonymous actor for a resident: "r:" + the first 16 bytes of the blind index, hex.
    static QString residentActor(const KeyStore& keys, QStringView idNumber);

private:
    static QByteArray canonical(const AuditEvent& e, qint64 atMs);
    QByteArray headMac(qint64 seq, const QByteArray& mac) const;

    SqliteDb& m_db;
    KeyStore m_keys;
    Clock m_clock;
};

} // namespace onewindow::storage

Q_DECLARE_METATYPE(onewindow::storage::AuditEvent)
