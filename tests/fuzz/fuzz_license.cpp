// Fuzz target: e-licence records as the hub sends them (ELicense::fromJson, one object of a
// GET /v1/licenses/changes page) and whole delta pages. Only the public parse API is used, so
// the target stays valid when the record gains fields (signatures). A record that parses must
// survive the cache's round trip (toJson is the encrypted payload at rest) unchanged.
#include "app/core/ELicense.h"
#include "app/sync/SyncProtocol.h"

#include <QJsonDocument>
#include <cstddef>
#include <cstdint>

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isObject()) {
        QString error;
        ELicense licence = ELicense::fromJson(doc.object(), &error);
        (void)licence.isUsableOn(QDate(2026, 12, 4));
        if (error.isEmpty()) {
            const QJsonObject stored = licence.toJson();
            QString again;
            ELicense reread = ELicense::fromJson(stored, &again);
            if (!again.isEmpty() || reread.toJson() != stored)
                __builtin_trap(); // the cached copy would differ from what the hub sent
            reread.wipe();
        }
        licence.wipe();
    }
    QString error;
    (void)sync::protocol::parseDeltaPage(bytes, &error);
    return 0;
}
