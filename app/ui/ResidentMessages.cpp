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
        return QCoreApplication::translate("ResidentMessages",
                                           "Residence permit for Hong Kong, Macao and Taiwan residents");
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
        return QCoreApplication::translate(
            "ResidentMessages",
            "Please place the card flat on the reader again and keep it still until you hear the tone.");
    if (key == QLatin1String("unsupported_document"))
        return QCoreApplication::translate(
            "ResidentMessages",
            "Please use a resident ID card, a residence permit for Hong Kong, Macao and Taiwan residents, "
            "or a foreign permanent resident ID card. Staff can help you at the counter.");
    if (key == QLatin1String("card_unreadable"))
        return QCoreApplication::translate(
            "ResidentMessages",
            "Please try once more. If it still fails, staff at the counter will help you.");
    return QCoreApplication::translate(
        "ResidentMessages",
        "Nothing you entered has been lost. Please ask staff for help, or use another kiosk.");
}

QString findingText(const QString& code, const Identity& identity)
{
    if (code == QLatin1String("expired"))
        return QCoreApplication::translate(
                   "ResidentMessages",
                   "This card expired on %1. Some services need a valid card; staff can advise you.")
            .arg(cardDate(identity.validUntil, identity.validUntilRaw));
    if (code == QLatin1String("not_yet_valid"))
        return QCoreApplication::translate("ResidentMessages", "This card is valid only from %1.")
            .arg(cardDate(identity.validFrom, identity.validFromRaw));
    if (code == QLatin1String("name_private_use"))
        return QCoreApplication::translate("ResidentMessages",
                                           "Your name contains a rare character (生僻字) that this screen "
                                           "cannot show. It is kept exactly as on your card.");
    return {};
}

QString validity(const Identity& identity)
{
    const QString from = cardDate(identity.validFrom, identity.validFromRaw);
    const QString until = identity.validLongTerm
                              ? QCoreApplication::translate("ResidentMessages", "long-term")
                              : cardDate(identity.validUntil, identity.validUntilRaw);
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

QString workingDays(int days)
{
    if (days <= 0)
        return QCoreApplication::translate("ResidentMessages", "Done on the spot");
    return QCoreApplication::translate("ResidentMessages", "%n working day(s)", nullptr, days);
}

QString sourceCard()
{
    return QCoreApplication::translate("ResidentMessages", "From: your ID card");
}

QString sourceLicense(const QString& licenseTypeName)
{
    return QCoreApplication::translate("ResidentMessages", "From: e-licence %1").arg(licenseTypeName);
}

QString materialStatus(const char* modeKey)
{
    const QLatin1String key(modeKey);
    if (key == QLatin1String("license"))
        return QCoreApplication::translate("ResidentMessages", "E-licence used, no paper needed");
    if (key == QLatin1String("card"))
        return QCoreApplication::translate("ResidentMessages", "Your ID card has been read");
    if (key == QLatin1String("tolerance"))
        return QCoreApplication::translate("ResidentMessages", "May be handed in later");
    if (key == QLatin1String("promise"))
        return QCoreApplication::translate("ResidentMessages", "Replaced by your written promise");
    return QCoreApplication::translate("ResidentMessages", "Please hand in the paper at the counter");
}

QString fieldProblem(const char* problemKey, double min, double max)
{
    const QLatin1String key(problemKey);
    if (key == QLatin1String("required"))
        return QCoreApplication::translate("ResidentMessages", "Please fill this in");
    if (key == QLatin1String("not_a_number"))
        return QCoreApplication::translate("ResidentMessages", "Please enter a number");
    if (key == QLatin1String("too_small"))
        return QCoreApplication::translate("ResidentMessages", "Please enter at least %1").arg(min);
    if (key == QLatin1String("too_large"))
        return QCoreApplication::translate("ResidentMessages", "Please enter at most %1").arg(max);
    if (key == QLatin1String("bad_date"))
        return QCoreApplication::translate("ResidentMessages", "Please enter a date like 2024-05-01");
    if (key == QLatin1String("bad_phone") || key == QLatin1String("bad_phone_cn"))
        return QCoreApplication::translate(
            "ResidentMessages", "Please enter a valid mainland China phone number (mobile: 11 digits)");
    if (key == QLatin1String("bad_phone_hk"))
        return QCoreApplication::translate("ResidentMessages",
                                           "Please enter a valid Hong Kong phone number (8 digits)");
    if (key == QLatin1String("bad_phone_mo"))
        return QCoreApplication::translate("ResidentMessages",
                                           "Please enter a valid Macao phone number (8 digits)");
    if (key == QLatin1String("bad_phone_tw"))
        return QCoreApplication::translate(
            "ResidentMessages", "Please enter a valid Taiwan phone number (mobile: 09 and 8 digits)");
    if (key == QLatin1String("bad_phone_intl"))
        return QCoreApplication::translate(
            "ResidentMessages", "Please enter a valid phone number for the country or region chosen");
    if (key == QLatin1String("bad_id_number"))
        return QCoreApplication::translate("ResidentMessages", "This ID number is not valid");
    if (key == QLatin1String("not_an_option"))
        return QCoreApplication::translate("ResidentMessages", "Please choose one of the options");
    return QCoreApplication::translate("ResidentMessages", "Please check the format");
}

QString yesNo(bool yes)
{
    return yes ? QCoreApplication::translate("ResidentMessages", "Yes")
               : QCoreApplication::translate("ResidentMessages", "No");
}

QString receiptState(bool acknowledged)
{
    // What is true, not what the resident still has to do: 已保存，待发送 / 已发送.
    return acknowledged ? QCoreApplication::translate("ResidentMessages", "Sent")
                        : QCoreApplication::translate("ResidentMessages", "Saved, waiting to be sent");
}

QString takeYourCard()
{
    return QCoreApplication::translate("ResidentMessages", "Please take your card with you.");
}

QString savedOffline()
{
    return QCoreApplication::translate(
        "ResidentMessages",
        "Saved on this kiosk. It is sent automatically as soon as the network is available.");
}

QString notSaved()
{
    return QCoreApplication::translate(
        "ResidentMessages",
        "Your application could not be saved. Nothing was sent. Please try again or ask the staff for help.");
}

QString progressState(const QString& outboxState, bool online)
{
    Q_UNUSED(online)
    // Local outbox states, and the hub's case statuses (docs/sync-protocol.md §5).
    if (outboxState == QLatin1String("ACKED") || outboxState == QLatin1String("PURGED") ||
        outboxState == QLatin1String("received") || outboxState == QLatin1String("in_progress"))
        return QCoreApplication::translate("ResidentMessages", "Received by the department, being processed");
    if (outboxState == QLatin1String("completed"))
        return QCoreApplication::translate("ResidentMessages", "Completed");
    if (outboxState == QLatin1String("returned"))
        return QCoreApplication::translate("ResidentMessages",
                                           "Returned: please supply the missing materials at the counter");
    if (outboxState == QLatin1String("REJECTED") || outboxState == QLatin1String("rejected"))
        return QCoreApplication::translate("ResidentMessages", "Not accepted, please ask the staff");
    return QCoreApplication::translate("ResidentMessages", "Saved on this kiosk, waiting to be sent");
}

QString progressOffline()
{
    return QCoreApplication::translate("ResidentMessages",
                                       "The kiosk is offline: this shows what the kiosk itself knows.");
}

QString progressNotFound()
{
    return QCoreApplication::translate("ResidentMessages", "No application found for this query code.");
}

} // namespace onewindow::ResidentMessages
