import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme

// Title, language choice and the elderly-mode switch: on every screen, one tap away.
Rectangle {
    id: header
    property var languages: []
    property string currentLanguage: ""
    property bool elderly: false
    property var nativeName: function (code) { return code }
    signal languageChosen(string code)
    signal elderlyToggled(bool on)
    property bool highContrast: false
    signal contrastToggled(bool on)
    // The hidden way into admin mode: a tap in the top-right corner, over the title only,
    // away from every resident control.
    signal cornerTapped()

    color: Theme.primary
    implicitHeight: layout.implicitHeight + 2 * Theme.spacing

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2

        Text {
            Layout.fillWidth: true
            text: qsTr("24-hour government self-service")
            color: Theme.textOnPrimary
            font.pixelSize: Theme.headingSize
            font.family: Theme.fontFamily
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Repeater {
                model: header.languages
                delegate: Button {
                    required property string modelData
                    objectName: "language_" + modelData
                    text: header.nativeName(modelData)
                    checked: modelData === header.currentLanguage
                    implicitHeight: Theme.targetSize * 0.8
                    implicitWidth: Math.max(Theme.targetSize * 1.6, contentItem.implicitWidth + Theme.spacing * 2)
                    font.pixelSize: Theme.smallSize
                    font.family: Theme.fontFamily
                    Accessible.name: text
                    onClicked: header.languageChosen(modelData)
                    contentItem: Text {
                        text: parent.text
                        font: parent.font
                        color: parent.checked ? Theme.primary : Theme.textOnPrimary
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: Theme.radius
                        color: parent.checked ? Theme.textOnPrimary : "transparent"
                        border.color: Theme.textOnPrimary
                        border.width: 2
                    }
                }
            }
            Button {
                objectName: "elderlyToggle"
                text: header.elderly ? qsTr("Standard view") : qsTr("Large text")
                implicitHeight: Theme.targetSize * 0.8
                implicitWidth: Math.max(Theme.targetSize * 1.6, contentItem.implicitWidth + Theme.spacing * 2)
                font.pixelSize: Theme.smallSize
                font.family: Theme.fontFamily
                Accessible.name: text
                onClicked: header.elderlyToggled(!header.elderly)
                contentItem: Text {
                    text: parent.text
                    font: parent.font
                    color: Theme.primary
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.warningBackground
                }
            }
            Button {
                objectName: "contrastToggle"
                text: qsTr("High contrast")
                implicitHeight: Theme.targetSize * 0.8
                implicitWidth: Math.max(Theme.targetSize * 1.6, contentItem.implicitWidth + Theme.spacing * 2)
                font.pixelSize: Theme.smallSize
                font.family: Theme.fontFamily
                Accessible.name: text
                onClicked: header.contrastToggled(!header.highContrast)
                contentItem: Text {
                    text: parent.text
                    font: parent.font
                    color: Theme.primary
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.warningBackground
                }
            }
        }
    }

    MouseArea {
        objectName: "adminCorner"
        anchors.top: parent.top
        anchors.right: parent.right
        width: 120
        height: 90
        z: 50
        Accessible.ignored: true
        onClicked: header.cornerTapped()
    }
}
