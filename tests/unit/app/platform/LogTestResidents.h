#pragma once
// The synthetic residents of resources/demo/identities.json (the simulated reader's cards) as
// Identity values plus the strings that must never appear in any log output.
#include "drivers/idcard/Identity.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace onewindow::testing {

struct LogResident
{
    Identity identity;
    QStringList secrets; // every personal string of the card
    QString idNumber;
};

inline QList<LogResident> logResidents()
{
    const QString source =
        qEnvironmentVariable("ONEWINDOW_SOURCE_DIR", QStringLiteral(ONEWINDOW_SOURCE_DIR_FALLBACK));
    QFile f(source + QStringLiteral("/resources/demo/identities.json"));
    QList<LogResident> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QJsonValue& v : QJsonDocument::fromJson(f.readAll())[QStringLiteral("identities")].toArray()) {
        const QJsonObject o = v.toObject();
        LogResident r;
        r.identity.name = o.value(QStringLiteral("name")).toString();
        r.identity.englishName = o.value(QStringLiteral("english_name")).toString();
        r.identity.address = o.value(QStringLiteral("address")).toString();
        r.identity.appendedAddress = o.value(QStringLiteral("appended_address")).toString();
        r.identity.idNumber = o.value(QStringLiteral("id_number")).toString();
        r.identity.permitNumber = o.value(QStringLiteral("permit_number")).toString();
        r.idNumber = r.identity.idNumber;
        for (const QString& s : {r.identity.name, r.identity.englishName, r.identity.address,
                                 r.identity.appendedAddress, r.identity.idNumber, r.identity.permitNumber}) {
            if (!s.isEmpty())
                r.secrets << s;
        }
        out.append(r);
    }
    return out;
}

// One message holding every personal string of the resident, plus a mobile number and an
// APDU-sized hex run that the shape rules must catch.
inline QString leakyMessage(const LogResident& r, const QString& marker)
{
    return QStringLiteral("%1 name=%2 en=%3 addr=%4 addr2=%5 id=%6 permit=%7 lower=%8 phone=13812345678 "
                          "apdu=00A40000026002FFEEDDCCBBAA99887766554433221100")
        .arg(marker, r.identity.name, r.identity.englishName, r.identity.address, r.identity.appendedAddress,
             r.identity.idNumber, r.identity.permitNumber, r.identity.englishName.toLower());
}

inline QStringList alwaysSecret()
{
    return {QStringLiteral("13812345678"), QStringLiteral("00A40000026002FFEEDDCCBBAA99887766554433221100")};
}

} // namespace onewindow::testing
