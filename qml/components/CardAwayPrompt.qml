import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// The card was lifted mid-journey (issue 19.4): "is it still you?" Over the screen, which takes
// no taps meanwhile; the same card back continues, a countdown ends the session otherwise.
// The session (C++) decides all of it; this only shows it.
Rectangle {
    id: prompt
    property int secondsLeft: 0
    property bool otherCard: false
    readonly property bool layoutLayer: true // DemoConsole's layout check: an overlay on purpose
    readonly property string spokenPrompt: message.text
    signal finishRequested()

    color: Qt.rgba(0, 0, 0, 0.55)
    // Swallows every tap meant for the screen below.
    MouseArea { anchors.fill: parent; hoverEnabled: true }

    Rectangle {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        height: column.implicitHeight + 2 * Theme.spacing
        color: Theme.warningBackground
        border.color: Theme.warningText
        border.width: 4
        radius: Theme.radius
        Accessible.role: Accessible.AlertMessage
        Accessible.name: message.text

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            Text {
                id: message
                objectName: "message"
                Layout.fillWidth: true
                text: qsTr("Your card has been removed. To continue, put your card back on the reader, or finish.")
                font.pixelSize: Theme.headingSize
                font.family: Theme.fontFamily
                font.bold: true
                color: Theme.warningText
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "mismatch"
                visible: prompt.otherCard
                Layout.fillWidth: true
                text: qsTr("This is not the card this application was started with. Please put back your own card.")
                font.pixelSize: Theme.bodySize
                font.family: Theme.fontFamily
                color: Theme.errorText
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "countdown"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("%n second(s)", "", prompt.secondsLeft)
                font.pixelSize: Theme.titleSize
                font.family: Theme.fontFamily
                font.bold: true
                color: Theme.warningText
                Accessible.name: text
            }
            BigButton {
                objectName: "cardAwayFinish"
                Layout.fillWidth: true
                primary: false
                text: qsTr("Finish and clear my information")
                onClicked: prompt.finishRequested()
            }
        }
    }
}
