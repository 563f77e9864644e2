#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace onewindow {

// One holder of a licence (GB/T 36903 CZZT/CZZTDM/CZZTDMLXDM): a 结婚证 has two, an 出生医学证明
// a child and parents, an 不动产权证书 its co-owners.
struct LicenseHolder
{
    QString name;         // personal data: only ever stored encrypted
    QString code;         // ID number or credit code: stored encrypted + as a blind index
    QString codeTypeCode; // "111" ID number, "001" unified social credit code
    QString role;         // 男方/女方, 权利人, 婴儿/父/母 …
};

// Where a record came from and when (gov-standards.md §7.2 "sync").
struct LicenseSyncInfo
{
    qint64 hubVersion = 0; // monotonic per record; a change applies only when newer
    QDateTime sourceUpdatedAt;
    QDateTime syncedAt;
    QString batch;
    QString op; // upsert | revoke | delete
};

// The issuing authority's seal over a licence record (GB/T 38540 electronic seal, simplified to
// a bare signature): `alg` is the issuer key's algorithm as the catalogue names it, `keyId`
// picks the key in the catalogue's signed issuer key list, `value` is the DER signature over
// app/trust/LicenseCanonical's bytes. Not personal data.
struct LicenseSignature
{
    QString alg;      // "SM2-SM3" | "ECDSA-P256-SHA256"
    QString keyId;    // issuer_keys[].key_id
    QByteArray value; // DER ECDSA/SM2 signature (base64 in JSON)

    bool isEmpty() const { return alg.isEmpty() && keyId.isEmpty() && value.isEmpty(); }
};

// An electronic licence (电子证照) as cached on the kiosk: reference/gov-standards.md §7.2.
// A value type; the holders' names and numbers and the face fields are personal data and are
// wiped with wipe() when a session ends.
struct ELicense
{
    enum class Status
    {
        Valid,
        Suspended,
        Revoked,
        Cancelled,
        Expired,
        TransferredOut,
        Withdrawn,
        Other
    };

    QString licenseId;       // 证照标识 1.2.156.3005.2.… (checked with LicenseIdentifier)
    QString sourceLicenseId; // 电子证照源标识
    QString typeCode;        // 证照类型代码
    QString typeName;
    QString licenseName;
    QString licenseNo; // 证照编号 (masked on display)
    QString relatedLicenseId;
    QString issuerName;
    QString issuerCode;
    QDate issueDate;
    QDate validFrom;
    QDate validTo; // null = 长期有效
    Status status = Status::Valid;
    QString statusDesc;
    QString areaCode;
    QList<LicenseHolder> holders;
    QMap<QString, QString> face; // 照面 KZ_* fields
    LicenseSyncInfo sync;
    LicenseSignature signature; // empty when the hub sent none (such a licence is never used)

    // Valid on `day`: status VALID and the day inside [validFrom, validTo].
    bool isUsableOn(QDate day) const;
    void wipe();

    // The hub's JSON shape (docs/sync-protocol.md), also the encrypted payload at rest.
    QJsonObject toJson() const;
    // Missing optional fields stay empty; `error` names the first missing required field
    // (license_id, type_code, holders) or an unknown status.
    static ELicense fromJson(const QJsonObject& o, QString* error = nullptr);

    // MOHURD status codes 01–07, 99 (gov-standards.md §1.4) and our names.
    static QString statusName(Status s);
    static bool statusFromName(const QString& name, Status* out);
};

} // namespace onewindow

Q_DECLARE_METATYPE(onewindow::ELicense)
