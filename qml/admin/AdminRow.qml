import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// One label/value line of an admin page; the status colours the value (ok, warn, fail).
RowLayout {
    id: row
    property string label
    property string value
    property string status: "ok"
    spacing: 16
    Layout.fillWidth: true
    Text {
        text: row.label
        font.pixelSize: 22
        font.family: Theme.fontFamily
        color: "#3D4650"
        Layout.preferredWidth: 380
        elide: Text.ElideMiddle
    }
    Text {
        objectName: "value_" + row.label
        text: row.value
        font.pixelSize: 22
        font.family: Theme.fontFamily
        font.bold: row.status !== "ok"
        color: row.status === "fail" ? "#A1231B" : row.status === "warn" ? "#6B3A00" : "#14171A"
        Layout.fillWidth: true
        wrapMode: Text.WrapAnywhere
    }
}
