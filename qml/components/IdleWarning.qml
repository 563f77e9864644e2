import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// The idle countdown: in the page (not a pop-up), with a large "继续办理" button.
Rectangle {
    id: warning
    property int secondsLeft: 0
    signal extendRequested()

    color: Theme.warningBackground
    border.color: Theme.warningText
    border.width: 3
    radius: Theme.radius
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message.text

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        Text {
            id: message
            Layout.fillWidth: true
            text: qsTr("Are you still there? In %n second(s) this session ends and your information is cleared.",
                       "", warning.secondsLeft)
            font.pixelSize: Theme.bodySize
            font.family: Theme.fontFamily
            color: Theme.warningText
            wrapMode: Text.WordWrap
        }
        BigButton {
            objectName: "continueButton"
            Layout.fillWidth: true
            text: qsTr("Continue")
            onClicked: warning.extendRequested()
        }
    }
}
