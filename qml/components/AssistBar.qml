import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// "人工帮办" is always visible (DESIGN.md §11).
Rectangle {
    id: bar
    property bool requested: false
    signal assistanceRequested()

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
        BigButton {
            objectName: "assistButton"
            text: qsTr("Ask staff for help")
            primary: true
            enabled: !bar.requested
            onClicked: bar.assistanceRequested()
            background: Rectangle {
                radius: Theme.radius
                color: parent.enabled ? Theme.assist : Theme.secondaryText
            }
        }
    }
}
