import QtQuick
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// A read went wrong: what happened, and what to do now. Nothing personal is shown.
Item {
    id: screen
    objectName: "cardErrorScreen"
    readonly property string spokenPrompt: title + " " + hint
    property string title
    property string hint
    signal dismissed()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing * 2
        Item { Layout.fillHeight: true }
        Text {
            objectName: "errorTitle"
            Layout.fillWidth: true
            text: screen.title
            font.pixelSize: Theme.headingSize
            font.family: Theme.fontFamily
            font.bold: true
            color: Theme.errorText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "errorHint"
            Layout.fillWidth: true
            text: screen.hint
            font.pixelSize: Theme.bodySize
            font.family: Theme.fontFamily
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Item { Layout.fillHeight: true }
        BigButton {
            objectName: "backButton"
            Layout.fillWidth: true
            primary: false
            text: qsTr("Back to start")
            onClicked: screen.dismissed()
        }
    }
}
