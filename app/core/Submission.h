#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace onewindow {

// A resident's application (办件) as handed to the outbox (gov-standards.md §7.4). The form
// content is an opaque JSON document; it and the applicant's data are personal data and reach
// the disk only encrypted. `submissionId` is the idempotency key: the caller may set it when
// the draft is created (a retried enqueue then cannot duplicate), else the outbox makes one
// before the commit.
struct Submission
{
    QString submissionId;    // UUID; empty = generate
    QString serviceItemCode; // 实施编码
    QString serviceItemName;
    int formVersion = 1;
    QString applicantIdNumber; // blind-indexed for progress lookup; never stored in clear
    QString applicantName;     // only its mask (张*) is kept in the stub
    QByteArray payload;        // form JSON, encrypted at rest
    QStringList licensesUsed;  // 证照标识 of licences cited (用证)

    void wipe();
};

// A 好差评 rating (gov-standards.md §7.5), queued like a submission.
struct Rating
{
    enum class Level
    {
        VerySatisfied = 1,
        Satisfied,
        Basic,
        Dissatisfied,
        VeryDissatisfied
    };

    QString ratingId;     // UUID; empty = generate
    QString submissionId; // the rated 办件 (its local id)
    QString serviceItemCode;
    QString serviceItemName;
    Level level = Level::Satisfied;
    QStringList indicators; // 测评内容代码
    QString text;           // free text: may contain personal data, encrypted at rest
    QString raterIdNumber;  // blind-indexed, never stored in clear

    QByteArray toPayload() const; // JSON, encrypted at rest
    void wipe();
};

} // namespace onewindow

Q_DECLARE_METATYPE(onewindow::Submission)
Q_DECLARE_METATYPE(onewindow::Rating)
