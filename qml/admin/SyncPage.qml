import QtQuick
import QtQuick.Layouts

// Sync: hub reachability, the last success of each stream, errors, clock offset; sync now.
ColumnLayout {
    id: page
    required property var admin
    objectName: "adminSyncPage"
    spacing: 12
    readonly property var s: page.admin.sync
    AdminSection {
        title: qsTr("Hub")
        AdminRow {
            label: qsTr("Configured")
            value: page.s.configured ? qsTr("yes") : qsTr("no (offline kiosk)")
            status: page.s.configured ? "ok" : "warn"
        }
        AdminRow {
            visible: page.s.configured === true
            label: qsTr("Reachable")
            value: page.s.online ? qsTr("yes") : qsTr("no")
            status: page.s.online ? "ok" : "fail"
        }
        AdminRow {
            visible: page.s.configured === true
            label: qsTr("Paused")
            value: page.s.paused ? page.s.pauseReason : qsTr("no")
            status: page.s.paused ? "fail" : "ok"
        }
        AdminRow { visible: page.s.configured === true; label: qsTr("Queue depth"); value: String(page.s.queueDepth) }
        AdminRow { visible: page.s.configured === true; label: qsTr("Clock offset (hub − kiosk)"); value: page.s.clockOffsetMs + " ms"
                   status: Math.abs(page.s.clockOffsetMs) > 60000 ? "warn" : "ok" }
        AdminRow { visible: page.s.configured === true; label: qsTr("Hub latency (last request)")
                   value: page.s.latencyMs >= 0 ? page.s.latencyMs + " ms" : "-" }
        AdminRow { visible: !!page.s.lastError; label: qsTr("Last error"); value: page.s.lastError || ""; status: "warn" }
        AdminRow {
            visible: page.s.configured === true
            label: qsTr("Client certificate")
            value: page.s.certificate && page.s.certificate.text ? page.s.certificate.text : "-"
            status: page.s.certificate && page.s.certificate.status ? page.s.certificate.status : "ok"
        }
    }
    AdminSection {
        title: qsTr("Last success")
        visible: page.s.configured === true
        Repeater {
            model: page.s.streams || []
            AdminRow {
                required property var modelData
                label: modelData.label
                value: modelData.value
                status: modelData.status
            }
        }
    }
    AdminSection {
        title: qsTr("Hub commands received")
        visible: page.s.configured === true
        Repeater {
            model: page.s.commands || []
            AdminRow { required property string modelData; label: modelData; value: "" }
        }
        AdminRow { visible: !(page.s.commands && page.s.commands.length); label: qsTr("none since start"); value: "" }
    }
    AdminButton {
        objectName: "syncNowButton"
        text: qsTr("Sync now")
        primary: true
        enabled: page.s.configured === true
        onClicked: page.admin.syncNow()
    }
}
