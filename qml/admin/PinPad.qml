import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// The admin PIN pad. The digits come shuffled from AdminEntry (a new order every time the
// pad opens and after each wrong PIN), so a watcher cannot learn the PIN from finger positions;
// only the number of digits typed is shown.
Rectangle {
    id: pad
    required property var entry
    objectName: "adminPinPad"
    color: "#14171A"

    ColumnLayout {
        anchors.centerIn: parent
        width: 620
        spacing: 24

        Text {
            text: qsTr("Technician PIN")
            color: "#FFFFFF"
            font.pixelSize: 40
            font.family: Theme.fontFamily
            Layout.alignment: Qt.AlignHCenter
        }
        Text {
            objectName: "pinDots"
            text: "●".repeat(pad.entry.pinLength) + "○".repeat(Math.max(0, 6 - pad.entry.pinLength))
            color: "#FFFFFF"
            font.pixelSize: 44
            Layout.alignment: Qt.AlignHCenter
        }
        Text {
            objectName: "pinMessage"
            text: pad.entry.pinMessage
            color: "#FFD400"
            font.pixelSize: 24
            font.family: Theme.fontFamily
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
            visible: text.length > 0
        }
        // Nine shuffled digits, then ⌫, the tenth digit and OK.
        Grid {
            columns: 3
            rowSpacing: 16
            columnSpacing: 16
            Layout.alignment: Qt.AlignHCenter
            Repeater {
                model: {
                    const d = pad.entry.pinDigits
                    return d.length === 10 ? d.slice(0, 9).concat(["erase", d[9], "ok"]) : []
                }
                AdminButton {
                    required property var modelData
                    readonly property bool isDigit: typeof modelData === "number"
                    objectName: isDigit ? "pinDigit" + modelData : modelData === "ok" ? "pinSubmit" : "pinErase"
                    text: isDigit ? String(modelData) : modelData === "ok" ? qsTr("OK") : "⌫"
                    Accessible.name: modelData === "erase" ? qsTr("Delete") : text
                    primary: isDigit
                    enabled: modelData === "erase" ? true
                           : !pad.entry.pinBusy && !pad.entry.locked && (isDigit || pad.entry.pinLength >= 6)
                    width: 180
                    height: 120
                    font.pixelSize: 44
                    onClicked: {
                        if (isDigit)
                            pad.entry.pressDigit(modelData)
                        else if (modelData === "ok")
                            pad.entry.submitPin()
                        else
                            pad.entry.erase()
                    }
                }
            }
        }
        AdminButton {
            objectName: "pinCancel"
            text: qsTr("Cancel")
            Layout.alignment: Qt.AlignHCenter
            onClicked: pad.entry.cancel()
        }
    }
}
