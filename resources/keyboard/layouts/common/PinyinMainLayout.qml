import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import OneWindow.Input

// QWERTY for pinyin (and plain letters after the 中/英 key). The input method outlives the
// switch to the symbols page, so a composition survives a look at the digits.
KeyboardLayout {
    function createInputMethod() {
        return Qt.createQmlObject("import OneWindow.Input; PinyinInputMethod {}", parent, "pinyinInputMethod")
    }
    sharedLayouts: ["symbols"]
    keyWeight: 100

    KeyboardRow {
        Key { key: Qt.Key_Q; text: "q" }
        Key { key: Qt.Key_W; text: "w" }
        Key { key: Qt.Key_E; text: "e" }
        Key { key: Qt.Key_R; text: "r" }
        Key { key: Qt.Key_T; text: "t" }
        Key { key: Qt.Key_Y; text: "y" }
        Key { key: Qt.Key_U; text: "u" }
        Key { key: Qt.Key_I; text: "i" }
        Key { key: Qt.Key_O; text: "o" }
        Key { key: Qt.Key_P; text: "p" }
    }
    KeyboardRow {
        FillerKey { weight: 50 }
        Key { key: Qt.Key_A; text: "a" }
        Key { key: Qt.Key_S; text: "s" }
        Key { key: Qt.Key_D; text: "d" }
        Key { key: Qt.Key_F; text: "f" }
        Key { key: Qt.Key_G; text: "g" }
        Key { key: Qt.Key_H; text: "h" }
        Key { key: Qt.Key_J; text: "j" }
        Key { key: Qt.Key_K; text: "k" }
        Key { key: Qt.Key_L; text: "l" }
        FillerKey { weight: 50 }
    }
    KeyboardRow {
        ShiftKey { weight: 150 }
        Key { key: Qt.Key_Z; text: "z" }
        Key { key: Qt.Key_X; text: "x" }
        Key { key: Qt.Key_C; text: "c" }
        Key { key: Qt.Key_V; text: "v" }
        Key { key: Qt.Key_B; text: "b" }
        Key { key: Qt.Key_N; text: "n" }
        Key { key: Qt.Key_M; text: "m" }
        BackspaceKey { weight: 150 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 150; displayText: "123" ; Accessible.name: "数字和标点" }
        ChineseEnglishKey { weight: 120 }
        Key { key: Qt.Key_Comma; text: "，"; Accessible.name: "逗号" }
        SpaceKey { weight: 360 }
        Key { key: Qt.Key_Period; text: "。"; Accessible.name: "句号" }
        EnterKey { weight: 170 }
    }
}
