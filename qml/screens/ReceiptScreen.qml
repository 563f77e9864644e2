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
    property bool cardOnReader: true   // the card still lies on the reader
    property bool canServeAgain: true
    signal printRequested()
    signal ratingRequested()
    signal anotherService()
    signal finished()

    title: qsTr("Your application has been saved")

    BodyText { Layout.fillWidth: true; font.bold: true; text: screen.itemName }
    // The reminder while the card is on the reader; the code in large type for the way home.
    Text {
        objectName: "takeCardReminder"
        visible: screen.cardOnReader
        Layout.fillWidth: true
        text: qsTr("Please take your card with you.")
        font.pixelSize: Theme.headingSize
        font.family: Theme.fontFamily
        font.bold: true
        color: Theme.warningText
        wrapMode: Text.WordWrap
    }
    BodyText { Layout.fillWidth: true; text: qsTr("Query code") }
    Text {
        objectName: "queryCodeLarge"
        Layout.fillWidth: true
        text: screen.queryCode
        font.pixelSize: Theme.titleSize
        font.family: Theme.fontFamily
        font.bold: true
        font.letterSpacing: 4
        color: Theme.text
        wrapMode: Text.WrapAnywhere
        Accessible.name: qsTr("Query code") + " " + screen.queryCode.split("").join(" ")
    }
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

    // 结束办理 on the left, away from where 提交 was on the review screen (issue 19.2): the
    // second tap of a double tap must not end the session.
    actions: [
        BigButton { objectName: "finishButton"; Layout.fillWidth: true; primary: false; text: qsTr("Finish"); onClicked: screen.finished() },
        BigButton { objectName: "anotherButton"; visible: screen.canServeAgain; Layout.fillWidth: true; primary: false; text: qsTr("Another service"); onClicked: screen.anotherService() },
        BigButton { objectName: "printButton"; visible: screen.canPrint; Layout.fillWidth: true; primary: false; text: qsTr("Print"); onClicked: screen.printRequested() },
        BigButton { objectName: "rateButton"; Layout.fillWidth: true; text: qsTr("Rate this service"); onClicked: screen.ratingRequested() }
    ]
}
