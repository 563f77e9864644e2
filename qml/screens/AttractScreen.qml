import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// Waiting for a resident: what to do, in one sentence, and which cards work.
Item {
    id: screen
    objectName: "attractScreen"
    readonly property string spokenPrompt: qsTr("Place your ID card on the reader below")
    // The last resident's card still lies on the reader (SessionController says it aloud).
    property bool cardLeftBehind: false

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing * 2

        Item { Layout.fillHeight: true }
        Rectangle {
            objectName: "takeCardReminder"
            visible: screen.cardLeftBehind
            Layout.fillWidth: true
            implicitHeight: reminder.implicitHeight + 2 * Theme.spacing
            color: Theme.warningBackground
            border.color: Theme.warningText
            border.width: 4
            radius: Theme.radius
            Text {
                id: reminder
                anchors.fill: parent
                anchors.margins: Theme.spacing
                text: qsTr("Please take your card with you.")
                font.pixelSize: Theme.titleSize
                font.family: Theme.fontFamily
                font.bold: true
                color: Theme.warningText
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Welcome")
            font.pixelSize: Theme.titleSize
            font.family: Theme.fontFamily
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        // A card resting on the reader: the one thing to do. Smaller on a short screen
        // (landscape, elderly), so that the texts stay inside the screen.
        Item {
            readonly property real fit: Math.min(1, screen.height / 1300)
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: 420 * fit
            implicitHeight: 300 * fit
            Item {
            width: 420
            height: 300
            scale: parent.fit
            transformOrigin: Item.TopLeft
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 110
                radius: 18
                color: Theme.border
            }
            Rectangle {
                id: card
                width: 300
                height: 190
                radius: 14
                x: 60
                color: "#DCEBFA"
                border.color: Theme.primary
                border.width: 4
                SequentialAnimation on y {
                    loops: Animation.Infinite
                    NumberAnimation { from: 0; to: 70; duration: 1400; easing.type: Easing.InOutQuad }
                    PauseAnimation { duration: 900 }
                    NumberAnimation { from: 70; to: 0; duration: 700 }
                }
                Rectangle { x: 24; y: 40; width: 70; height: 90; radius: 6; color: Theme.border }
                Rectangle { x: 112; y: 50; width: 160; height: 14; color: Theme.secondaryText }
                Rectangle { x: 112; y: 80; width: 120; height: 14; color: Theme.secondaryText }
                Rectangle { x: 112; y: 110; width: 150; height: 14; color: Theme.secondaryText }
            }
            }
        }
        Text {
            objectName: "attractHint"
            Layout.fillWidth: true
            text: qsTr("Place your ID card on the reader below")
            font.pixelSize: Theme.headingSize
            font.family: Theme.fontFamily
            color: Theme.primary
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Accepted: resident ID card, residence permit for Hong Kong, Macao and Taiwan residents, foreign permanent resident ID card.")
            font.pixelSize: Theme.bodySize
            font.family: Theme.fontFamily
            color: Theme.secondaryText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Item { Layout.fillHeight: true }
    }
}
