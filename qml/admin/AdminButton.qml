import QtQuick
import QtQuick.Controls
import OneWindow.Theme

// A technician's button: smaller than the residents' but still a comfortable touch target.
Button {
    id: control
    property bool primary: false
    property bool danger: false
    implicitHeight: 72
    implicitWidth: Math.max(160, contentItem.implicitWidth + 48)
    font.pixelSize: 24
    font.family: Theme.fontFamily
    Accessible.name: text
    contentItem: Text {
        text: control.text
        font: control.font
        color: control.primary || control.danger ? "#FFFFFF" : (control.enabled ? "#0B4F9C" : "#8A949E")
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: 10
        color: control.danger ? (control.down ? "#7A1A14" : "#A1231B")
             : control.primary ? (control.down ? "#083B75" : "#0B4F9C")
             : (control.down ? "#DDE5EE" : "#FFFFFF")
        border.color: control.danger ? "#A1231B" : "#0B4F9C"
        border.width: 2
        opacity: control.enabled ? 1 : 0.6
    }
}
