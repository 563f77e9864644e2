#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>

namespace onewindow::admin {
class AdminAuthenticator;
class AdminSession;
class TechnicianCards;
struct PinOutcome;
} // namespace onewindow::admin

namespace onewindow::adminui {

// The way into admin mode (DESIGN.md §9): five taps in the corner within three seconds (or a
// technician card) open a PIN pad whose digits are shuffled every time; the typed PIN goes to
// the authenticator (off the GUI thread) and an accepted one opens the admin session.
// stage: "closed" → "pin" → "open" → "closed" (logout, idle lock, cancel).
class AdminEntry : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QVariantList pinDigits READ pinDigits NOTIFY digitsChanged)
    Q_PROPERTY(int pinLength READ pinLength NOTIFY pinChanged)
    Q_PROPERTY(QString pinMessage READ pinMessage NOTIFY pinChanged)
    Q_PROPERTY(bool pinBusy READ pinBusy NOTIFY pinChanged)
    Q_PROPERTY(bool locked READ locked NOTIFY pinChanged)

public:
    static constexpr int kTapsToOpen = 5;
    static constexpr qint64 kTapWindowMs = 3000;
    static constexpr int kMaxPinLength = 12;
    static constexpr int kPadIdleMs = 30000; // an untouched PIN pad closes itself

    AdminEntry(admin::AdminAuthenticator* authenticator, admin::AdminSession* session,
               const admin::TechnicianCards* cards, QObject* parent = nullptr);
    ~AdminEntry() override;

    QString stage() const { return m_stage; }
    QVariantList pinDigits() const;
    int pinLength() const { return int(m_pin.size()); }
    QString pinMessage() const { return m_message; }
    bool pinBusy() const { return m_busy; }
    bool locked() const;
    bool isActive() const { return m_stage != QLatin1String("closed"); }
    // Test hook: the digits in pad order (the same list QML shows).
    QList<int> digitOrder() const { return m_digits; }

    Q_INVOKABLE void cornerTapped();
    Q_INVOKABLE void pressDigit(int digit);
    Q_INVOKABLE void erase();
    Q_INVOKABLE void submitPin();
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void logout();
    Q_INVOKABLE void touch();

    // A card was read: a technician's card opens the PIN pad (the PIN is still needed).
    // True when the card was a technician's (the caller then ends the resident session).
    bool offerCard(const QString& idNumber);

signals:
    void stageChanged();
    void pinChanged();
    void digitsChanged(); // apart from pinChanged: the pad's buttons are rebuilt only on a shuffle

private:
    void openPad();
    void setStage(const QString& stage);
    void shuffle();
    void clearPin();
    void onVerified(const admin::PinOutcome& outcome);

    admin::AdminAuthenticator* m_auth;
    admin::AdminSession* m_session;
    const admin::TechnicianCards* m_cards;
    QString m_stage = QStringLiteral("closed");
    QList<int> m_digits;
    QString m_pin;
    QString m_message;
    bool m_busy = false;
    QList<qint64> m_taps;
    QElapsedTimer m_clock;
    QTimer m_padIdle;
};

} // namespace onewindow::adminui
