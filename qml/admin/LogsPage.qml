import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme

// Logs: the recent lines (already redacted when they were written) and the diagnostics
// bundle export to a USB stick or a typed path.
ColumnLayout {
    id: page
    required property var admin
    objectName: "adminLogsPage"
    spacing: 12
    AdminSection {
        title: qsTr("Export a diagnostics bundle")
        Repeater {
            model: page.admin.exportTargets
            AdminButton {
                required property string modelData
                required property int index
                objectName: "exportTarget_" + index
                text: qsTr("Export to %1").arg(modelData)
                primary: true
                onClicked: page.admin.exportBundle(modelData)
            }
        }
        Text {
            visible: page.admin.exportTargets.length === 0
            text: qsTr("No USB stick found. Insert one, or type a directory:")
            font.pixelSize: 22
            font.family: Theme.fontFamily
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: pathField
                objectName: "exportPath"
                Layout.fillWidth: true
                font.pixelSize: 22
                placeholderText: "/media/usb"
                Accessible.name: qsTr("Export directory")
            }
            AdminButton {
                objectName: "exportBundleButton"
                text: qsTr("Export")
                enabled: pathField.text.length > 0 && !page.admin.busy
                onClicked: page.admin.exportBundle(pathField.text)
            }
        }
    }
    AdminSection {
        title: qsTr("Recent log lines")
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 900
            color: "#14171A"
            ListView {
                id: lines
                objectName: "logLines"
                anchors.fill: parent
                anchors.margins: 8
                clip: true
                model: page.admin.logLines
                onCountChanged: positionViewAtEnd()
                delegate: Text {
                    required property string modelData
                    width: lines.width
                    text: modelData
                    color: "#E0E6EC"
                    font.pixelSize: 16
                    font.family: "monospace"
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
    }
}
