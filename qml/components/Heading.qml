import QtQuick
import OneWindow.Theme

// A screen's title: what to do on this screen, in one sentence.
Text {
    font.pixelSize: Theme.headingSize
    font.family: Theme.fontFamily
    font.bold: true
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
