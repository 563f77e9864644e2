#include "app/ui/JourneyController.h"

#include "app/storage/StorageService.h"
#include "app/ui/CatalogController.h"
#include "app/ui/FormController.h"
#include "app/ui/QrCode.h"
#include "app/ui/ReceiptPrinter.h"
#include "app/ui/ResidentMessages.h"
#include "drivers/idcard/SecureWipe.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace onewindow {

Q_LOGGING_CATEGORY(lcJourney, "onewindow.journey")

using State = ResidentSession::State;

JourneyController::JourneyController(ResidentSession* session, CatalogController* catalog,
                                     FormController* form, storage::StorageService* storage,
                                     ProgressSource* progress, QObject* parent)
    : QObject(parent), m_session(session), m_catalog(catalog), m_form(form), m_storage(storage),
      m_progressSource(progress)
{
    connect(session, &ResidentSession::stateChanged, this, &JourneyController::onStateChanged);
    connect(session, &ResidentSession::wiped, this, &JourneyController::wipe);
    connect(session, &ResidentSession::cardPresenceChanged, this, &JourneyController::receiptChanged);
    if (storage) {
        connect(storage, &storage::StorageService::licensesFound, this, &JourneyController::onLicensesFound);
        connect(storage, &storage::StorageService::submissionQueued, this, &JourneyController::onQueued);
        connect(storage, &storage::StorageService::requestFailed, this, &JourneyController::onRequestFailed);
    }
    if (progress) {
        connect(progress, &ProgressSource::answered, this,
                [this](const QList<ProgressEntry>& entries, bool online) {
                    m_progress.clear();
                    for (const ProgressEntry& e : entries) {
                        m_progress.append(QVariantMap{
                            {QStringLiteral("queryCode"), e.queryCode},
                            {QStringLiteral("itemName"), e.itemName},
                            {QStringLiteral("state"), ResidentMessages::progressState(e.state, online)},
                            {QStringLiteral("promisedDate"), e.promisedDate}});
                    }
                    m_progressNote = online ? QString() : ResidentMessages::progressOffline();
                    if (entries.isEmpty())
                        m_progressNote =
                            ResidentMessages::progressNotFound() + QLatin1Char(' ') + m_progressNote;
                    Q_EMIT progressChanged();
                });
    }
    // The receipt follows the outbox: 待提交 until the hub acknowledged (the sync engine marks it).
    m_receiptPoll.setInterval(1000);
    connect(&m_receiptPoll, &QTimer::timeout, this, &JourneyController::pollReceipt);
}

QString JourneyController::receiptState() const
{
    return m_queryCode.isEmpty() ? QString() : ResidentMessages::receiptState(m_acknowledged);
}

bool JourneyController::holdsNoResidentData() const
{
    return m_licenses.isEmpty() && m_queryCode.isEmpty() && m_qr.isEmpty() && m_progress.isEmpty() &&
           m_submissionId.isEmpty() && m_form->holdsNoResidentData();
}

void JourneyController::setStep(const QString& step, const QString& message)
{
    if (m_step == step && m_message == message)
        return;
    m_step = step;
    m_message = message;
    Q_EMIT stepChanged();
}

void JourneyController::onStateChanged(State state)
{
    // Steps live inside the session states; leaving the journey clears the step.
    switch (state) {
    case State::ChoosingService:
        if (m_step != QLatin1String("catalog") && m_step != QLatin1String("detail") &&
            m_step != QLatin1String("consent") && m_step != QLatin1String("loading") &&
            m_step != QLatin1String("progress"))
            setStep(QStringLiteral("catalog"));
        break;
    case State::FillingForm:
    case State::Reviewing:
    case State::Submitting:
    case State::Receipt:
    case State::Rating:
    case State::CardAway: // the step stays under the "put your card back" prompt
        break;
    default:
        setStep(QString());
        break;
    }
}

QString JourneyController::qrText(const QString& queryCode) const
{
    if (m_progressUrl.isEmpty())
        return queryCode;
    const QString code = QString::fromLatin1(QUrl::toPercentEncoding(queryCode));
    if (m_progressUrl.contains(QLatin1String("{code}")))
        return QString(m_progressUrl).replace(QLatin1String("{code}"), code);
    return m_progressUrl + code;
}

QString JourneyController::queryCodeFromScan(const QString& scanned)
{
    const QString text = scanned.trimmed().left(512); // a scan or a typed line, never more
    const QUrl url(text, QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
        return QUrlQuery(url).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded).trimmed();
    return text;
}

bool JourneyController::canServeAgain() const
{
    return m_session->cardOnReader();
}

void JourneyController::startService()
{
    const bool afterReceipt = m_session->state() == State::Receipt || m_session->state() == State::Rating;
    if (afterReceipt && !m_session->cardOnReader())
        return; // the card went home with the resident: a new application needs it back
    if (m_session->state() == State::Identified || afterReceipt) {
        m_form->wipe();
        m_catalog->closeItem();
        setStep(QStringLiteral("catalog"));
        m_session->advance(State::ChoosingService);
    }
}

void JourneyController::openItem(const QString& code)
{
    if (m_session->state() != State::ChoosingService || !m_catalog->openItem(code))
        return;
    setStep(QStringLiteral("detail"));
}

void JourneyController::backToCatalog()
{
    if (m_session->state() == State::FillingForm) {
        m_form->wipe();
        m_session->advance(State::ChoosingService);
    }
    m_catalog->closeItem();
    setStep(QStringLiteral("catalog"));
}

void JourneyController::startForm()
{
    const catalog::ServiceItem* item = m_catalog->currentItem();
    if (m_session->state() != State::ChoosingService || !item || !item->selfService)
        return;
    bool usesLicenses = false;
    for (const catalog::Material& m : item->materials)
        usesLicenses = usesLicenses || !m.licenseTypes.isEmpty();
    for (const catalog::FormField& f : item->form.fields)
        usesLicenses = usesLicenses || f.binding.usesLicense();
    if (usesLicenses && !m_consented) {
        setStep(QStringLiteral("consent")); // PIPL: the notice comes before any licence is used
        return;
    }
    if (usesLicenses && m_storage) {
        setStep(QStringLiteral("loading"));
        m_licenseRequest = m_storage->lookupLicenses(m_session->identity().idNumber,
                                                     QStringLiteral("prefill"), item->implementCode);
        return;
    }
    showForm();
}

void JourneyController::acceptConsent()
{
    if (m_step != QLatin1String("consent"))
        return;
    m_consented = true;
    m_consentAt = QDateTime::currentDateTimeUtc();
    startForm();
}

void JourneyController::declineConsent()
{
    if (m_step != QLatin1String("consent"))
        return;
    for (ELicense& l : m_licenses)
        l.wipe();
    m_licenses.clear();
    showForm();
}

void JourneyController::onLicensesFound(quint64 request, const QList<ELicense>& licenses)
{
    if (request != m_licenseRequest || m_step != QLatin1String("loading")) {
        QList<ELicense> stale = licenses;
        for (ELicense& l : stale)
            l.wipe();
        return;
    }
    m_licenseRequest = 0;
    m_licenses = licenses;
    showForm();
}

void JourneyController::showForm()
{
    const catalog::ServiceItem* item = m_catalog->currentItem();
    if (!item || m_session->state() != State::ChoosingService)
        return;
    // A new form is a new application: it gets its own submission ID at its first submit (the
    // previous receipt's ID must not be reused, storage would refuse it as a conflict).
    secureWipe(m_submissionId);
    m_submissionId.clear();
    m_form->start(*item, m_session->identity(), m_licenses, QDate::currentDate());
    setStep(QStringLiteral("form"));
    m_session->advance(State::FillingForm);
}

void JourneyController::toReview()
{
    if (m_session->state() != State::FillingForm || !m_form->validateAll())
        return;
    setStep(QStringLiteral("review"));
    m_session->advance(State::Reviewing);
}

void JourneyController::backToForm()
{
    if (m_session->state() != State::Reviewing)
        return;
    setStep(QStringLiteral("form"));
    m_session->advance(State::FillingForm);
}

void JourneyController::submit()
{
    if (m_session->state() != State::Reviewing || !m_storage)
        return;
    const Identity& id = m_session->identity();
    QJsonObject payload = m_form->payload();
    payload.insert(QStringLiteral("channel"), QStringLiteral("KIOSK"));
    if (m_consented) {
        payload.insert(
            QStringLiteral("consents"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("pi_notice")},
                                   {QStringLiteral("text_version"), consentVersion()},
                                   {QStringLiteral("accepted_at"), m_consentAt.toString(Qt::ISODate)}}});
    }
    Submission s;
    // Made now, so a retried enqueue of this draft cannot create a second application.
    if (m_submissionId.isEmpty())
        m_submissionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.submissionId = m_submissionId;
    s.serviceItemCode = m_form->serviceItemCode();
    s.serviceItemName = m_form->serviceItemName();
    s.formVersion = m_form->formVersion();
    s.applicantIdNumber = id.idNumber;
    s.applicantName = id.name.isEmpty() ? id.englishName : id.name;
    s.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    s.licensesUsed = m_form->licensesUsed();
    m_receiptItemName =
        m_catalog->currentItem() ? m_catalog->item().value(QStringLiteral("name")).toString() : QString();
    setStep(QStringLiteral("submitting"));
    m_session->advance(State::Submitting);
    m_submitRequest = m_storage->enqueueSubmission(std::move(s));
}

void JourneyController::onQueued(quint64 request, const storage::OutboxReceipt& receipt)
{
    if (request == m_ratingRequest) {
        m_ratingRequest = 0;
        setStep(QStringLiteral("rated"));
        return;
    }
    if (request != m_submitRequest)
        return;
    m_submitRequest = 0;
    if (m_session->state() != State::Submitting)
        return; // the resident left while the commit ran: it is saved, nobody to show it to
    // The receipt exists only now, after the commit returned (DESIGN.md §6).
    m_queryCode = receipt.queryCode;
    m_qr = qrDataUrl(qrText(receipt.queryCode));
    m_receiptItemCode = m_form->serviceItemCode();
    m_acknowledged = false;
    Q_EMIT receiptChanged();
    setStep(QStringLiteral("receipt"), ResidentMessages::savedOffline());
    m_session->advance(State::Receipt);
    m_receiptPoll.start();
}

void JourneyController::onRequestFailed(quint64 request, const storage::StorageError& error)
{
    qCWarning(lcJourney) << "storage request failed:" << error.toString();
    if (request == m_licenseRequest) {
        m_licenseRequest = 0;
        showForm(); // no licences: the resident types the values
    } else if (request == m_submitRequest) {
        m_submitRequest = 0;
        if (m_session->state() == State::Submitting) {
            setStep(QStringLiteral("review"), ResidentMessages::notSaved());
            m_session->advance(State::Reviewing);
        }
    } else if (request == m_ratingRequest) {
        m_ratingRequest = 0;
        setStep(QStringLiteral("rated"));
    }
}

void JourneyController::pollReceipt()
{
    if (!m_storage || m_submissionId.isEmpty() || m_acknowledged) {
        m_receiptPoll.stop();
        return;
    }
    m_storage
        ->post([id = m_submissionId](storage::StorageWorker& w) -> int {
            if (!w.isOpen())
                return -1;
            auto e = w.outbox().entry(id);
            return e.ok() ? int(e->state) : -1;
        })
        .then(this, [this](int state) {
            if (state == int(storage::OutboxState::Acked) || state == int(storage::OutboxState::Purged)) {
                m_acknowledged = true;
                m_receiptPoll.stop();
                Q_EMIT receiptChanged();
            }
        });
}

void JourneyController::printReceipt()
{
    if (m_queryCode.isEmpty() || m_printTarget.isEmpty())
        return;
    ReceiptPrinter::printAsync(
        {m_receiptItemName, m_queryCode, receiptState(),
         QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
         QCoreApplication::translate("ReceiptScreen",
                                     "Scan the QR code or keep the query code to check progress later.")},
        m_printTarget);
}

void JourneyController::startRating()
{
    if (m_session->state() != State::Receipt)
        return;
    setStep(QStringLiteral("rating"));
    m_session->advance(State::Rating);
}

void JourneyController::backToReceipt()
{
    if (m_session->state() != State::Rating || m_queryCode.isEmpty())
        return;
    setStep(QStringLiteral("receipt"), m_acknowledged ? QString() : ResidentMessages::savedOffline());
    m_session->advance(State::Receipt);
}

void JourneyController::submitRating(int level, const QStringList& indicators, const QString& text,
                                     bool anonymous)
{
    if (m_session->state() != State::Rating || level < 1 || level > 5 || !m_storage || m_ratingRequest)
        return;
    Rating r;
    r.submissionId = m_submissionId;
    r.serviceItemCode = m_receiptItemCode;
    r.serviceItemName = m_receiptItemName;
    r.level = Rating::Level(level);
    if (level >= 4) { // 差评 only: the indicators and the text say what went wrong
        r.indicators = indicators;
        r.text = text.left(500);
    }
    if (!anonymous)
        r.raterIdNumber = m_session->identity().idNumber;
    setStep(QStringLiteral("rating_sending"));
    m_ratingRequest = m_storage->enqueueRating(std::move(r));
}

void JourneyController::finish()
{
    m_session->endSession();
}

void JourneyController::openProgress()
{
    if (m_session->state() == State::Identified)
        m_session->advance(State::ChoosingService);
    if (m_session->state() != State::ChoosingService)
        return;
    m_progress.clear();
    m_progressNote.clear();
    Q_EMIT progressChanged();
    setStep(QStringLiteral("progress"));
}

void JourneyController::lookupProgress(const QString& queryCode)
{
    const QString code = queryCodeFromScan(queryCode);
    if (m_progressSource && !code.isEmpty())
        m_progressSource->lookupByQueryCode(code);
}

void JourneyController::lookupMyProgress()
{
    if (m_progressSource && !m_session->identity().idNumber.isEmpty())
        m_progressSource->lookupByIdNumber(m_session->identity().idNumber);
}

void JourneyController::wipe()
{
    m_receiptPoll.stop();
    for (ELicense& l : m_licenses)
        l.wipe();
    m_licenses.clear();
    m_form->wipe();
    m_catalog->reset();
    m_consented = false;
    m_consentAt = {};
    m_licenseRequest = 0;
    m_submitRequest = 0;
    m_ratingRequest = 0;
    secureWipe(m_queryCode);
    secureWipe(m_submissionId);
    m_queryCode.clear();
    m_submissionId.clear();
    m_qr.clear();
    m_receiptItemName.clear();
    m_receiptItemCode.clear();
    m_acknowledged = false;
    m_progress.clear();
    m_progressNote.clear();
    Q_EMIT receiptChanged();
    Q_EMIT progressChanged();
    setStep(QString());
}

} // namespace onewindow
