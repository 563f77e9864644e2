import QtQuick
import QtQuick.Layouts

// Readers: live status of every reader the manager knows, and a test read whose result is
// masked (the identity never reaches a resident session while admin mode is open).
ColumnLayout {
    id: page
    required property var admin
    objectName: "adminReadersPage"
    spacing: 12
    AdminSection {
        title: qsTr("Readers")
        Repeater {
            model: page.admin.readers
            AdminRow {
                required property var modelData
                label: modelData.name + " (" + modelData.backend + ")"
                value: modelData.status + (modelData.detail ? " — " + modelData.detail : "")
                       + (modelData.capabilities ? "  [" + modelData.capabilities + "]" : "")
                status: modelData.status === "failed" ? "fail" : modelData.status === "unsupported" ? "warn" : "ok"
            }
        }
        AdminRow {
            visible: page.admin.readers.length === 0
            label: qsTr("No reader")
            value: qsTr("No reader is attached or configured.")
            status: "fail"
        }
    }
    AdminSection {
        title: qsTr("Test read")
        AdminButton {
            objectName: "testReadButton"
            text: page.admin.testReadArmed ? qsTr("Waiting for a card…") : qsTr("Test read")
            enabled: !page.admin.testReadArmed
            onClicked: page.admin.armTestRead()
        }
        AdminRow {
            objectName: "testReadResult"
            label: qsTr("Result")
            value: page.admin.testReadResult || "-"
        }
    }
}
