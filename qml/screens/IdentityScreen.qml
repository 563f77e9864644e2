import QtQuick
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// Who we think the resident is, masked, so they can confirm it is their card.
Item {
    id: screen
    objectName: "identityScreen"
    readonly property string spokenPrompt: qsTr("Card read. Please check that this is you.")
    property string documentType
    property string maskedName
    property bool nameHasRareCharacter: false
    property string maskedEnglishName
    property string maskedIdNumber
    property string sex
    property string validity
    property bool expired: false
    property var notices: []
    signal finished()
    signal serviceRequested()
    signal progressRequested()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: qsTr("Card read. Please check that this is you.")
            font.pixelSize: Theme.headingSize
            font.family: Theme.fontFamily
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: details.implicitHeight + 2 * Theme.spacing
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            RowLayout {
                id: details
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                // The photo needs a licensed WLT decoder; without one, a neutral placeholder.
                Rectangle {
                    objectName: "photoPlaceholder"
                    Layout.alignment: Qt.AlignTop
                    implicitWidth: 153
                    implicitHeight: 189
                    color: "#E3E8EE"
                    radius: 6
                    Rectangle { anchors.horizontalCenter: parent.horizontalCenter; y: 30; width: 70; height: 70; radius: 35; color: "#B8C2CC" }
                    Rectangle { anchors.horizontalCenter: parent.horizontalCenter; y: 110; width: 120; height: 79; radius: 40; color: "#B8C2CC" }
                    Accessible.name: qsTr("Photo not shown")
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing / 2
                    InfoRow { label: qsTr("Document"); value: screen.documentType }
                    InfoRow { objectName: "nameRow"; label: qsTr("Name"); value: screen.maskedName; visible: screen.maskedName !== "" }
                    // A character this screen cannot draw (Private Use Area): named, not boxed.
                    Text {
                        objectName: "rareCharacterTag"
                        visible: screen.nameHasRareCharacter
                        Layout.leftMargin: Theme.bodySize * 6 + Theme.spacing
                        text: qsTr("contains a rare character (生僻字)")
                        font.pixelSize: Theme.smallSize
                        font.family: Theme.fontFamily
                        color: Theme.warningText
                        Accessible.name: text
                    }
                    InfoRow { label: qsTr("English name"); value: screen.maskedEnglishName; visible: screen.maskedEnglishName !== "" }
                    InfoRow { objectName: "idRow"; label: qsTr("ID number"); value: screen.maskedIdNumber }
                    InfoRow { label: qsTr("Sex"); value: screen.sex }
                    InfoRow { label: qsTr("Valid"); value: screen.validity }
                }
            }
        }
        Repeater {
            model: screen.notices
            delegate: Rectangle {
                required property string modelData
                objectName: "notice"
                Layout.fillWidth: true
                implicitHeight: noticeText.implicitHeight + 2 * Theme.spacing
                color: Theme.warningBackground
                radius: Theme.radius
                Text {
                    id: noticeText
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: parent.modelData
                    font.pixelSize: Theme.bodySize
                    font.family: Theme.fontFamily
                    color: Theme.warningText
                    wrapMode: Text.WordWrap
                }
            }
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Your information stays on this kiosk only while you are here and is cleared when you leave.")
            font.pixelSize: Theme.smallSize
            font.family: Theme.fontFamily
            color: Theme.secondaryText
            wrapMode: Text.WordWrap
        }
        Item { Layout.fillHeight: true }
        BigButton {
            objectName: "serviceButton"
            Layout.fillWidth: true
            text: qsTr("Choose a service")
            onClicked: screen.serviceRequested()
        }
        BigButton {
            objectName: "progressButton"
            Layout.fillWidth: true
            primary: false
            text: qsTr("Check my applications")
            onClicked: screen.progressRequested()
        }
        BigButton {
            objectName: "finishButton"
            Layout.fillWidth: true
            primary: false
            text: qsTr("Finish and clear my information")
            onClicked: screen.finished()
        }
    }
}
