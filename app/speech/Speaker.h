#pragma once

#include <QObject>
#include <QString>

namespace onewindow {

// Spoken prompts (DESIGN.md §11): every screen says what to do, "再听一遍" repeats it. The
// screens only call speak()/repeat(); which engine talks (or none) is decided in main.cpp.
// Never give it personal data: prompts are instructions, not the resident's details.
class Speaker : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(QString lastPrompt READ lastPrompt NOTIFY promptChanged)
    Q_PROPERTY(double volume READ volume WRITE setVolume NOTIFY volumeChanged)
public:
    using QObject::QObject;

    virtual bool available() const = 0;
    QString lastPrompt() const { return m_last; }
    double volume() const { return m_volume; }
    void setVolume(double volume);
    // The resident's language ("zh_CN", "zh_TW", "en"): picks the voice.
    void setLanguage(const QString& language);
    QString language() const { return m_language; }

    Q_INVOKABLE void speak(const QString& prompt);
    Q_INVOKABLE void repeat();
    Q_INVOKABLE void stop();
    // End of session: forget the last prompt.
    void clear();

Q_SIGNALS:
    void promptChanged();
    void volumeChanged();

protected:
    virtual void say(const QString& text) = 0;
    virtual void halt() = 0;
    virtual void applyVolume(double) {}
    virtual void applyLanguage(const QString&) {}

private:
    QString m_last;
    QString m_language = QStringLiteral("zh_CN");
    double m_volume = 0.8;
};

// No engine (no speechd, or disabled): the screens still work, silently.
class SilentSpeaker : public Speaker
{
    Q_OBJECT
public:
    using Speaker::Speaker;
    bool available() const override { return false; }

protected:
    void say(const QString&) override {}
    void halt() override {}
};

// For tests: remembers what would have been said, in order.
class RecordingSpeaker : public Speaker
{
    Q_OBJECT
public:
    using Speaker::Speaker;
    bool available() const override { return true; }
    QStringList spoken;

protected:
    void say(const QString& text) override { spoken.append(text); }
    void halt() override {}
};

} // namespace onewindow
