import QtQuick
import QtQuick.Controls
import OneWindow.Theme

// The kiosk's button: large target, high contrast, an accessible name from its text.
Button {
    id: control
    property bool primary: true
    property color textColor: primary ? Theme.textOnPrimary : Theme.primary

    implicitHeight: Theme.targetSize
    implicitWidth: Math.max(Theme.targetSize * 2.5, contentItem.implicitWidth + 2 * Theme.spacing)
    font.pixelSize: Theme.bodySize
    font.family: Theme.fontFamily
    Accessible.name: text

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.textColor
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.primary ? (control.down ? Qt.darker(Theme.primary, 1.2) : Theme.primary) : Theme.surface
        border.color: Theme.primary
        border.width: control.primary ? 0 : 3
    }
}
