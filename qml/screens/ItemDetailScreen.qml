import QtQuick
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// One service item: conditions, materials, time limits, fees, where the result is collected;
// items the kiosk cannot handle say where to go instead.
ScreenPage {
    id: screen
    objectName: "itemDetailScreen"
    property var item: ({})
    signal startRequested()
    signal back()

    title: item.name || ""

    BodyText { Layout.fillWidth: true; secondary: true; text: screen.item.department || "" }
    Rectangle {
        objectName: "notAtKiosk"
        visible: screen.item.selfService === false
        Layout.fillWidth: true
        implicitHeight: whereText.implicitHeight + 2 * Theme.spacing
        color: Theme.warningBackground
        radius: Theme.radius
        BodyText {
            id: whereText
            anchors.fill: parent
            anchors.margins: Theme.spacing
            color: Theme.warningText
            text: qsTr("This service cannot be completed at the kiosk.") + " " + (screen.item.whereInstead || "")
        }
    }
    InfoRow { label: qsTr("Who can apply"); value: screen.item.conditions || "" }
    InfoRow { label: qsTr("Time limit"); value: screen.item.promisedLimit || "" }
    InfoRow { label: qsTr("Legal limit"); value: screen.item.legalLimit || "" }
    InfoRow { label: qsTr("Fee"); value: screen.item.fee || "" }
    InfoRow { label: qsTr("Result"); value: screen.item.resultPickup || "" }
    InfoRow { label: qsTr("Counter"); value: (screen.item.location || "") + " " + (screen.item.hours || "") }
    BodyText { Layout.fillWidth: true; font.bold: true; text: qsTr("Materials") }
    Repeater {
        model: screen.item.materials || []
        delegate: BodyText {
            required property var modelData
            Layout.fillWidth: true
            text: "• " + modelData.name + (modelData.required ? "" : " " + qsTr("(if applicable)"))
                  + (modelData.acceptsLicense ? " — " + qsTr("e-licence accepted") : "")
        }
    }

    actions: [
        BigButton { objectName: "backButton"; Layout.fillWidth: true; primary: false; text: qsTr("Back"); onClicked: screen.back() },
        BigButton { objectName: "startButton"; Layout.fillWidth: true; visible: screen.item.selfService !== false; text: qsTr("Apply now"); onClicked: screen.startRequested() }
    ]
}
