import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme

// The card is being read: the resident must keep it still.
Item {
    objectName: "readingScreen"
    readonly property string spokenPrompt: qsTr("Reading your card. Please do not move it.")

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing * 2

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: 160
            implicitHeight: 160
            running: true
        }
        Text {
            objectName: "readingMessage"
            Layout.fillWidth: true
            text: qsTr("Reading your card. Please do not move it.")
            font.pixelSize: Theme.headingSize
            font.family: Theme.fontFamily
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
