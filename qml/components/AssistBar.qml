import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// "人工帮办" is always visible (DESIGN.md §11).
Rectangle {
    id: bar
    property bool requested: false
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
            Layout.fillWidth: true
            text: bar.requested ? qsTr("Staff have been called and will be with you shortly.")
                                : qsTr("Need help? Staff can do this with you.")
            font.pixelSize: Theme.smallSize
            font.family: Theme.fontFamily
            color: Theme.secondaryText
            wrapMode: Text.WordWrap
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
