#include "app/tool/IdentityJson.h"

#include "app/tool/TextTable.h"
#include "drivers/idcard/CodeTables.h"
#include "drivers/idcard/Masking.h"

#include <QJsonArray>
#include <QJsonValue>

namespace onewindow::tool {

namespace {

// Which optional fields each document carries (reference/idcard.md §2.2–2.7).
struct FieldSet
{
    bool name = true;
    bool englishName = false;
    bool ethnicity = false;
    bool address = false;
    bool issuer = false;
    bool nationality = false;
    bool permitNumber = false;
    bool issueCount = false;
    bool cardVersion = false;
    bool authorityCode = false;
    bool previousNumber = false;
};

FieldSet fieldsOf(DocumentType type)
{
    FieldSet f;
    switch (type) {
    case DocumentType::Resident:
        f.ethnicity = f.address = f.issuer = true;
        break;
    case DocumentType::HmtPermit:
        f.address = f.issuer = f.permitNumber = f.issueCount = true;
        break;
    case DocumentType::Foreign2017:
        f.englishName = f.nationality = f.cardVersion = f.authorityCode = true;
        break;
    case DocumentType::Foreign2023:
        f.englishName = f.nationality = f.issueCount = f.previousNumber = true;
        break;
    }
    return f;
}

QJsonValue text(bool present, const QString& value)
{
    if (!present || value.isEmpty())
        return QJsonValue(QJsonValue::Null);
    return value;
}

QJsonValue masked(bool present, const QString& value, bool reveal, QString (*mask)(const QString&))
{
    if (!present || value.isEmpty())
        return QJsonValue(QJsonValue::Null);
    return reveal ? value : mask(value);
}

QJsonValue date(const QDate& parsed, const QString& raw)
{
    if (parsed.isValid())
        return parsed.toString(Qt::ISODate);
    return text(true, raw);
}

QJsonArray codes(const QList<CheckFinding>& findings, const CheckFinding::Severity* only)
{
    QJsonArray out;
    for (const CheckFinding& f : findings) {
        if (!only || f.severity == *only)
            out.append(f.code);
    }
    return out;
}

QString documentLabel(const QString& key)
{
    if (key == QLatin1String("resident"))
        return QStringLiteral("resident ID card (居民身份证)");
    if (key == QLatin1String("hmt_permit"))
        return QStringLiteral("HK/Macau/Taiwan residence permit (港澳台居民居住证)");
    if (key == QLatin1String("foreign_2017"))
        return QStringLiteral("foreigner permanent residence ID card 2017 (外国人永久居留身份证)");
    if (key == QLatin1String("foreign_2023"))
        return QStringLiteral("foreigner permanent residence ID card 2023 (外国人永久居留身份证)");
    return key;
}

QString joinCodes(const QJsonValue& v)
{
    QStringList list;
    for (const QJsonValue& item : v.toArray())
        list.append(item.toString());
    return list.isEmpty() ? QStringLiteral("none") : list.join(QStringLiteral(", "));
}

} // namespace

QJsonObject identityToJson(const Identity& id, const QList<CheckFinding>& findings, bool reveal)
{
    const FieldSet f = fieldsOf(id.documentType);
    QJsonObject o;
    o.insert(QStringLiteral("document_type"), QLatin1String(documentTypeKey(id.documentType)));
    o.insert(QStringLiteral("name"), masked(f.name, id.name, reveal, maskName));
    o.insert(QStringLiteral("english_name"), masked(f.englishName, id.englishName, reveal, maskName));
    o.insert(QStringLiteral("sex_code"), text(true, id.sexCode));
    const QString sex = id.sexCode.isEmpty() ? QString() : sexKey(id.sexCode);
    o.insert(QStringLiteral("sex"), text(true, sex));
    o.insert(QStringLiteral("ethnicity_code"), text(f.ethnicity, id.ethnicityCode));
    o.insert(QStringLiteral("ethnicity"),
             text(f.ethnicity && !id.ethnicityCode.isEmpty(),
                  id.ethnicityCode.isEmpty() ? QString() : ethnicityLabel(id.ethnicityCode)));
    o.insert(QStringLiteral("birth_date"), date(id.birthDate, id.birthDateRaw));
    o.insert(QStringLiteral("address"), masked(f.address, id.address, reveal, maskAddress));
    o.insert(QStringLiteral("appended_address"), masked(f.address, id.appendedAddress, reveal, maskAddress));
    o.insert(QStringLiteral("id_number"), masked(true, id.idNumber, reveal, maskIdNumber));
    o.insert(QStringLiteral("issuer"), text(f.issuer, id.issuer));
    o.insert(QStringLiteral("valid_from"), date(id.validFrom, id.validFromRaw));
    o.insert(QStringLiteral("valid_until"), id.validLongTerm ? QJsonValue(QStringLiteral("long-term"))
                                                             : date(id.validUntil, id.validUntilRaw));
    o.insert(QStringLiteral("nationality"), text(f.nationality, id.nationality));
    o.insert(QStringLiteral("permit_number"), masked(f.permitNumber, id.permitNumber, reveal, maskIdNumber));
    o.insert(QStringLiteral("issue_count"), text(f.issueCount, id.issueCount));
    o.insert(QStringLiteral("card_version"), text(f.cardVersion, id.cardVersion));
    o.insert(QStringLiteral("authority_code"), text(f.authorityCode, id.authorityCode));
    o.insert(QStringLiteral("previous_number"),
             masked(f.previousNumber, id.previousNumber, reveal, maskIdNumber));
    o.insert(QStringLiteral("warnings"), codes(findings, nullptr));
    const CheckFinding::Severity error = CheckFinding::Severity::Error;
    o.insert(QStringLiteral("errors"), codes(findings, &error));
    o.insert(QStringLiteral("masked"), !reveal);
    return o;
}

QString identityJsonToText(const QJsonObject& o)
{
    TextTable table;
    table.add(QStringLiteral("Document type"),
              documentLabel(o.value(QStringLiteral("document_type")).toString()));

    auto row = [&](const char* key, const char* label) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString())
            table.add(QLatin1String(label), v.toString());
    };
    row("name", "Name");
    row("english_name", "English name");
    const QJsonValue sex = o.value(QStringLiteral("sex"));
    const QJsonValue sexCode = o.value(QStringLiteral("sex_code"));
    if (sexCode.isString())
        table.add(QStringLiteral("Sex"),
                  QStringLiteral("%1 (%2)").arg(
                      sex.isString() ? sex.toString() : QStringLiteral("unknown code"), sexCode.toString()));
    const QJsonValue ethnicityCode = o.value(QStringLiteral("ethnicity_code"));
    if (ethnicityCode.isString())
        table.add(QStringLiteral("Ethnicity"),
                  QStringLiteral("%1 (%2)").arg(o.value(QStringLiteral("ethnicity")).toString(),
                                                ethnicityCode.toString()));
    row("birth_date", "Birth date");
    row("nationality", "Nationality");
    row("address", "Address");
    row("appended_address", "Appended address");
    row("id_number", "ID number");
    row("permit_number", "Permit number");
    row("previous_number", "Previous number");
    const bool renewal = o.value(QStringLiteral("document_type")).toString() == QLatin1String("foreign_2023");
    row("issue_count", renewal ? "Renewal count" : "Issue count"); // 换证次数 / 签发次数
    row("issuer", "Issuer");
    row("authority_code", "Authority code");
    row("card_version", "Card version");
    row("valid_from", "Valid from");
    row("valid_until", "Valid until");
    table.add(QStringLiteral("Warnings"), joinCodes(o.value(QStringLiteral("warnings"))));
    table.add(QStringLiteral("Errors"), joinCodes(o.value(QStringLiteral("errors"))));

    QString out = table.toString();
    if (o.value(QStringLiteral("masked")).toBool())
        out += QStringLiteral(
            "\nPersonal fields are masked; --reveal shows them where the configuration allows it.\n");
    return out;
}

} // namespace onewindow::tool
