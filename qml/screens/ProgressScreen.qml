import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// 办件查询: by the card just read or by a query code.
ScreenPage {
    id: screen
    objectName: "progressScreen"
    property var entries: []    // [{queryCode, itemName, state, promisedDate}]
    property string note
    signal lookupByCode(string code)
    signal lookupMine()
    signal back()

    title: qsTr("Check my applications")

    BigButton { objectName: "mineButton"; Layout.fillWidth: true; text: qsTr("Show the applications of my card"); onClicked: screen.lookupMine() }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: codeField
            objectName: "codeField"
            Layout.fillWidth: true
            implicitHeight: Theme.targetSize
            font.pixelSize: Theme.bodySize
            font.family: Theme.fontFamily
            color: Theme.text
            placeholderText: qsTr("Query code")
            placeholderTextColor: Theme.secondaryText
            inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Query code")
            background: Rectangle { color: Theme.surface; border.color: Theme.border; border.width: 2; radius: Theme.radius }
        }
        BigButton { objectName: "lookupButton"; text: qsTr("Look up"); onClicked: screen.lookupByCode(codeField.text) }
    }
    BodyText { objectName: "note"; visible: screen.note !== ""; Layout.fillWidth: true; secondary: true; text: screen.note }
    Repeater {
        model: screen.entries
        delegate: Rectangle {
            required property var modelData
            objectName: "entry"
            Layout.fillWidth: true
            implicitHeight: entryColumn.implicitHeight + Theme.spacing
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            ColumnLayout {
                id: entryColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing / 2
                BodyText { Layout.fillWidth: true; font.bold: true; text: modelData.itemName }
                InfoRow { label: qsTr("Query code"); value: modelData.queryCode }
                InfoRow { label: qsTr("Status"); value: modelData.state }
            }
        }
    }

    actions: [
        BigButton { objectName: "backButton"; Layout.fillWidth: true; primary: false; text: qsTr("Back"); onClicked: screen.back() }
    ]
}
