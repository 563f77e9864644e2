#include "app/storage/AuditLog.h"

#include "app/platform/Crypto.h"

namespace onewindow::storage {

namespace {

struct KindName
{
    AuditEvent::Kind kind;
    const char* name;
};
constexpr KindName kKinds[] = {
    {AuditEvent::Kind::CardRead, "card_read"},
    {AuditEvent::Kind::LicenseUse, "license_use"},
    {AuditEvent::Kind::Submission, "submission"},
    {AuditEvent::Kind::Print, "print"},
    {AuditEvent::Kind::AdminLoginSuccess, "admin_login_success"},
    {AuditEvent::Kind::AdminLoginFailure, "admin_login_failure"},
    {AuditEvent::Kind::ConfigChange, "config_change"},
    {AuditEvent::Kind::Export, "export"},
    {AuditEvent::Kind::StorageAlarm, "storage_alarm"},
    {AuditEvent::Kind::LicenseRefused, "license_refused"},
    {AuditEvent::Kind::AdminAction, "admin_action"},
    {AuditEvent::Kind::AssistRequest, "assist_request"},
};

const QByteArray kGenesis = QByteArrayLiteral("onewindow-audit-genesis-v1");

} // namespace

const char* AuditEvent::kindName(Kind k)
{
    for (const KindName& e : kKinds) {
        if (e.kind == k)
            return e.name;
    }
    return "unknown";
}

bool AuditEvent::kindFromName(const QString& name, Kind* out)
{
    for (const KindName& e : kKinds) {
        if (name == QLatin1String(e.name)) {
            *out = e.kind;
            return true;
        }
    }
    return false;
}

AuditLog::AuditLog(SqliteDb& db, KeyStore keys, Clock clock)
    : m_db(db), m_keys(std::move(keys)), m_clock(std::move(clock))
{}

QString AuditLog::residentActor(const KeyStore& keys, QStringView idNumber)
{
    return QStringLiteral("r:") + QString::fromLatin1(keys.blindIndex(idNumber).left(16).toHex());
}

QByteArray AuditLog::canonical(const AuditEvent& e, qint64 atMs)
{
    QByteArray out;
    auto field = [&out](const QByteArray& v) {
        out += QByteArray::number(v.size()) + ':' + v;
    };
    field(QByteArray::number(e.seq));
    field(QByteArray::number(atMs));
    field(AuditEvent::kindName(e.kind));
    field(e.actor.toUtf8());
    field(e.objectRef.toUtf8());
    field(e.purpose.toUtf8());
    field(e.serviceItem.toUtf8());
    field(e.result.toUtf8());
    field(e.detail.toUtf8());
    return out;
}

QByteArray AuditLog::headMac(qint64 seq, const QByteArray& mac) const
{
    return m_keys.auditMac("head|" + QByteArray::number(seq) + '|' + mac);
}

Result<qint64> AuditLog::append(AuditEvent e)
{
    if (e.kind == AuditEvent::Kind::LicenseUse && (e.purpose.isEmpty() || e.serviceItem.isEmpty()))
        return fail(StorageError::Kind::InvalidInput,
                    QStringLiteral("a licence use needs its purpose and service item (用证事由)"));
    const qint64 atMs = e.at.isValid() ? e.at.toMSecsSinceEpoch()
                                       : (m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch());
    Transaction tx(m_db);
    if (!tx.begun().ok())
        return fail(tx.begun().error());
    qint64 lastSeq = 0;
    QByteArray prev = kGenesis;
    Statement head(m_db, "SELECT seq, mac FROM audit_head WHERE id = 1");
    if (head.next()) {
        lastSeq = head.int64(0);
        prev = head.blob(1);
    } else if (head.failed()) {
        return fail(head.error());
    }
    e.seq = lastSeq + 1;
    const QByteArray mac = m_keys.auditMac(prev + '|' + canonical(e, atMs));
    Statement ins(m_db, "INSERT INTO audit_event (seq, at, kind, actor, object_ref, purpose, service_item, "
                        "result, detail, mac) VALUES (?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, e.seq)
        .bind(2, atMs)
        .bind(3, QString::fromLatin1(AuditEvent::kindName(e.kind)))
        .bind(4, e.actor)
        .bind(5, e.objectRef)
        .bind(6, e.purpose)
        .bind(7, e.serviceItem)
        .bind(8, e.result)
        .bind(9, e.detail)
        .bind(10, mac);
    Status s = ins.run();
    if (!s.ok())
        return fail(s.error());
    Statement up(m_db, "INSERT INTO audit_head (id, seq, mac, head_mac) VALUES (1, ?1, ?2, ?3) "
                       "ON CONFLICT(id) DO UPDATE SET seq = ?1, mac = ?2, head_mac = ?3");
    up.bind(1, e.seq).bind(2, mac).bind(3, headMac(e.seq, mac));
    s = up.run();
    if (!s.ok())
        return fail(s.error());
    s = tx.commit();
    if (!s.ok())
        return fail(s.error());
    return e.seq;
}

Result<int> AuditLog::appendAll(const QList<AuditEvent>& events)
{
    // One durable commit for the lot: append()'s own transactions nest as savepoints. A
    // resident's licence lookup audits every licence found, and one fsync each made the lookup
    // the slowest step between the card and the form (docs/performance.md).
    Transaction tx(m_db);
    if (!tx.begun().ok())
        return fail(tx.begun().error());
    for (const AuditEvent& e : events) {
        auto appended = append(e);
        if (!appended.ok())
            return fail(appended.error());
    }
    Status s = tx.commit();
    if (!s.ok())
        return fail(s.error());
    return int(events.size());
}

Result<AuditVerification> AuditLog::verify() const
{
    AuditVerification v;
    auto broken = [&v](qint64 seq, const QString& problem) {
        if (v.ok) {
            v.ok = false;
            v.firstBadSeq = seq;
            v.problem = problem;
        }
    };
    Statement st(m_db, "SELECT seq, at, kind, actor, object_ref, purpose, service_item, result, detail, mac "
                       "FROM audit_event ORDER BY seq");
    if (!st.ok())
        return fail(st.error());
    QByteArray prev = kGenesis;
    qint64 expected = 1;
    while (st.next()) {
        AuditEvent e;
        e.seq = st.int64(0);
        const qint64 atMs = st.int64(1);
        const QString kind = st.text(2);
        if (!AuditEvent::kindFromName(kind, &e.kind))
            broken(e.seq, QStringLiteral("unknown event kind at seq %1").arg(e.seq));
        e.actor = st.text(3);
        e.objectRef = st.text(4);
        e.purpose = st.text(5);
        e.serviceItem = st.text(6);
        e.result = st.text(7);
        e.detail = st.text(8);
        const QByteArray mac = st.blob(9);
        if (e.seq != expected)
            broken(expected,
                   e.seq > expected
                       ? QStringLiteral("rows missing: expected seq %1, found %2").arg(expected).arg(e.seq)
                       : QStringLiteral("sequence out of order at %1").arg(e.seq));
        if (!crypto::constantTimeEquals(m_keys.auditMac(prev + '|' + canonical(e, atMs)), mac))
            broken(e.seq, QStringLiteral("MAC mismatch at seq %1 (row edited, moved or a row before it "
                                         "deleted)")
                              .arg(e.seq));
        prev = mac;
        expected = e.seq + 1;
        ++v.events;
    }
    if (st.failed())
        return fail(st.error());

    Statement head(m_db, "SELECT seq, mac, head_mac FROM audit_head WHERE id = 1");
    if (head.next()) {
        const qint64 seq = head.int64(0);
        const QByteArray mac = head.blob(1);
        if (!crypto::constantTimeEquals(headMac(seq, mac), head.blob(2)))
            broken(seq, QStringLiteral("head record was altered"));
        else if (seq != expected - 1 || !crypto::constantTimeEquals(mac, prev))
            broken(expected, QStringLiteral("head says the last event is seq %1, the table ends at %2 "
                                            "(rows cut off the end)")
                                 .arg(seq)
                                 .arg(expected - 1));
    } else if (head.failed()) {
        return fail(head.error());
    } else if (v.events > 0) {
        broken(1, QStringLiteral("head record missing"));
    }
    return v;
}

Result<QList<AuditEvent>> AuditLog::recent(int limit) const
{
    Statement st(m_db, "SELECT seq, at, kind, actor, object_ref, purpose, service_item, result, detail "
                       "FROM audit_event ORDER BY seq DESC LIMIT ?");
    st.bind(1, qint64(limit));
    QList<AuditEvent> out;
    while (st.next()) {
        AuditEvent e;
        e.seq = st.int64(0);
        e.at = QDateTime::fromMSecsSinceEpoch(st.int64(1), Qt::UTC);
        AuditEvent::kindFromName(st.text(2), &e.kind);
        e.actor = st.text(3);
        e.objectRef = st.text(4);
        e.purpose = st.text(5);
        e.serviceItem = st.text(6);
        e.result = st.text(7);
        e.detail = st.text(8);
        out.append(e);
    }
    if (st.failed())
        return fail(st.error());
    return out;
}

} // namespace onewindow::storage
