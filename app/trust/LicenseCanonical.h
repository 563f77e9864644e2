#pragma once

#include "app/core/ELicense.h"

#include <QByteArray>
#include <QList>

namespace onewindow::trust {

// The exact bytes an issuer signs (docs/sync-protocol.md "Signed licences"). Not JSON: a
// sequence of fields, each a 4-byte big-endian length and the field's UTF-8 bytes, in a fixed
// order, so hub and kiosk agree whatever their JSON libraries do with key order, escapes and
// numbers. Counts are fields too (decimal text). Dates are yyyy-MM-dd or empty.
//
// licence:  "onewindow.license.v1", alg, key_id, license_id, source_license_id, type_code,
//           type_name, license_name, license_no, related_license_id, issuer_name, issuer_code,
//           issue_date, valid_from, valid_to, status, status_desc, area_code,
//           n_holders, {name, code, code_type, role}×n, n_face, {key, value}×n (keys sorted by
//           their UTF-8 bytes). The hub's `sync` block is not signed (it is the hub's, not the
//           issuer's), nor is the signature's own value.
QByteArray licenseSignedBytes(const ELicense& licence);

// One entry of the catalogue's signed issuer key list.
struct IssuerKeyEntry
{
    QString keyId;
    QString issuerCode; // the GB/T 36904 颁发机构代码 this key may sign for
    QString alg;        // SM2-SM3 | ECDSA-P256-SHA256
    QByteArray publicKeyDer;
};

// issuer list: "onewindow.issuer-keys.v1", version, root alg, n_keys,
//              {key_id, issuer_code, alg, public_key (DER bytes)}×n in list order.
QByteArray issuerListSignedBytes(const QString& version, const QString& rootAlg,
                                 const QList<IssuerKeyEntry>& keys);

} // namespace onewindow::trust
