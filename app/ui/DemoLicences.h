#pragma once

#include <QFuture>
#include <QString>

namespace onewindow::storage {
class StorageService;
}

namespace onewindow {

// The demo's e-licences (resources/demo/licenses.json, a hub delta page), signed by the demo's
// own licence authority (app/trust DemoAuthority: keys made at the first demo start, kept 0600
// in `authorityDir` under the demo state directory) so they pass the same verification as a
// hub's (docs/storage.md "Signed licences"). Production never calls this.
struct DemoLicences
{
    // The demo authority's root as a `[licenses] root_key` value (base64 DER), creating the
    // authority on first use; empty (with a warning) when it cannot be made.
    static QString trustedRoot(const QString& authorityDir);
    // Signs the page, stores the demo issuer key list as the cache's catalogue and applies the
    // page under its own scope (the hub cursor is untouched), on the storage thread. The
    // future is true when both were stored.
    static QFuture<bool> seed(storage::StorageService& storage, const QString& licencesPath,
                              const QString& authorityDir);
};

} // namespace onewindow
