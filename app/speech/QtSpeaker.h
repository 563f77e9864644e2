#pragma once

#include "app/speech/Speaker.h"

#include <QThread>
#include <memory>

namespace onewindow {

class SpeechWorker;

// Qt TextToSpeech, preferring the speechd engine (Mandarin voices through espeak-ng when
// installed, reference/toolchain-notes.md). The engine lives on its own "speech" thread:
// speechd connects to (and may first spawn) speech-dispatcher, which can take seconds, and the
// GUI thread never waits for it. create() returns nullptr when no engine is installed, so
// main.cpp falls back to SilentSpeaker.
class QtSpeaker : public Speaker
{
    Q_OBJECT
public:
    static std::unique_ptr<Speaker> create(const QString& preferredEngine, QObject* parent = nullptr);
    ~QtSpeaker() override;
    bool available() const override { return true; }

protected:
    void say(const QString& text) override;
    void halt() override;
    void applyVolume(double volume) override;
    void applyLanguage(const QString& language) override;

private:
    QtSpeaker(const QString& engine, QObject* parent);
    QThread* m_thread; // owned; left to the process exit if the engine hangs (see ~QtSpeaker)
    SpeechWorker* m_worker = nullptr;
};

} // namespace onewindow
