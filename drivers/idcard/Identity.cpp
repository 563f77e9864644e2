#include "drivers/idcard/Identity.h"

#include "drivers/idcard/SecureWipe.h"

namespace onewindow {

const char* documentTypeKey(DocumentType t)
{
    switch (t) {
    case DocumentType::Resident:
        return "resident";
    case DocumentType::HmtPermit:
        return "hmt_permit";
    case DocumentType::Foreign2017:
        return "foreign_2017";
    case DocumentType::Foreign2023:
        return "foreign_2023";
    }
    return "resident";
}

bool Identity::isEmpty() const
{
    return name.isEmpty() && englishName.isEmpty() && sexCode.isEmpty() && ethnicityCode.isEmpty() &&
           birthDate.isNull() && birthDateRaw.isEmpty() && address.isEmpty() && appendedAddress.isEmpty() &&
           idNumber.isEmpty() && issuer.isEmpty() && validFrom.isNull() && validUntil.isNull() &&
           !validLongTerm && validFromRaw.isEmpty() && validUntilRaw.isEmpty() && nationality.isEmpty() &&
           permitNumber.isEmpty() && issueCount.isEmpty() && cardVersion.isEmpty() &&
           authorityCode.isEmpty() && previousNumber.isEmpty() && photo.isEmpty() && chipSerial.isEmpty();
}

void Identity::wipe()
{
    for (QString* s : {&name, &englishName, &sexCode, &ethnicityCode, &birthDateRaw, &address,
                       &appendedAddress, &idNumber, &issuer, &validFromRaw, &validUntilRaw, &nationality,
                       &permitNumber, &issueCount, &cardVersion, &authorityCode, &previousNumber}) {
        secureWipe(*s);
    }
    secureWipe(photo);
    secureWipe(chipSerial);
    documentType = DocumentType::Resident;
    birthDate = QDate();
    validFrom = QDate();
    validUntil = QDate();
    validLongTerm = false;
}

bool Identity::isExpired(QDate today) const
{
    if (validLongTerm || !validUntil.isValid() || !today.isValid())
        return false;
    return validUntil < today;
}

} // namespace onewindow
