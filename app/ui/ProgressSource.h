#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace onewindow {

// One application as a progress lookup reports it. No personal data beyond the masked name.
struct ProgressEntry
{
    QString queryCode;
    QString itemName;
    QString state; // outbox state name (QUEUED, ACKED, …) or the hub's status text
    QString promisedDate;
    QString applicantMask;
};

// Where 办件查询 gets its answers: the hub when online (implemented by the sync engine,
// issue 5), the kiosk's own outbox stubs when offline (LocalProgressSource). Requests return
// at once; the answer arrives as a signal on the GUI thread.
class ProgressSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void lookupByQueryCode(const QString& queryCode) = 0;
    // The resident's own applications, by the ID number of the card just read.
    virtual void lookupByIdNumber(const QString& idNumber) = 0;

Q_SIGNALS:
    // `online` says whether the hub answered; offline answers come from this kiosk only.
    void answered(const QList<onewindow::ProgressEntry>& entries, bool online);
};

} // namespace onewindow

Q_DECLARE_METATYPE(onewindow::ProgressEntry)
