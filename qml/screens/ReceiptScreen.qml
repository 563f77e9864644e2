import QtQuick
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// The receipt: query code and QR code, marked "waiting to be sent" until the hub has it.
ScreenPage {
    id: screen
    objectName: "receiptScreen"
    property string itemName
    property string queryCode
    property string qrSource
    property string stateText
    property bool acknowledged: false
    property string message
    property bool canPrint: false
    signal printRequested()
    signal ratingRequested()
    signal anotherService()
    signal finished()

    title: qsTr("Your application has been saved")

    BodyText { Layout.fillWidth: true; font.bold: true; text: screen.itemName }
    InfoRow { objectName: "queryCodeRow"; label: qsTr("Query code"); value: screen.queryCode }
    InfoRow { objectName: "stateRow"; label: qsTr("Status"); value: screen.stateText }
    Image {
        objectName: "qrCode"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: 280
        Layout.preferredHeight: 280
        source: screen.qrSource
        fillMode: Image.PreserveAspectFit
        smooth: false
        Accessible.name: qsTr("QR code of your query code")
    }
    BodyText { objectName: "message"; visible: !screen.acknowledged && screen.message !== ""; Layout.fillWidth: true; secondary: true; text: screen.message }
    BodyText { Layout.fillWidth: true; secondary: true; text: qsTr("Scan the QR code or keep the query code to check progress later.") }

    actions: [
        BigButton { objectName: "printButton"; visible: screen.canPrint; Layout.fillWidth: true; primary: false; text: qsTr("Print"); onClicked: screen.printRequested() },
        BigButton { objectName: "rateButton"; Layout.fillWidth: true; text: qsTr("Rate this service"); onClicked: screen.ratingRequested() },
        BigButton { objectName: "anotherButton"; Layout.fillWidth: true; primary: false; text: qsTr("Another service"); onClicked: screen.anotherService() },
        BigButton { objectName: "finishButton"; Layout.fillWidth: true; primary: false; text: qsTr("Finish"); onClicked: screen.finished() }
    ]
}
