#include "app/ui/ResidentMessages.h"

#include <QCoreApplication>

namespace onewindow::ResidentMessages {

namespace {
QString cardDate(const QDate& date, const QString& raw)
{
    return date.isValid() ? date.toString(QStringLiteral("yyyy.MM.dd")) : raw;
}
} // namespace

QString documentType(DocumentType type)
{
    switch (type) {
    case DocumentType::Resident:
        return QCoreApplication::translate("ResidentMessages", "Resident ID card");
    case DocumentType::HmtPermit:
        return QCoreApplication::translate("ResidentMessages", "Residence permit for Hong Kong, Macao and Taiwan residents");
    case DocumentType::Foreign2017:
    case DocumentType::Foreign2023:
        return QCoreApplication::translate("ResidentMessages", "Foreign permanent resident ID card");
    }
    return {};
}

QString errorTitle(const QString& key)
{
    if (key == QLatin1String("card_removed"))
        return QCoreApplication::translate("ResidentMessages", "The card was moved before reading finished");
    if (key == QLatin1String("card_moved"))
        return QCoreApplication::translate("ResidentMessages", "The card could not be read completely");
    if (key == QLatin1String("card_unreadable"))
        return QCoreApplication::translate("ResidentMessages", "This card cannot be recognised");
    if (key == QLatin1String("unsupported_document"))
        return QCoreApplication::translate("ResidentMessages", "This kind of card is not supported here");
    if (key == QLatin1String("inconsistent_data"))
        return QCoreApplication::translate("ResidentMessages", "The card data could not be verified");
    if (key == QLatin1String("timeout"))
        return QCoreApplication::translate("ResidentMessages", "Reading took too long");
    return QCoreApplication::translate("ResidentMessages", "The card reader is not working right now");
}

QString errorHint(const QString& key)
{
    if (key == QLatin1String("card_removed") || key == QLatin1String("card_moved") ||
        key == QLatin1String("timeout") || key == QLatin1String("inconsistent_data"))
        return QCoreApplication::translate("ResidentMessages", "Please place the card flat on the reader again and keep it still until you hear the tone.");
    if (key == QLatin1String("unsupported_document"))
        return QCoreApplication::translate("ResidentMessages", "Please use a resident ID card, a residence permit for Hong Kong, Macao and Taiwan residents, "
                  "or a foreign permanent resident ID card. Staff can help you at the counter.");
    if (key == QLatin1String("card_unreadable"))
        return QCoreApplication::translate("ResidentMessages", "Please try once more. If it still fails, staff at the counter will help you.");
    return QCoreApplication::translate("ResidentMessages", "Nothing you entered has been lost. Please ask staff for help, or use another kiosk.");
}

QString findingText(const QString& code, const Identity& identity)
{
    if (code == QLatin1String("expired"))
        return QCoreApplication::translate("ResidentMessages", "This card expired on %1. Some services need a valid card; staff can advise you.")
            .arg(cardDate(identity.validUntil, identity.validUntilRaw));
    if (code == QLatin1String("not_yet_valid"))
        return QCoreApplication::translate("ResidentMessages", "This card is valid only from %1.").arg(cardDate(identity.validFrom, identity.validFromRaw));
    return {};
}

QString validity(const Identity& identity)
{
    const QString from = cardDate(identity.validFrom, identity.validFromRaw);
    const QString until =
        identity.validLongTerm ? QCoreApplication::translate("ResidentMessages", "long-term") : cardDate(identity.validUntil, identity.validUntilRaw);
    return QStringLiteral("%1 – %2").arg(from, until);
}

QString sex(const QString& sexCode)
{
    if (sexCode == QLatin1String("1"))
        return QCoreApplication::translate("ResidentMessages", "Male");
    if (sexCode == QLatin1String("2"))
        return QCoreApplication::translate("ResidentMessages", "Female");
    return QCoreApplication::translate("ResidentMessages", "Not stated");
}

} // namespace onewindow::ResidentMessages
