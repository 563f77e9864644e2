import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard

// Digits and full-width Chinese punctuation (the marks used in addresses and names).
KeyboardLayout {
    keyWeight: 100

    KeyboardRow {
        Key { key: Qt.Key_1; text: "1" }
        Key { key: Qt.Key_2; text: "2" }
        Key { key: Qt.Key_3; text: "3" }
        Key { key: Qt.Key_4; text: "4" }
        Key { key: Qt.Key_5; text: "5" }
        Key { key: Qt.Key_6; text: "6" }
        Key { key: Qt.Key_7; text: "7" }
        Key { key: Qt.Key_8; text: "8" }
        Key { key: Qt.Key_9; text: "9" }
        Key { key: Qt.Key_0; text: "0" }
    }
    KeyboardRow {
        Key { text: "、" }
        Key { text: "？" }
        Key { text: "！" }
        Key { text: "：" }
        Key { text: "；" }
        Key { text: "“" }
        Key { text: "”" }
        Key { text: "（" }
        Key { text: "）" }
        Key { text: "·" }
    }
    KeyboardRow {
        Key { key: Qt.Key_Minus; text: "-" }
        Key { text: "—" }
        Key { text: "《" }
        Key { text: "》" }
        Key { text: "#" }
        Key { text: "@" }
        Key { text: "/" }
        Key { text: "…" }
        BackspaceKey { weight: 200 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 150; displayText: "拼音"; Accessible.name: "返回字母键盘" }
        Key { key: Qt.Key_Comma; text: "，" }
        SpaceKey { weight: 480 }
        Key { key: Qt.Key_Period; text: "。" }
        EnterKey { weight: 170 }
    }
}
