#include "app/tool/ValidateIdCommand.h"

#include "app/tool/TextTable.h"
#include "drivers/idcard/Masking.h"
#include "drivers/idcard/ResidentId.h"
#include "drivers/idcard/SecureWipe.h"

#include <QJsonValue>

namespace onewindow::tool {

namespace {

QJsonValue orNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString errorMeaning(const QString& error)
{
    if (error == QLatin1String("checksum"))
        return QStringLiteral("the check character does not match the first 17 digits");
    if (error == QLatin1String("length"))
        return QStringLiteral("wrong length (18 characters, or 15 digits for a legacy number)");
    if (error == QLatin1String("date"))
        return QStringLiteral("the birth date in the number is not a real date");
    if (error == QLatin1String("format"))
        return QStringLiteral("only digits, with X as the last character, are allowed");
    return error;
}

QString kindLabel(const QString& kind)
{
    if (kind == QLatin1String("resident"))
        return QStringLiteral("resident (mainland resident ID number)");
    if (kind == QLatin1String("hmt"))
        return QStringLiteral("hmt (HK/Macau/Taiwan residence permit)");
    if (kind == QLatin1String("foreign_2023"))
        return QStringLiteral("foreign_2023 (foreigner permanent residence card, 2023)");
    if (kind == QLatin1String("legacy15"))
        return QStringLiteral("legacy15 (15-digit number, GB 11643-1989)");
    return kind;
}

} // namespace

QJsonObject ValidateIdCommand::toJson(const Request& request)
{
    const ResidentId id = ResidentId::parse(request.number, request.today);

    // The normalised number when the parser got that far, else the input as typed.
    QString number = id.number();
    if (number.isEmpty())
        number = request.number.trimmed();

    QJsonObject o;
    o.insert(QStringLiteral("valid"), id.isValid());
    o.insert(QStringLiteral("number"), request.reveal ? number : maskIdNumber(number));
    o.insert(QStringLiteral("kind"), id.kind() == ResidentId::Kind::Unknown
                                         ? QJsonValue(QJsonValue::Null)
                                         : QJsonValue(QLatin1String(ResidentId::kindName(id.kind()))));
    o.insert(QStringLiteral("birth_date"),
             id.birthDate().isValid() ? QJsonValue(id.birthDate().toString(Qt::ISODate)) : QJsonValue());
    switch (id.sex()) {
    case ResidentId::Sex::Male:
        o.insert(QStringLiteral("sex"), QStringLiteral("male"));
        break;
    case ResidentId::Sex::Female:
        o.insert(QStringLiteral("sex"), QStringLiteral("female"));
        break;
    case ResidentId::Sex::Unknown:
        o.insert(QStringLiteral("sex"), QJsonValue());
        break;
    }
    o.insert(QStringLiteral("region_code"), orNull(id.regionCode()));
    const char* error = ResidentId::errorName(id.error());
    o.insert(QStringLiteral("error"), error ? QJsonValue(QLatin1String(error)) : QJsonValue());
    o.insert(QStringLiteral("masked"), !request.reveal);
    secureWipe(number);
    return o;
}

CommandResult ValidateIdCommand::run(const Request& request)
{
    const QJsonObject o = toJson(request);
    const bool valid = o.value(QStringLiteral("valid")).toBool();

    CommandResult result;
    result.exitCode = valid ? ExitSuccess : ExitNegative;
    if (request.json) {
        result.output = jsonBytes(o);
        return result;
    }

    auto value = [&](const char* key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isString() ? v.toString() : QStringLiteral("-");
    };
    TextTable table;
    table.add(QStringLiteral("Valid"), valid ? QStringLiteral("yes") : QStringLiteral("no"));
    table.add(QStringLiteral("Number"), value("number"));
    const QJsonValue kind = o.value(QStringLiteral("kind"));
    table.add(QStringLiteral("Kind"), kind.isString() ? kindLabel(kind.toString()) : QStringLiteral("-"));
    table.add(QStringLiteral("Birth date"), value("birth_date"));
    table.add(QStringLiteral("Sex"), value("sex"));
    table.add(QStringLiteral("Region code"), value("region_code"));
    const QJsonValue error = o.value(QStringLiteral("error"));
    if (error.isString())
        table.add(QStringLiteral("Error"),
                  QStringLiteral("%1: %2").arg(error.toString(), errorMeaning(error.toString())));
    result.output = table.toString().toUtf8();
    return result;
}

QString ValidateIdCommand::usage()
{
    return QStringLiteral(
        "Usage: onewindow-tool validate-id NUMBER [--json] [--reveal]\n"
        "\n"
        "Checks an ID number by GB 11643: 18 characters (6-digit region code, YYYYMMDD birth\n"
        "date, 3-digit sequence whose last digit is odd for men, MOD 11-2 check character) or a\n"
        "legacy 15-digit number. HK/Macau/Taiwan permit numbers (810000/820000/830000) and 2023\n"
        "foreigner card numbers (starting with 9) are recognised. Surrounding spaces are ignored\n"
        "and a lowercase x is read as X.\n"
        "\n"
        "The number is echoed masked (first 3 and last 4 characters kept: 110***********002X),\n"
        "because output ends up in terminals, scripts and logs. --reveal echoes it in full, only\n"
        "where the configuration allows it (privacy/allow_reveal). Birth date, sex and region code\n"
        "are the result of the check and are always shown.\n"
        "\n"
        "  --json     {\"valid\": bool, \"number\": \"...\", \"kind\": "
        "\"resident\"|\"hmt\"|\"foreign_2023\"|\n"
        "             \"legacy15\"|null, \"birth_date\": \"YYYY-MM-DD\"|null, \"sex\": "
        "\"male\"|\"female\"|null,\n"
        "             \"region_code\": \"110105\"|null, \"error\": "
        "null|\"checksum\"|\"length\"|\"date\"|\"format\",\n"
        "             \"masked\": bool}; a field that cannot be known is null\n"
        "  --reveal   print the number unmasked (refused, exit 2, when the configuration forbids it)\n"
        "\n"
        "Exit status: 0 valid, 1 invalid, 2 usage error.\n");
}

} // namespace onewindow::tool
