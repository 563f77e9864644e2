#include "app/speech/Speaker.h"

#include <QStringList>

namespace onewindow {

void Speaker::setVolume(double volume)
{
    volume = qBound(0.0, volume, 1.0);
    if (qFuzzyCompare(volume, m_volume))
        return;
    m_volume = volume;
    applyVolume(volume);
    Q_EMIT volumeChanged();
}

void Speaker::setLanguage(const QString& language)
{
    if (language == m_language)
        return;
    m_language = language;
    applyLanguage(language);
}

void Speaker::speak(const QString& prompt)
{
    const QString text = prompt.trimmed();
    if (text.isEmpty())
        return;
    halt(); // a new screen interrupts the old prompt
    m_last = text;
    Q_EMIT promptChanged();
    say(text);
}

void Speaker::repeat()
{
    if (m_last.isEmpty())
        return;
    halt();
    say(m_last);
}

void Speaker::stop()
{
    halt();
}

void Speaker::clear()
{
    halt();
    m_last.clear();
    Q_EMIT promptChanged();
}

} // namespace onewindow
