import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// "人工帮办" is always visible (DESIGN.md §11). What it says comes from AssistController
// (app/assist): the hub's answer, or where to go when staff cannot be called from here.
Rectangle {
    id: bar
    property bool requested: false   // a request is on its way: the button waits for the answer
    property string stateKey: "idle" // AssistController.stateKey
    property string message: ""      // AssistController.message
    property bool speechAvailable: true
    signal assistanceRequested()
    signal repeatRequested()

    color: Theme.surface
    border.color: Theme.border
    implicitHeight: row.implicitHeight + 2 * Theme.spacing

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        Text {
            objectName: "assistMessage"
            Layout.fillWidth: true
            text: bar.message !== "" ? bar.message : qsTr("Need help? Staff can do this with you.")
            font.pixelSize: bar.stateKey === "idle" ? Theme.smallSize : Theme.bodySize
            font.bold: bar.stateKey !== "idle"
            font.family: Theme.fontFamily
            color: bar.stateKey === "offline" || bar.stateKey === "not_offered" || bar.stateKey === "failed"
                   ? Theme.errorText : bar.stateKey === "idle" ? Theme.secondaryText : Theme.text
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        // "再听一遍": the current screen's spoken prompt again.
        BigButton {
            objectName: "repeatButton"
            visible: bar.speechAvailable
            primary: false
            text: qsTr("Listen again")
            onClicked: bar.repeatRequested()
        }
        BigButton {
            objectName: "assistButton"
            text: qsTr("Ask staff for help")
            primary: true
            textColor: Theme.textOnAssist
            enabled: !bar.requested
            onClicked: bar.assistanceRequested()
            background: Rectangle {
                radius: Theme.radius
                color: parent.enabled ? Theme.assist : Theme.secondaryText
            }
        }
    }
}
