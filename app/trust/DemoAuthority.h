#pragma once

#include "app/trust/LicenseAuthority.h"

#include <QStringList>

namespace onewindow::trust {

// Demo mode's own licence authority (docs/storage.md "Signed licences"): a demo root and two
// demo issuer keys (one SM2, one P-256) made at the first demo start and kept, 0600, in the
// demo state directory, so the synthetic licences can be signed and verified like real ones.
// Only main's demo path uses it; a production kiosk trusts nothing but kiosk.conf's root key.
struct DemoAuthority
{
    // Loads `<dir>/root.pem`, `sm2.pem`, `p256.pem`, creating missing ones. Issuer codes are
    // given keys alternately (sorted: SM2 first), each as key id "demo-<code>".
    static Expected<LicenseAuthority, QString> loadOrCreate(const QString& dir, QStringList issuerCodes);
};

} // namespace onewindow::trust
