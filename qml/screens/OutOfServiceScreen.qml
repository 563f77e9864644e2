import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// The kiosk cannot serve: say so plainly and point to the counters.
Item {
    objectName: "outOfServiceScreen"
    readonly property string spokenPrompt: qsTr("This kiosk is temporarily out of service") + " "
        + qsTr("Please use another kiosk or go to a service counter. We are sorry for the inconvenience.")
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing * 2
        Text {
            Layout.fillWidth: true
            text: qsTr("This kiosk is temporarily out of service")
            font.pixelSize: Theme.titleSize
            font.family: Theme.fontFamily
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Please use another kiosk or go to a service counter. We are sorry for the inconvenience.")
            font.pixelSize: Theme.bodySize
            font.family: Theme.fontFamily
            color: Theme.secondaryText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }
}
