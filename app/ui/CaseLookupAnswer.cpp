#include "app/ui/CaseLookupAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow {

std::optional<QList<ProgressEntry>> parseCaseLookup(int httpStatus, const QByteArray& body)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (httpStatus != 200 || !answer.value(QStringLiteral("cases")).isArray())
        return std::nullopt;
    QList<ProgressEntry> entries;
    for (const QJsonValue& v : answer.value(QStringLiteral("cases")).toArray()) {
        const QJsonObject c = v.toObject();
        ProgressEntry e;
        e.queryCode = c.value(QStringLiteral("case_no")).toString();
        e.itemName = c.value(QStringLiteral("service_item_name")).toString();
        e.state = c.value(QStringLiteral("status")).toString();
        e.promisedDate = c.value(QStringLiteral("promised_date")).toString();
        entries.append(e);
    }
    return entries;
}

} // namespace onewindow
