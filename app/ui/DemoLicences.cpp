#include "app/ui/DemoLicences.h"

#include "app/storage/StorageService.h"
#include "app/trust/DemoAuthority.h"
#include "base/files/BoundedRead.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow {

QString DemoLicences::trustedRoot(const QString& authorityDir)
{
    auto authority = trust::DemoAuthority::loadOrCreate(authorityDir, {});
    if (!authority) {
        qWarning("demo licence authority: %s", qPrintable(authority.error()));
        return {};
    }
    return QString::fromLatin1(authority->rootPublicKey().der().toBase64());
}

QFuture<bool> DemoLicences::seed(storage::StorageService& storage, const QString& licencesPath,
                                 const QString& authorityDir)
{
    storage::DeltaPage page;
    QStringList issuers;
    const files::ReadResult file =
        files::readRegularFile(licencesPath, files::kDemoDataMaxBytes, QStringLiteral("demo licences"));
    if (file.ok()) {
        const QJsonArray changes = QJsonDocument::fromJson(file.bytes)[QStringLiteral("changes")].toArray();
        for (const QJsonValue& v : changes) {
            storage::LicenseChange change;
            change.hubVersion = qint64(v[QStringLiteral("hub_version")].toDouble());
            change.license = ELicense::fromJson(v[QStringLiteral("license")].toObject());
            issuers.append(change.license.issuerCode);
            page.changes.append(change);
        }
    } else {
        qWarning("%s", qPrintable(file.error));
    }
    auto authority = trust::DemoAuthority::loadOrCreate(authorityDir, issuers);
    if (!authority)
        qWarning("demo licence authority: %s", qPrintable(authority.error()));
    storage::CatalogBlob trustBlob;
    if (authority) {
        for (storage::LicenseChange& change : page.changes)
            authority->sign(change.license, authority->keyIdFor(change.license.issuerCode));
        trustBlob.version = QStringLiteral("demo");
        trustBlob.body = QJsonDocument(QJsonObject{{QStringLiteral("version"), trustBlob.version},
                                                   {QStringLiteral("issuer_keys"),
                                                    authority->issuerKeysJson(QStringLiteral("demo"))}})
                             .toJson(QJsonDocument::Compact);
    }
    const bool ready = authority.ok() && !page.changes.isEmpty();
    return storage.post([page, trustBlob, ready](storage::StorageWorker& w) {
        if (!ready || !w.isOpen() || !w.cache().storeCatalog(trustBlob).ok())
            return false;
        return w.cache().applyPage(page, QStringLiteral("demo-seed")).ok();
    });
}

} // namespace onewindow
