#include "app/input/KeyboardSetup.h"

#include "app/input/PinyinEngine.h"
#include "app/input/PinyinInputMethod.h"
#include "app/input/ScriptConverter.h"

#include <QQmlEngine>
#include <QtQml/qqml.h>
#include <memory>

namespace onewindow::input {

namespace {

constexpr auto kLayoutPath = "qrc:/onewindow/keyboard/layouts";
constexpr auto kStyleImportPath = "qrc:/onewindow/keyboard/styles";

void setIfUnset(const char* name, const char* value)
{
    if (!qEnvironmentVariableIsSet(name))
        qputenv(name, value);
}

} // namespace

void setupEnvironment()
{
    setIfUnset("QT_IM_MODULE", "qtvirtualkeyboard");
    setIfUnset("QT_VIRTUALKEYBOARD_LAYOUT_PATH", kLayoutPath);
    // The kiosk's window holds its own InputPanel; without this the virtual keyboard also builds
    // a separate desktop panel (another QML engine, which cannot see our style).
    setIfUnset("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1");
}

void install(QQmlEngine& engine)
{
    // The layouts (QT_VIRTUALKEYBOARD_LAYOUT_PATH) import OneWindow.Input.
    qmlRegisterType<PinyinInputMethod>("OneWindow.Input", 1, 0, "PinyinInputMethod");
    qmlRegisterSingletonInstance("OneWindow.Input", 1, 0, "InputSession", &InputSession::instance());
    qmlRegisterType(QUrl(QStringLiteral("qrc:/onewindow/keyboard/KioskKeyboard.qml")), "OneWindow.Input", 1,
                    0, "KioskKeyboard");
    // Qt Virtual Keyboard finds a style as <import path>/QtQuick/VirtualKeyboard/Styles/<name>.
    engine.addImportPath(QString::fromLatin1(kStyleImportPath));
}

void wipe()
{
    PinyinInputMethod::wipeAll();
}

PinyinEngine* sharedEngine()
{
    static std::unique_ptr<PinyinEngine> engine = [] {
        auto opened = PinyinEngine::open();
        if (!opened) {
            qWarning("onewindow.input: pinyin disabled: %s", qPrintable(opened.error()));
            return std::unique_ptr<PinyinEngine>();
        }
        return std::move(opened).value();
    }();
    return engine.get();
}

const ScriptConverter* sharedTraditionalConverter()
{
    static std::unique_ptr<ScriptConverter> converter = [] {
        auto opened = ScriptConverter::openSimplifiedToTaiwan();
        if (!opened) {
            qWarning("onewindow.input: traditional characters disabled: %s", qPrintable(opened.error()));
            return std::unique_ptr<ScriptConverter>();
        }
        return std::move(opened).value();
    }();
    return converter.get();
}

InputSession& InputSession::instance()
{
    static InputSession session;
    return session;
}

} // namespace onewindow::input
