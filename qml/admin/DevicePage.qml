import QtQuick
import QtQuick.Layouts

// Device: the health model's checks and the diagnostics report (version, uptime, disk,
// memory, clock, database sizes and integrity, certificate expiry).
ColumnLayout {
    id: page
    required property var admin
    objectName: "adminDevicePage"
    spacing: 12
    AdminSection {
        title: qsTr("Health")
        Repeater {
            model: page.admin.healthChecks
            AdminRow {
                required property var modelData
                label: modelData.name
                value: modelData.status + (modelData.detail ? " — " + modelData.detail : "")
                status: modelData.status
            }
        }
    }
    AdminSection {
        title: qsTr("Device")
        Repeater {
            model: page.admin.deviceRows
            AdminRow {
                required property var modelData
                label: modelData.label
                value: modelData.value
                status: modelData.status
            }
        }
    }
    AdminButton { text: qsTr("Refresh"); onClicked: page.admin.refresh() }
}
