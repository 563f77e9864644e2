#include "app/speech/QtSpeaker.h"

#include <QDeadlineTimer>
#include <QLocale>
#include <QLoggingCategory>
#include <QTextToSpeech>

namespace onewindow {

Q_LOGGING_CATEGORY(lcSpeech, "onewindow.speech")

// Owns the QTextToSpeech on the speech thread; every call arrives queued.
class SpeechWorker : public QObject
{
public:
    explicit SpeechWorker(QString engine) : m_engine(std::move(engine)) {}

    void say(const QString& text)
    {
        if (QTextToSpeech* t = tts())
            t->say(text);
    }
    void stop()
    {
        if (m_tts)
            m_tts->stop();
    }
    void setVolume(double v)
    {
        m_volume = v;
        if (m_tts)
            m_tts->setVolume(v);
    }
    void setLanguage(const QString& language)
    {
        m_language = language;
        if (m_tts)
            applyLocale();
    }

private:
    // Created on first use, on this thread (connecting to speech-dispatcher may block here).
    QTextToSpeech* tts()
    {
        if (!m_tts) {
            m_tts = new QTextToSpeech(m_engine, this);
            m_tts->setVolume(m_volume);
            applyLocale();
        }
        return m_tts->state() == QTextToSpeech::Error ? nullptr : m_tts;
    }
    void applyLocale()
    {
        const QLocale wanted(m_language == QLatin1String("en") ? QStringLiteral("en_US") : m_language);
        for (const QLocale& l : m_tts->availableLocales()) {
            if (l.language() == wanted.language()) {
                m_tts->setLocale(l);
                return;
            }
        }
    }

    QString m_engine;
    QString m_language = QStringLiteral("zh_CN");
    double m_volume = 0.8;
    QTextToSpeech* m_tts = nullptr;
};

std::unique_ptr<Speaker> QtSpeaker::create(const QString& preferredEngine, QObject* parent)
{
    const QStringList engines = QTextToSpeech::availableEngines();
    if (engines.isEmpty())
        return nullptr;
    const QString engine = engines.contains(preferredEngine) ? preferredEngine : engines.first();
    return std::unique_ptr<Speaker>(new QtSpeaker(engine, parent));
}

QtSpeaker::QtSpeaker(const QString& engine, QObject* parent) : Speaker(parent), m_thread(new QThread)
{
    m_thread->setObjectName(QStringLiteral("speech"));
    m_worker = new SpeechWorker(engine);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    applyLanguage(language());
    applyVolume(volume());
}

QtSpeaker::~QtSpeaker()
{
    halt();
    m_thread->quit();
    // Without audio, speech-dispatcher can keep a say() "speaking" forever and hold the thread;
    // shutting down must not hang on that, so the thread is then left to the process exit.
    if (m_thread->wait(QDeadlineTimer(1500)))
        delete m_thread;
    else
        qCInfo(lcSpeech) << "engine still busy at shutdown; leaving it to the process exit";
}

void QtSpeaker::say(const QString& text)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, text] { w->say(text); }, Qt::QueuedConnection);
}

void QtSpeaker::halt()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->stop(); }, Qt::QueuedConnection);
}

void QtSpeaker::applyVolume(double volume)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, volume] { w->setVolume(volume); }, Qt::QueuedConnection);
}

void QtSpeaker::applyLanguage(const QString& language)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, language] { w->setLanguage(language); }, Qt::QueuedConnection);
}

} // namespace onewindow
