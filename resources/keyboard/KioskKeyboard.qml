import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The kiosk's on-screen keyboard: Qt Virtual Keyboard's InputPanel with our style (Theme
// sizes, elderly mode) and our pinyin layouts. `locale` is "zh_CN" (simplified) or "zh_TW"
// (candidates in traditional characters). Where it sits on screen is up to the parent.
InputPanel {
    id: keyboard

    property string locale: "zh_CN"

    function applySettings() {
        VirtualKeyboardSettings.styleName = "onewindow"
        // Digit-only fields get the plain input method: no Hunspell word learning on a kiosk.
        VirtualKeyboardSettings.defaultInputMethodDisabled = true
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "zh_TW"]
        VirtualKeyboardSettings.locale = keyboard.locale
    }

    onLocaleChanged: VirtualKeyboardSettings.locale = locale
    Component.onCompleted: applySettings()
}
