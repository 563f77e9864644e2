import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme

// Demo mode only: a discreet tab that places synthetic cards on the simulated reader.
Item {
    id: panel
    property var cards: []
    property bool open: false
    signal placeCard(int index)
    signal removeCard()
    signal failNextRead(string errorKey)

    implicitWidth: open ? box.implicitWidth : tab.implicitWidth
    implicitHeight: open ? box.implicitHeight : tab.implicitHeight

    Button {
        id: tab
        objectName: "demoTab"
        visible: !panel.open
        text: qsTr("Demo")
        font.pixelSize: 18
        opacity: 0.6
        Accessible.name: qsTr("Demo card panel")
        onClicked: panel.open = true
    }

    Rectangle {
        id: box
        visible: panel.open
        color: "#F0263238"
        radius: 8
        implicitWidth: 520
        implicitHeight: column.implicitHeight + 24
        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: 12
            spacing: 6
            Text {
                text: qsTr("Demo: simulated card reader")
                color: "white"
                font.pixelSize: 18
                font.family: Theme.fontFamily
            }
            Repeater {
                model: panel.cards
                delegate: Button {
                    required property int index
                    required property string modelData
                    objectName: "demoCard" + index
                    Layout.fillWidth: true
                    text: modelData
                    font.pixelSize: 18
                    font.family: Theme.fontFamily
                    onClicked: panel.placeCard(index)
                }
            }
            RowLayout {
                Button {
                    objectName: "demoRemove"
                    text: qsTr("Remove card")
                    font.pixelSize: 18
                    font.family: Theme.fontFamily
                    onClicked: panel.removeCard()
                }
                Button {
                    objectName: "demoFail"
                    text: qsTr("Next read fails")
                    font.pixelSize: 18
                    font.family: Theme.fontFamily
                    onClicked: panel.failNextRead("card_moved")
                }
                Button {
                    text: qsTr("Close")
                    font.pixelSize: 18
                    font.family: Theme.fontFamily
                    onClicked: panel.open = false
                }
            }
        }
    }
}
