#include "app/core/Submission.h"

#include "drivers/idcard/SecureWipe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow {

void Submission::wipe()
{
    secureWipe(applicantIdNumber);
    secureWipe(applicantName);
    secureWipe(payload);
}

QByteArray Rating::toPayload() const
{
    QJsonObject o{{QStringLiteral("rating_id"), ratingId},
                  {QStringLiteral("submission_id"), submissionId},
                  {QStringLiteral("implement_code"), serviceItemCode},
                  {QStringLiteral("item_name"), serviceItemName},
                  {QStringLiteral("level"), int(level)},
                  {QStringLiteral("indicators"), QJsonArray::fromStringList(indicators)},
                  {QStringLiteral("text"), text},
                  {QStringLiteral("channel"), QStringLiteral("KIOSK")}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void Rating::wipe()
{
    secureWipe(text);
    secureWipe(raterIdNumber);
}

} // namespace onewindow
