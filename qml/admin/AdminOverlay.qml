import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme

// Admin mode over the resident screens: the PIN pad, then the pages. Covers the whole window
// so nothing of a resident screen can be touched while a technician works.
Rectangle {
    id: overlay
    required property var entry
    required property var admin
    objectName: "adminOverlay"
    visible: entry.stage !== "closed"
    color: "#F7F9FC"

    // Every touch in admin mode keeps the admin session from locking.
    TapHandler { onTapped: overlay.entry.touch() }

    PinPad {
        anchors.fill: parent
        visible: overlay.entry.stage === "pin"
        entry: overlay.entry
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        visible: overlay.entry.stage === "open"
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            Text {
                text: qsTr("Admin mode")
                font.pixelSize: 36
                font.bold: true
                font.family: Theme.fontFamily
                color: "#14171A"
                Layout.fillWidth: true
            }
            AdminButton {
                objectName: "adminLogout"
                text: qsTr("Lock and leave")
                danger: true
                onClicked: overlay.entry.logout()
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: [
                    { key: "readers", label: qsTr("Readers") },
                    { key: "queue", label: qsTr("Queue") },
                    { key: "sync", label: qsTr("Sync") },
                    { key: "device", label: qsTr("Device") },
                    { key: "logs", label: qsTr("Logs") },
                    { key: "config", label: qsTr("Configuration") }
                ]
                AdminButton {
                    required property var modelData
                    objectName: "adminTab_" + modelData.key
                    text: modelData.label
                    primary: overlay.admin.page === modelData.key
                    onClicked: overlay.admin.page = modelData.key
                }
            }
        }
        Text {
            objectName: "adminMessage"
            text: overlay.admin.message
            visible: text.length > 0
            font.pixelSize: 22
            font.family: Theme.fontFamily
            color: "#0A6B3D"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: pageLoader.item ? pageLoader.item.implicitHeight : 0
            Loader {
                id: pageLoader
                width: parent.width
                sourceComponent: {
                    switch (overlay.admin.page) {
                    case "queue": return queuePage
                    case "sync": return syncPage
                    case "device": return devicePage
                    case "logs": return logsPage
                    case "config": return configPage
                    default: return readersPage
                    }
                }
            }
        }
    }
    Component { id: readersPage; ReadersPage { admin: overlay.admin } }
    Component { id: queuePage; QueuePage { admin: overlay.admin } }
    Component { id: syncPage; SyncPage { admin: overlay.admin } }
    Component { id: devicePage; DevicePage { admin: overlay.admin } }
    Component { id: logsPage; LogsPage { admin: overlay.admin } }
    Component { id: configPage; ConfigPage { admin: overlay.admin } }
}
