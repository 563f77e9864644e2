import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// 好差评 (gov-standards.md §3): five labelled levels, none preselected; for the two bad ones,
// what went wrong (indicators) and an optional text; optionally anonymous.
ScreenPage {
    id: screen
    objectName: "ratingScreen"
    property int level: 0          // 0 = nothing chosen yet
    property var chosenIndicators: []
    property bool anonymous: false
    property bool sent: false
    property string queryCode      // rating never hides the query code (issue 19.5)
    signal rated(int level, var indicators, string text, bool anonymous)
    signal finished()
    signal backToReceipt()

    readonly property var levels: [
        { value: 1, label: qsTr("Very satisfied") },
        { value: 2, label: qsTr("Satisfied") },
        { value: 3, label: qsTr("Basically satisfied") },
        { value: 4, label: qsTr("Dissatisfied") },
        { value: 5, label: qsTr("Very dissatisfied") }
    ]
    readonly property var indicators: [
        { code: "501", label: qsTr("Speed of service") },
        { code: "502", label: qsTr("Accuracy of the guide") },
        { code: "503", label: qsTr("Ease of use") },
        { code: "504", label: qsTr("Kiosk operation") }
    ]

    title: sent ? qsTr("Thank you for your rating") : qsTr("How was this service?")

    InfoRow { objectName: "ratingQueryCode"; visible: screen.queryCode !== ""; label: qsTr("Query code"); value: screen.queryCode }

    Repeater {
        model: screen.sent ? [] : screen.levels
        delegate: BigButton {
            required property var modelData
            objectName: "level_" + modelData.value
            Layout.fillWidth: true
            primary: screen.level === modelData.value
            text: "★".repeat(6 - modelData.value) + "  " + modelData.label
            Accessible.name: modelData.label
            Accessible.checked: screen.level === modelData.value
            onClicked: screen.level = modelData.value
        }
    }
    BodyText { visible: !screen.sent && screen.level >= 4; Layout.fillWidth: true; text: qsTr("What went wrong?") }
    Flow {
        visible: !screen.sent && screen.level >= 4
        Layout.fillWidth: true
        spacing: Theme.spacing / 2
        Repeater {
            model: screen.indicators
            delegate: BigButton {
                required property var modelData
                objectName: "indicator_" + modelData.code
                primary: screen.chosenIndicators.indexOf(modelData.code) >= 0
                text: modelData.label
                onClicked: {
                    const list = screen.chosenIndicators.slice()
                    const at = list.indexOf(modelData.code)
                    if (at >= 0) list.splice(at, 1); else list.push(modelData.code)
                    screen.chosenIndicators = list
                }
            }
        }
    }
    TextField {
        id: comment
        objectName: "comment"
        visible: !screen.sent && screen.level >= 4
        Layout.fillWidth: true
        implicitHeight: Theme.targetSize
        font.pixelSize: Theme.bodySize
        font.family: Theme.fontFamily
        color: Theme.text
        placeholderText: qsTr("Your comment (optional)")
        placeholderTextColor: Theme.secondaryText
        Accessible.name: qsTr("Your comment (optional)")
        background: Rectangle { color: Theme.surface; border.color: Theme.border; border.width: 2; radius: Theme.radius }
    }
    CheckBox {
        objectName: "anonymous"
        palette.windowText: Theme.text // the Basic style's label colour follows the palette
        palette.base: Theme.surface
        palette.text: Theme.text
        visible: !screen.sent
        checked: screen.anonymous
        text: qsTr("Rate anonymously")
        font.pixelSize: Theme.bodySize
        font.family: Theme.fontFamily
        implicitHeight: Theme.targetSize
        Accessible.name: text
        onToggled: screen.anonymous = checked
    }

    // 结束办理 on the left, away from where 评价 was on the receipt; the send button keeps its
    // place after sending, so a double tap on it cannot land on 结束办理 (issue 19.2).
    actions: [
        BigButton { objectName: "finishButton"; Layout.fillWidth: true; primary: false; text: qsTr("Finish"); onClicked: screen.finished() },
        BigButton { objectName: "backToReceiptButton"; Layout.fillWidth: true; primary: false; text: qsTr("Back to the receipt"); onClicked: screen.backToReceipt() },
        BigButton {
            objectName: "sendRatingButton"
            enabled: screen.level > 0 && !screen.sent
            Layout.fillWidth: true
            text: screen.sent ? qsTr("Rating sent") : qsTr("Send rating")
            onClicked: screen.rated(screen.level, screen.chosenIndicators, comment.text, screen.anonymous)
        }
    ]
}
