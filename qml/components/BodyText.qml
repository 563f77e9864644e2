import QtQuick
import OneWindow.Theme

// Body text that wraps instead of eliding (the screenshot test checks nothing is cut off).
Text {
    property bool secondary: false
    font.pixelSize: Theme.bodySize
    font.family: Theme.fontFamily
    color: secondary ? Theme.secondaryText : Theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.StaticText
    Accessible.name: text
}
