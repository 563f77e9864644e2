#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace onewindow {

// The kiosk's configuration: an INI file (resources/config/kiosk.conf documents every key).
// Missing keys fall back to the defaults below, so an empty or absent file is a valid config.
class KioskConfig
{
public:
    // Where the configuration comes from, first match wins: the explicit path, $ONEWINDOW_CONFIG,
    // /etc/onewindow/kiosk.conf. An empty result means "defaults only".
    static QString locate(const QString& explicitPath = {});
    // Loads the file (missing file = defaults). A file that exists but cannot be read or has
    // a syntax error gives ok()==false with errorString() set, and defaults.
    static KioskConfig load(const QString& path);

    bool ok() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }

    QVariant value(const QString& key, const QVariant& fallback = {}) const;
    void setValue(const QString& key, const QVariant& value); // in memory only

    // Typed accessors (key → default):
    QStringList readerBackends() const;           // readers/backends → "pcsc"
    bool demoMode() const;                        // kiosk/demo → false
    QString stateDir() const;                     // kiosk/state_dir → /var/lib/onewindow
    QString defaultLanguage() const;              // ui/default_language → "zh_CN"
    bool elderlyModeDefault() const;              // ui/elderly_default → false
    bool allowReveal() const;                     // privacy/allow_reveal → true when no file, else false
    int idleSeconds(const QString& screen) const; // session/idle_<screen> → per-screen defaults
    int idleWarningSeconds() const;               // session/idle_warning → 20 (never below 20)
    double elderlyIdleFactor() const;             // session/elderly_idle_factor → 1.5
    int cardAwaySeconds() const;                  // session/card_away_s → 30: card lifted mid-form
    int tapGuardMs() const;                       // ui/tap_guard_ms → 500: a new screen ignores taps
    int simReadDelayMs() const;                   // sim/read_delay_ms → 400
    QString simIdentitiesPath() const;            // sim/identities → "" (built-in demo identities)

private:
    QString m_path;
    QString m_error;
    QVariantMap m_values; // "group/key" → value
};

} // namespace onewindow
