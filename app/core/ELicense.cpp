#include "app/core/ELicense.h"

#include "app/platform/SafeNumbers.h"
#include "drivers/idcard/SecureWipe.h"

#include <QJsonArray>

namespace onewindow {

namespace {

struct StatusName
{
    ELicense::Status status;
    const char* name;
};

constexpr StatusName kStatusNames[] = {
    {ELicense::Status::Valid, "valid"},         {ELicense::Status::Suspended, "suspended"},
    {ELicense::Status::Revoked, "revoked"},     {ELicense::Status::Cancelled, "cancelled"},
    {ELicense::Status::Expired, "expired"},     {ELicense::Status::TransferredOut, "transferred_out"},
    {ELicense::Status::Withdrawn, "withdrawn"}, {ELicense::Status::Other, "other"},
};

QJsonValue dateValue(QDate d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
}

QDate dateOf(const QJsonObject& o, const char* key)
{
    return QDate::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODate);
}

QJsonValue timeValue(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QString ELicense::statusName(Status s)
{
    for (const StatusName& entry : kStatusNames) {
        if (entry.status == s)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("other");
}

bool ELicense::statusFromName(const QString& name, Status* out)
{
    for (const StatusName& entry : kStatusNames) {
        if (name == QLatin1String(entry.name)) {
            *out = entry.status;
            return true;
        }
    }
    return false;
}

bool ELicense::isUsableOn(QDate day) const
{
    return status == Status::Valid && (!validFrom.isValid() || validFrom <= day) &&
           (!validTo.isValid() || day <= validTo);
}

void ELicense::wipe()
{
    for (LicenseHolder& h : holders) {
        secureWipe(h.name);
        secureWipe(h.code);
    }
    holders.clear();
    for (auto it = face.begin(); it != face.end(); ++it)
        secureWipe(it.value());
    face.clear();
    secureWipe(licenseNo);
}

QJsonObject ELicense::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("license_id"), licenseId);
    o.insert(QStringLiteral("source_license_id"), sourceLicenseId);
    o.insert(QStringLiteral("type_code"), typeCode);
    o.insert(QStringLiteral("type_name"), typeName);
    o.insert(QStringLiteral("license_name"), licenseName);
    o.insert(QStringLiteral("license_no"), licenseNo);
    o.insert(QStringLiteral("related_license_id"), relatedLicenseId);
    o.insert(QStringLiteral("issuer_name"), issuerName);
    o.insert(QStringLiteral("issuer_code"), issuerCode);
    o.insert(QStringLiteral("issue_date"), dateValue(issueDate));
    o.insert(QStringLiteral("valid_from"), dateValue(validFrom));
    o.insert(QStringLiteral("valid_to"), dateValue(validTo));
    o.insert(QStringLiteral("status"), statusName(status));
    o.insert(QStringLiteral("status_desc"), statusDesc);
    o.insert(QStringLiteral("area_code"), areaCode);
    QJsonArray hs;
    for (const LicenseHolder& h : holders) {
        hs.append(QJsonObject{{QStringLiteral("name"), h.name},
                              {QStringLiteral("code"), h.code},
                              {QStringLiteral("code_type"), h.codeTypeCode},
                              {QStringLiteral("role"), h.role}});
    }
    o.insert(QStringLiteral("holders"), hs);
    QJsonObject faceObject;
    for (auto it = face.cbegin(); it != face.cend(); ++it)
        faceObject.insert(it.key(), it.value());
    o.insert(QStringLiteral("face"), faceObject);
    o.insert(QStringLiteral("sync"),
             QJsonObject{{QStringLiteral("hub_version"), double(sync.hubVersion)},
                         {QStringLiteral("source_updated_at"), timeValue(sync.sourceUpdatedAt)},
                         {QStringLiteral("synced_at"), timeValue(sync.syncedAt)},
                         {QStringLiteral("batch"), sync.batch},
                         {QStringLiteral("op"), sync.op}});
    if (!signature.isEmpty())
        o.insert(QStringLiteral("signature"),
                 QJsonObject{{QStringLiteral("alg"), signature.alg},
                             {QStringLiteral("key_id"), signature.keyId},
                             {QStringLiteral("value"), QString::fromLatin1(signature.value.toBase64())}});
    return o;
}

ELicense ELicense::fromJson(const QJsonObject& o, QString* error)
{
    ELicense l;
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
    };
    if (error)
        error->clear();
    l.licenseId = str(o, "license_id");
    l.sourceLicenseId = str(o, "source_license_id");
    l.typeCode = str(o, "type_code");
    l.typeName = str(o, "type_name");
    l.licenseName = str(o, "license_name");
    l.licenseNo = str(o, "license_no");
    l.relatedLicenseId = str(o, "related_license_id");
    l.issuerName = str(o, "issuer_name");
    l.issuerCode = str(o, "issuer_code");
    l.issueDate = dateOf(o, "issue_date");
    l.validFrom = dateOf(o, "valid_from");
    l.validTo = dateOf(o, "valid_to");
    const QString status = str(o, "status");
    if (!status.isEmpty() && !statusFromName(status, &l.status))
        fail(QStringLiteral("status"));
    l.statusDesc = str(o, "status_desc");
    l.areaCode = str(o, "area_code");
    for (const QJsonValue& v : o.value(QStringLiteral("holders")).toArray()) {
        const QJsonObject h = v.toObject();
        l.holders.append({str(h, "name"), str(h, "code"), str(h, "code_type"), str(h, "role")});
    }
    const QJsonObject faceObject = o.value(QStringLiteral("face")).toObject();
    for (auto it = faceObject.begin(); it != faceObject.end(); ++it)
        l.face.insert(it.key(), it.value().toString());
    const QJsonObject s = o.value(QStringLiteral("sync")).toObject();
    l.sync.hubVersion = toInt64(s.value(QStringLiteral("hub_version")).toDouble()).value_or(0);
    l.sync.sourceUpdatedAt = QDateTime::fromString(str(s, "source_updated_at"), Qt::ISODateWithMs);
    l.sync.syncedAt = QDateTime::fromString(str(s, "synced_at"), Qt::ISODateWithMs);
    l.sync.batch = str(s, "batch");
    l.sync.op = str(s, "op");
    const QJsonObject sig = o.value(QStringLiteral("signature")).toObject();
    l.signature.alg = str(sig, "alg");
    l.signature.keyId = str(sig, "key_id");
    // Strict base64: a signature that does not decode is no signature (verification fails).
    const auto decoded =
        QByteArray::fromBase64Encoding(str(sig, "value").toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (decoded)
        l.signature.value = *decoded;
    if (l.holders.isEmpty())
        fail(QStringLiteral("holders"));
    if (l.typeCode.isEmpty())
        fail(QStringLiteral("type_code"));
    if (l.licenseId.isEmpty())
        fail(QStringLiteral("license_id"));
    return l;
}

} // namespace onewindow
