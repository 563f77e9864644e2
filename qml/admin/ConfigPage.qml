import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme

// Configuration: the settings admin mode may change, validated as typed; saved to the state
// directory and applied at the next start. The out-of-service switch, restart and exit.
ColumnLayout {
    id: page
    required property var admin
    objectName: "adminConfigPage"
    spacing: 12
    AdminSection {
        title: qsTr("Settings")
        Repeater {
            model: page.admin.config.fields
            ColumnLayout {
                id: field
                required property var modelData
                Layout.fillWidth: true
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        text: field.modelData.label + (field.modelData.changed ? " *" : "")
                        font.pixelSize: 22
                        font.family: Theme.fontFamily
                        Layout.preferredWidth: 380
                        wrapMode: Text.WordWrap
                    }
                    TextField {
                        visible: field.modelData.kind === "text" || field.modelData.kind === "int"
                        objectName: "config_" + field.modelData.key
                        Layout.fillWidth: true
                        font.pixelSize: 22
                        text: field.modelData.value
                        inputMethodHints: field.modelData.kind === "int" ? Qt.ImhDigitsOnly : Qt.ImhUrlCharactersOnly
                        Accessible.name: field.modelData.label
                        onEditingFinished: page.admin.config.setValue(field.modelData.key, text)
                    }
                    ComboBox {
                        visible: field.modelData.kind === "choice"
                        Layout.fillWidth: true
                        font.pixelSize: 22
                        model: field.modelData.options
                        displayText: currentText === "" ? qsTr("(none)") : currentText
                        currentIndex: Math.max(0, field.modelData.options.indexOf(field.modelData.value))
                        Accessible.name: field.modelData.label
                        onActivated: (i) => page.admin.config.setValue(field.modelData.key, field.modelData.options[i])
                    }
                    Switch {
                        visible: field.modelData.kind === "bool"
                        checked: field.modelData.value === "true"
                        Accessible.name: field.modelData.label
                        onToggled: page.admin.config.setValue(field.modelData.key, checked ? "true" : "false")
                    }
                }
                Text {
                    visible: field.modelData.error.length > 0
                    text: field.modelData.error
                    color: "#A1231B"
                    font.pixelSize: 20
                    font.family: Theme.fontFamily
                }
            }
        }
        RowLayout {
            spacing: 16
            AdminButton {
                objectName: "saveConfigButton"
                text: qsTr("Save")
                primary: true
                enabled: page.admin.config.dirty && page.admin.config.valid
                onClicked: page.admin.saveConfig()
            }
            AdminButton { text: qsTr("Undo changes"); enabled: page.admin.config.dirty; onClicked: page.admin.config.revert() }
            AdminButton { objectName: "restartButton"; text: qsTr("Restart the kiosk"); onClicked: page.admin.restartKiosk() }
        }
    }
    AdminSection {
        title: qsTr("Service")
        RowLayout {
            Text {
                text: qsTr("Out of service")
                font.pixelSize: 22
                font.family: Theme.fontFamily
                Layout.preferredWidth: 380
            }
            Switch {
                objectName: "outOfServiceSwitch"
                checked: page.admin.outOfService
                Accessible.name: qsTr("Out of service")
                onToggled: page.admin.setOutOfService(checked)
            }
        }
        AdminButton {
            objectName: "exitButton"
            visible: page.admin.exitAllowed
            text: qsTr("Exit to the desktop")
            danger: true
            onClicked: page.admin.exitToDesktop()
        }
    }
}
