#include "drivers/sim/SimIdentities.h"

#include "base/files/BoundedRead.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow {

namespace {

QDate parseCardDate(const QString& raw)
{
    return QDate::fromString(raw, QStringLiteral("yyyyMMdd"));
}

Expected<DocumentType, QString> parseDocumentType(const QString& key)
{
    for (DocumentType t : {DocumentType::Resident, DocumentType::HmtPermit, DocumentType::Foreign2017,
                           DocumentType::Foreign2023}) {
        if (key == QLatin1String(documentTypeKey(t)))
            return t;
    }
    return Expected<DocumentType, QString>::failure(QStringLiteral("unknown document_type"));
}

} // namespace

QString builtInSimIdentitiesPath()
{
    return QStringLiteral(":/onewindow/demo/identities.json");
}

Expected<QList<SimCard>, QString> loadSimCards(const QString& path)
{
    using Result = Expected<QList<SimCard>, QString>;
    const files::ReadResult file =
        files::readRegularFile(path, files::kDemoDataMaxBytes, QStringLiteral("simulated identities file"));
    if (!file.ok())
        return Result::failure(file.error);
    return parseSimCards(file.bytes, path);
}

Expected<QList<SimCard>, QString> parseSimCards(const QByteArray& json, const QString& path)
{
    using Result = Expected<QList<SimCard>, QString>;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return Result::failure(QStringLiteral("%1: %2").arg(path, parseError.errorString()));
    const QJsonArray entries = doc.object().value(QStringLiteral("identities")).toArray();
    if (entries.isEmpty())
        return Result::failure(QStringLiteral("%1: no \"identities\"").arg(path));

    QList<SimCard> cards;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject o = entries.at(i).toObject();
        auto str = [&o](const char* key) {
            return o.value(QLatin1String(key)).toString();
        };
        const auto type = parseDocumentType(str("document_type"));
        if (!type)
            return Result::failure(QStringLiteral("%1: entry %2: %3").arg(path).arg(i).arg(type.error()));
        SimCard card;
        card.label = str("label");
        Identity& id = card.identity;
        id.documentType = *type;
        id.name = str("name");
        id.englishName = str("english_name");
        id.sexCode = str("sex_code");
        id.ethnicityCode = str("ethnicity_code");
        id.birthDateRaw = str("birth_date");
        id.birthDate = parseCardDate(id.birthDateRaw);
        id.address = str("address");
        id.appendedAddress = str("appended_address");
        id.idNumber = str("id_number");
        id.issuer = str("issuer");
        id.validFromRaw = str("valid_from");
        id.validFrom = parseCardDate(id.validFromRaw);
        id.validUntilRaw = str("valid_until");
        id.validLongTerm = id.validUntilRaw == QStringLiteral("长期");
        if (!id.validLongTerm)
            id.validUntil = parseCardDate(id.validUntilRaw);
        id.nationality = str("nationality");
        id.permitNumber = str("permit_number");
        id.issueCount = str("issue_count");
        id.cardVersion = str("card_version");
        id.authorityCode = str("authority_code");
        if (id.idNumber.isEmpty())
            return Result::failure(QStringLiteral("%1: entry %2: id_number missing").arg(path).arg(i));
        cards.append(card);
    }
    return cards;
}

} // namespace onewindow
