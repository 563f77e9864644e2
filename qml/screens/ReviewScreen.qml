import QtQuick
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// What will be submitted, masked, with the promised time limit and the fees.
ScreenPage {
    id: screen
    objectName: "reviewScreen"
    property string itemName
    property var rows: []          // [{label, value}]
    property string promisedLimit
    property string fee
    property string message        // e.g. why the last submit did not work
    signal submitRequested()
    signal back()

    title: qsTr("Please check before you submit")

    BodyText { Layout.fillWidth: true; font.bold: true; text: screen.itemName }
    Repeater {
        model: screen.rows
        delegate: InfoRow { required property var modelData; label: modelData.label; value: modelData.value }
    }
    InfoRow { label: qsTr("Time limit"); value: screen.promisedLimit }
    InfoRow { label: qsTr("Fee"); value: screen.fee }
    BodyText { objectName: "message"; visible: screen.message !== ""; Layout.fillWidth: true; color: Theme.errorText; text: screen.message }

    actions: [
        BigButton { objectName: "backButton"; Layout.fillWidth: true; primary: false; text: qsTr("Change"); onClicked: screen.back() },
        BigButton { objectName: "submitButton"; Layout.fillWidth: true; text: qsTr("Submit"); onClicked: screen.submitRequested() }
    ]
}
