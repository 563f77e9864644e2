import QtQuick
import QtQuick.Layouts

// Queue: depth by state, the oldest waiting item, retry now, and the rejected items (masked)
// with an export for manual handling at a counter.
ColumnLayout {
    id: page
    required property var admin
    objectName: "adminQueuePage"
    spacing: 12
    readonly property var byState: page.admin.queue.byState || ({})
    AdminSection {
        title: qsTr("Outbox")
        Repeater {
            model: Object.keys(page.byState)
            AdminRow {
                required property string modelData
                label: modelData
                value: String(page.byState[modelData])
                status: modelData === "REJECTED" && page.byState[modelData] > 0 ? "fail" : "ok"
            }
        }
        AdminRow { label: qsTr("Pending"); value: String(page.admin.queue.pending || 0) }
        AdminRow { label: qsTr("Oldest pending"); value: page.admin.queue.oldest || "-" }
        AdminRow {
            label: qsTr("Paused (hub refused our certificate)")
            value: page.admin.queue.paused ? (page.admin.queue.pauseReason || qsTr("yes")) : qsTr("no")
            status: page.admin.queue.paused ? "fail" : "ok"
        }
        AdminButton {
            objectName: "retryNowButton"
            text: qsTr("Retry now")
            primary: true
            onClicked: page.admin.retryQueueNow()
        }
    }
    AdminSection {
        title: qsTr("Rejected by the hub (%1)").arg(page.admin.rejectedItems.length)
        Repeater {
            model: page.admin.rejectedItems
            AdminRow {
                required property var modelData
                label: modelData.queryCode + "  " + modelData.service
                value: modelData.applicant + " — " + modelData.reason
                status: "fail"
            }
        }
        AdminButton {
            objectName: "exportRejectedButton"
            readonly property string target: page.admin.exportTargets.length > 0 ? page.admin.exportTargets[0] : ""
            text: target ? qsTr("Export the list to %1").arg(target) : qsTr("Export: insert a USB stick")
            enabled: page.admin.rejectedItems.length > 0 && target.length > 0
            onClicked: page.admin.exportRejected(target)
        }
    }
}
