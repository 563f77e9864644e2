#include "app/ui/SessionController.h"

#include "app/ui/LanguageController.h"
#include "app/ui/ResidentMessages.h"
#include "drivers/idcard/Masking.h"
#include "drivers/idcard/SecureWipe.h"

namespace onewindow {

namespace {
// A Private Use Area code point draws as a box: the display shows "*" in its place, like
// the masked characters (one "*" per character, so the name keeps its length).
void maskPrivateUse(QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool pair = text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        const qsizetype units = pair ? 2 : 1;
        if (containsPrivateUse(QStringView(text).sliced(i, units)))
            out += QLatin1Char('*');
        else
            out += QStringView(text).sliced(i, units);
        i += units - 1;
    }
    secureWipe(text);
    text = std::move(out);
}
} // namespace

SessionController::SessionController(ResidentSession* session, LanguageController* language,
                                     bool elderlyDefault, QObject* parent)
    : QObject(parent), m_session(session), m_language(language), m_elderlyDefault(elderlyDefault)
{
    m_session->setElderlyMode(elderlyDefault);
    connect(m_session, &ResidentSession::stateChanged, this, &SessionController::onStateChanged);
    connect(m_session, &ResidentSession::identityChanged, this, &SessionController::refreshDisplay);
    connect(m_session, &ResidentSession::elderlyModeChanged, this, &SessionController::elderlyModeChanged);
    connect(m_session, &ResidentSession::cardMismatch, this, &SessionController::cardAwayChanged);
    connect(m_session, &ResidentSession::cardPresenceChanged, this, [this](bool onReader) {
        if (!onReader && m_session->state() == ResidentSession::State::Attract && m_language)
            m_language->resetForNextResident();
        Q_EMIT cardPresenceChanged();
    });
    IdleGuard* idle = m_session->idleGuard();
    connect(idle, &IdleGuard::warningStarted, this, &SessionController::idleChanged);
    connect(idle, &IdleGuard::warningEnded, this, &SessionController::idleChanged);
    connect(idle, &IdleGuard::secondsLeftChanged, this, &SessionController::idleChanged);
    if (m_language)
        connect(m_language, &LanguageController::languageChanged, this, &SessionController::refreshDisplay);
}

QString SessionController::state() const
{
    return QString::fromLatin1(ResidentSession::stateKey(m_session->state()));
}

bool SessionController::idleWarning() const
{
    return m_session->idleGuard()->isWarning();
}

int SessionController::idleSecondsLeft() const
{
    return m_session->idleGuard()->secondsLeft();
}

bool SessionController::cardLeftBehind() const
{
    return m_session->cardOnReader() && m_session->state() == ResidentSession::State::Attract;
}

bool SessionController::elderlyMode() const
{
    return m_session->elderlyMode();
}

void SessionController::setElderlyMode(bool on)
{
    m_session->setElderlyMode(on); // emits elderlyModeChanged through the session
}

bool SessionController::holdsNoResidentData() const
{
    return m_documentType.isEmpty() && m_maskedName.isEmpty() && m_maskedEnglishName.isEmpty() &&
           m_maskedIdNumber.isEmpty() && m_sex.isEmpty() && m_validity.isEmpty() && m_notices.isEmpty() &&
           !m_expired && !m_rareName;
}

void SessionController::userActivity()
{
    m_session->userActivity();
}

void SessionController::extendSession()
{
    m_session->userActivity();
}

void SessionController::endSession()
{
    m_session->endSession();
}

void SessionController::onStateChanged(ResidentSession::State state)
{
    if (state == ResidentSession::State::Identified && m_language)
        m_language->applyDocumentDefault(m_session->identity().documentType);
    if (state == ResidentSession::State::Attract) {
        // A card left on the reader is reminded in its holder's language; the next resident's
        // language comes when it is lifted.
        if (m_language && !m_session->cardOnReader())
            m_language->resetForNextResident();
        if (m_session->elderlyMode() != m_elderlyDefault)
            setElderlyMode(m_elderlyDefault);
    }
    refreshDisplay();
    Q_EMIT stateChanged();
    Q_EMIT cardAwayChanged();
    Q_EMIT cardPresenceChanged();
    // The session ended (结束办理, idle) with the card still on the reader: say so, aloud.
    if (cardLeftBehind())
        Q_EMIT announce(ResidentMessages::takeYourCard());
    Q_EMIT idleChanged();
}

void SessionController::clearDisplay()
{
    for (QString* s : {&m_documentType, &m_maskedName, &m_maskedEnglishName, &m_maskedIdNumber, &m_sex,
                       &m_validity, &m_errorTitle, &m_errorHint})
        secureWipe(*s);
    for (QString& s : m_notices)
        secureWipe(s);
    m_notices.clear();
    m_expired = false;
    m_rareName = false;
}

void SessionController::refreshDisplay()
{
    clearDisplay();
    const Identity& id = m_session->identity();
    if (!id.isEmpty()) {
        m_documentType = ResidentMessages::documentType(id.documentType);
        m_maskedName = maskName(id.name);
        m_rareName = containsPrivateUse(id.name);
        if (m_rareName)
            maskPrivateUse(m_maskedName);
        m_maskedEnglishName = maskName(id.englishName);
        m_maskedIdNumber = maskIdNumber(id.idNumber);
        m_sex = ResidentMessages::sex(id.sexCode);
        m_validity = ResidentMessages::validity(id);
        for (const CheckFinding& f : m_session->findings()) {
            if (f.code == QLatin1String("expired"))
                m_expired = true;
            const QString text = ResidentMessages::findingText(f.code, id);
            if (!text.isEmpty())
                m_notices.append(text);
        }
    }
    if (!m_session->errorKey().isEmpty()) {
        m_errorTitle = ResidentMessages::errorTitle(m_session->errorKey());
        m_errorHint = ResidentMessages::errorHint(m_session->errorKey());
    }
    Q_EMIT displayChanged();
}

} // namespace onewindow
