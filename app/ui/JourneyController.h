#pragma once

#include "app/core/ELicense.h"
#include "app/session/ResidentSession.h"
#include "app/ui/ProgressSource.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>

namespace onewindow {

namespace storage {
class StorageService;
struct OutboxReceipt;
struct StorageError;
} // namespace storage

class CatalogController;
class FormController;

// The resident's journey after the card (DESIGN.md §4, issue 6): catalogue → item → PIPL
// consent → licence lookup → form → review → durable enqueue → receipt (live 待提交 → 已提交)
// → 好差评, and 办件查询. Every storage call is asynchronous; nothing here waits.
// `step` refines the session state for the screens ("catalog", "detail", "consent", …).
class JourneyController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString step READ step NOTIFY stepChanged)
    Q_PROPERTY(QString message READ message NOTIFY stepChanged)
    Q_PROPERTY(QString consentVersion READ consentVersion CONSTANT)
    Q_PROPERTY(QString receiptQueryCode READ receiptQueryCode NOTIFY receiptChanged)
    Q_PROPERTY(QString receiptQr READ receiptQr NOTIFY receiptChanged)
    Q_PROPERTY(bool canServeAgain READ canServeAgain NOTIFY receiptChanged)
    Q_PROPERTY(QString receiptItemName READ receiptItemName NOTIFY receiptChanged)
    Q_PROPERTY(bool receiptAcknowledged READ receiptAcknowledged NOTIFY receiptChanged)
    Q_PROPERTY(QString receiptState READ receiptState NOTIFY receiptChanged)
    Q_PROPERTY(bool canPrint READ canPrint CONSTANT)
    Q_PROPERTY(QVariantList progressEntries READ progressEntries NOTIFY progressChanged)
    Q_PROPERTY(QString progressNote READ progressNote NOTIFY progressChanged)
public:
    static constexpr const char* kConsentVersion = "pipl-notice-2026.1";

    JourneyController(ResidentSession* session, CatalogController* catalog, FormController* form,
                      storage::StorageService* storage, ProgressSource* progress, QObject* parent = nullptr);

    QString step() const { return m_step; }
    QString message() const { return m_message; }
    QString consentVersion() const { return QString::fromLatin1(kConsentVersion); }
    QString receiptQueryCode() const { return m_queryCode; }
    QString receiptQr() const { return m_qr; }
    QString receiptItemName() const { return m_receiptItemName; }
    bool receiptAcknowledged() const { return m_acknowledged; }
    QString receiptState() const;
    QVariantList progressEntries() const { return m_progress; }
    QString progressNote() const { return m_progressNote; }
    // The hub's progress page for the QR (issue 19.5): "https://hub.example/progress?code={code}"
    // ({code} replaced; without it the code is appended). Empty: the QR holds the bare code.
    void setProgressUrl(const QString& url) { m_progressUrl = url; }
    // What the receipt's QR code carries for `queryCode`.
    QString qrText(const QString& queryCode) const;
    // The query code in what a scanner read or a resident typed: the bare code, or the progress
    // page's URL with ?code=…
    static QString queryCodeFromScan(const QString& scanned);
    // 办理其他业务 needs the card on the reader (the receipt outlives a lifted card).
    bool canServeAgain() const;
    // "[printer] name" (a printer) or "pdf:<path>"; empty = no printer, no print button.
    void setPrintTarget(const QString& target) { m_printTarget = target; }
    bool canPrint() const { return !m_printTarget.isEmpty(); }
    Q_INVOKABLE void printReceipt();
    bool holdsNoResidentData() const;

    Q_INVOKABLE void startService(); // Identified → catalogue
    Q_INVOKABLE void openItem(const QString& code);
    Q_INVOKABLE void backToCatalog();
    Q_INVOKABLE void startForm(); // from the item's details
    Q_INVOKABLE void acceptConsent();
    Q_INVOKABLE void declineConsent(); // the form then gets no licence data
    Q_INVOKABLE void toReview();
    Q_INVOKABLE void backToForm();
    Q_INVOKABLE void submit();
    Q_INVOKABLE void startRating();
    Q_INVOKABLE void backToReceipt(); // from 好差评: the query code stays reachable
    // level 1 = 非常满意 … 5 = 非常不满意; indicators and text only count for 4 and 5.
    Q_INVOKABLE void submitRating(int level, const QStringList& indicators, const QString& text,
                                  bool anonymous);
    Q_INVOKABLE void finish(); // 结束办理 after the receipt or rating
    Q_INVOKABLE void openProgress();
    Q_INVOKABLE void lookupProgress(const QString& queryCode);
    Q_INVOKABLE void lookupMyProgress();

Q_SIGNALS:
    void stepChanged();
    void receiptChanged();
    void progressChanged();

private:
    void setStep(const QString& step, const QString& message = {});
    void onStateChanged(ResidentSession::State state);
    void onLicensesFound(quint64 request, const QList<ELicense>& licenses);
    void onQueued(quint64 request, const storage::OutboxReceipt& receipt);
    void onRequestFailed(quint64 request, const storage::StorageError& error);
    void showForm();
    void pollReceipt();
    void wipe();

    ResidentSession* m_session;
    CatalogController* m_catalog;
    FormController* m_form;
    QPointer<storage::StorageService> m_storage;
    QPointer<ProgressSource> m_progressSource;
    QString m_step;
    QString m_message;
    bool m_consented = false;
    QDateTime m_consentAt;
    QList<ELicense> m_licenses;
    quint64 m_licenseRequest = 0;
    quint64 m_submitRequest = 0;
    quint64 m_ratingRequest = 0;
    QString m_submissionId;
    QString m_queryCode;
    QString m_qr;
    QString m_receiptItemName;
    QString m_receiptItemCode;
    bool m_acknowledged = false;
    QTimer m_receiptPoll;
    QVariantList m_progress;
    QString m_progressNote;
    QString m_printTarget;
    QString m_progressUrl;
};

} // namespace onewindow
