#include "app/adminui/AdminEntry.h"

#include "app/admin/AdminAuthenticator.h"
#include "app/admin/AdminSession.h"
#include "app/admin/TechnicianCards.h"
#include "drivers/idcard/SecureWipe.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRandomGenerator>
#include <algorithm>

namespace onewindow::adminui {

AdminEntry::AdminEntry(admin::AdminAuthenticator* authenticator, admin::AdminSession* session,
                       const admin::TechnicianCards* cards, QObject* parent)
    : QObject(parent), m_auth(authenticator), m_session(session), m_cards(cards)
{
    m_clock.start();
    m_digits = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0};
    m_padIdle.setSingleShot(true);
    m_padIdle.setInterval(kPadIdleMs);
    connect(&m_padIdle, &QTimer::timeout, this, &AdminEntry::cancel);
    connect(m_auth, &admin::AdminAuthenticator::verified, this, &AdminEntry::onVerified);
    connect(m_session, &admin::AdminSession::closed, this,
            [this](const QString&) { setStage(QStringLiteral("closed")); });
}

AdminEntry::~AdminEntry()
{
    clearPin();
}

QVariantList AdminEntry::pinDigits() const
{
    QVariantList list;
    for (int d : m_digits)
        list.append(d);
    return list;
}

bool AdminEntry::locked() const
{
    return m_auth->lockedUntil().isValid();
}

void AdminEntry::cornerTapped()
{
    if (isActive())
        return;
    const qint64 now = m_clock.elapsed();
    m_taps.append(now);
    while (!m_taps.isEmpty() && now - m_taps.constFirst() > kTapWindowMs)
        m_taps.removeFirst();
    if (m_taps.size() >= kTapsToOpen) {
        m_taps.clear();
        openPad();
    }
}

bool AdminEntry::offerCard(const QString& idNumber)
{
    if (!m_cards || !m_cards->configured() || !m_cards->isTechnician(idNumber))
        return false;
    if (!isActive())
        openPad();
    return true;
}

void AdminEntry::openPad()
{
    clearPin();
    shuffle();
    m_message.clear();
    if (!m_auth->provisioned())
        m_message = QCoreApplication::translate(
            "AdminEntry", "No admin PIN is set on this kiosk. Set one with: onewindow-tool admin set-pin");
    else if (locked())
        m_message =
            QCoreApplication::translate("AdminEntry", "Too many wrong PINs. Admin mode is locked until %1.")
                .arg(QLocale().toString(m_auth->lockedUntil().toLocalTime().time(), QLocale::ShortFormat));
    setStage(QStringLiteral("pin"));
    m_padIdle.start();
    emit pinChanged();
}

void AdminEntry::shuffle()
{
    // A fresh order from the system's CSPRNG, so watching fingers does not reveal the PIN.
    std::shuffle(m_digits.begin(), m_digits.end(), *QRandomGenerator::system());
    emit digitsChanged();
}

void AdminEntry::clearPin()
{
    secureWipe(m_pin);
    m_pin.clear();
}

void AdminEntry::setStage(const QString& stage)
{
    if (stage == m_stage)
        return;
    m_stage = stage;
    if (stage != QLatin1String("pin")) {
        m_padIdle.stop();
        clearPin();
        emit pinChanged();
    }
    emit stageChanged();
}

void AdminEntry::pressDigit(int digit)
{
    if (m_stage != QLatin1String("pin") || m_busy || digit < 0 || digit > 9 || m_pin.size() >= kMaxPinLength)
        return;
    m_pin.append(QChar(u'0' + digit));
    m_padIdle.start();
    emit pinChanged();
}

void AdminEntry::erase()
{
    if (m_stage != QLatin1String("pin") || m_pin.isEmpty())
        return;
    m_pin.chop(1);
    m_padIdle.start();
    emit pinChanged();
}

void AdminEntry::submitPin()
{
    if (m_stage != QLatin1String("pin") || m_busy || m_pin.isEmpty())
        return;
    m_busy = true;
    m_message = QCoreApplication::translate("AdminEntry", "Checking…");
    m_padIdle.stop();
    m_auth->verifyPin(m_pin);
    clearPin();
    emit pinChanged();
}

void AdminEntry::onVerified(const admin::PinOutcome& outcome)
{
    m_busy = false;
    if (m_stage != QLatin1String("pin")) { // cancelled while checking
        emit pinChanged();
        return;
    }
    switch (outcome.result) {
    case admin::PinResult::Accepted:
        if (m_session->open(QStringLiteral("pin"))) {
            m_message.clear();
            setStage(QStringLiteral("open"));
        } else {
            m_message = QCoreApplication::translate("AdminEntry", "Admin mode cannot open: %1")
                            .arg(m_session->lastError());
        }
        break;
    case admin::PinResult::Wrong:
        m_message = QCoreApplication::translate("AdminEntry",
                                                "Wrong PIN. %n attempt(s) left before admin mode locks.",
                                                nullptr, outcome.attemptsLeft);
        shuffle();
        break;
    case admin::PinResult::LockedOut:
        m_message =
            QCoreApplication::translate("AdminEntry", "Too many wrong PINs. Admin mode is locked until %1.")
                .arg(QLocale().toString(outcome.lockedUntil.toLocalTime().time(), QLocale::ShortFormat));
        break;
    case admin::PinResult::NotProvisioned:
        m_message = QCoreApplication::translate(
            "AdminEntry", "No admin PIN is set on this kiosk. Set one with: onewindow-tool admin set-pin");
        break;
    case admin::PinResult::Busy:
        m_message = QCoreApplication::translate("AdminEntry", "Please try again.");
        break;
    }
    if (m_stage == QLatin1String("pin"))
        m_padIdle.start();
    emit pinChanged();
}

void AdminEntry::cancel()
{
    if (m_stage == QLatin1String("pin"))
        setStage(QStringLiteral("closed"));
}

void AdminEntry::logout()
{
    if (m_session->isOpen())
        m_session->close(QStringLiteral("logout"));
    setStage(QStringLiteral("closed"));
}

void AdminEntry::touch()
{
    if (m_stage == QLatin1String("open"))
        m_session->touch();
    else if (m_stage == QLatin1String("pin"))
        m_padIdle.start();
}

} // namespace onewindow::adminui
