#pragma once
// Loads the shipped demo residents' licences (resources/demo/licenses.json) for the tests: the
// same file the demo seeds the licence cache with.
#include "app/core/ELicense.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow::testdata {

inline QString sourcePath(const QString& rel)
{
    return qEnvironmentVariable("ONEWINDOW_SOURCE_DIR") + QLatin1Char('/') + rel;
}

// Licences whose holders include `idNumber`, as LicenseCache::lookup would return them.
inline QList<ELicense> demoLicensesOf(const QString& idNumber)
{
    QFile f(sourcePath(QStringLiteral("resources/demo/licenses.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<ELicense> out;
    for (const QJsonValue& c : QJsonDocument::fromJson(f.readAll())[QStringLiteral("changes")].toArray()) {
        const ELicense l = ELicense::fromJson(c[QStringLiteral("license")].toObject());
        for (const LicenseHolder& h : l.holders) {
            if (h.code == idNumber) {
                out.append(l);
                break;
            }
        }
    }
    return out;
}

} // namespace onewindow::testdata
