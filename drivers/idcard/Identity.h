#pragma once

#include <QByteArray>
#include <QDate>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace onewindow {

enum class DocumentType
{
    Resident,    // 居民身份证 (flag at offset 248: space or 0)
    HmtPermit,   // 港澳台居民居住证 ('J')
    Foreign2017, // 外国人永久居留身份证 2017 ('I')
    Foreign2023, // 外国人永久居留身份证 2023 ('Y')
};
const char* documentTypeKey(DocumentType t); // "resident", "hmt_permit", "foreign_2017", "foreign_2023"

// One resident's identity as read from a card. Lives in memory for one session only and is
// wiped when the session ends (DESIGN.md §10). Fields a document does not carry stay null.
// For the 2017 foreigner card, idNumber holds the 15-character permanent residence number
// (the document's own number and the resident's key for licences); see docs/idcard.md.
struct Identity
{
    DocumentType documentType = DocumentType::Resident;
    QString name;          // Chinese name (may be empty on foreigner cards)
    QString englishName;   // foreigner cards; the 2023 card's two parts joined
    QString sexCode;       // GB/T 2261.1 digit
    QString ethnicityCode; // GB/T 3304, resident card only
    QDate birthDate;
    QString birthDateRaw;    // as on the card, kept when it does not parse
    QString address;         // resident card and HMT permit
    QString appendedAddress; // latest appended address (30 03), when the card has one
    QString idNumber;
    QString issuer; // 签发机关 (resident, HMT)
    QDate validFrom;
    QDate validUntil;           // null when long-term
    bool validLongTerm = false; // "长期"
    QString validFromRaw;
    QString validUntilRaw;
    QString nationality;    // GB/T 2659 alpha-3 (2017) or numeric (2023)
    QString permitNumber;   // HMT: 通行证号码
    QString issueCount;     // HMT: 签发次数; 2023 foreigner: 换证次数
    QString cardVersion;    // 2017 foreigner: 证件版本号
    QString authorityCode;  // 2017 foreigner: 当次申请受理机关代码
    QString previousNumber; // 2023 foreigner: link to the former 15-character number
    QByteArray photo;       // 1024-byte WLT, never written to disk
    QByteArray chipSerial;  // 8 bytes, when the reader reports it

    bool isEmpty() const;
    // Overwrites every buffer this object owns, then clears all fields.
    void wipe();
    // True when validUntil is before `today` (a long-term document never expires).
    bool isExpired(QDate today) const;
};

} // namespace onewindow

Q_DECLARE_METATYPE(onewindow::Identity)
