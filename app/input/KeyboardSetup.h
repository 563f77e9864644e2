#pragma once

#include <QObject>
#include <QString>

class QQmlEngine;

namespace onewindow::input {

class PinyinEngine;
class ScriptConverter;

// Call before constructing QGuiApplication: selects the Qt Virtual Keyboard input context and
// our zh_CN/zh_TW layouts (QT_VIRTUALKEYBOARD_LAYOUT_PATH). Variables already set by the
// caller are kept. (The style is chosen by KioskKeyboard: on Qt 6.4 QT_VIRTUALKEYBOARD_STYLE
// is resolved before an engine's import paths are known, so a qrc style is never found.)
void setupEnvironment();

// Registers OneWindow.Input (KioskKeyboard, PinyinInputMethod, the InputSession singleton)
// and adds the keyboard style's import path to `engine`.
void install(QQmlEngine& engine);

// Session wipe: composing buffer, candidates and the decoder's search state are dropped.
void wipe();

// The process-wide engine used by the input method, opened on first use; null (with a
// warning naming the reason) when the dictionary is missing, in which case pinyin mode
// falls back to committing letters.
PinyinEngine* sharedEngine();
// The simplified → traditional converter for zh_TW, opened on first use; null on failure.
const ScriptConverter* sharedTraditionalConverter();

// What the app's QML sees of the input method: the session wipe, and each committed text
// (voice guidance speaks the chosen candidate). QML: `import OneWindow.Input`, `InputSession`.
class InputSession : public QObject
{
    Q_OBJECT
public:
    static InputSession& instance();
    Q_INVOKABLE void wipe() { onewindow::input::wipe(); }
Q_SIGNALS:
    void committed(const QString& text);
};

} // namespace onewindow::input
