import QtQuick
import QtQuick.VirtualKeyboard

// One tap switches between pinyin (中) and plain letters (英). It never sends a key event,
// so nothing is typed; the label shows the mode that is active now.
Key {
    readonly property bool chinese: InputContext.inputEngine.inputMode === InputEngine.InputMode.Pinyin
    objectName: "chineseEnglishKey"
    functionKey: true
    noKeyEvent: true
    displayText: chinese ? "中" : "英"
    Accessible.name: chinese ? "中文输入，点按切换到英文" : "英文输入，点按切换到中文"
    onClicked: InputContext.inputEngine.inputMode = chinese ? InputEngine.InputMode.Latin
                                                            : InputEngine.InputMode.Pinyin
}
