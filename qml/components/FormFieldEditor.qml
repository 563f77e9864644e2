import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme

// One form field, rendered from its schema entry (a map from FormController.fields): bound
// fields are read-only and name their source; typed fields get the control their type needs.
ColumnLayout {
    id: editor
    required property var field     // {key, label, type, required, readOnly, value, source, options, help}
    property string error: ""
    property string value: field.value
    property var phone: ({})        // phone fields: {display, region, valid} (FormController.phoneStates)
    signal edited(string key, string value)
    signal wrongData()
    signal phoneRegionChosen(string key, string region)
    signal finished(string key)

    function takeFocus() {
        if (textInput.visible)
            textInput.forceActiveFocus()
        else
            editor.forceActiveFocus()
    }

    objectName: "field_" + field.key
    spacing: Theme.spacing / 3

    function setValue(v) {
        editor.value = v
        editor.edited(editor.field.key, v)
    }

    BodyText {
        Layout.fillWidth: true
        text: editor.field.label + (editor.field.required && !editor.field.readOnly ? " *" : "")
        font.bold: true
    }

    // Read-only, bound: the value, where it comes from, and a way out when it is wrong.
    Rectangle {
        visible: editor.field.readOnly
        Layout.fillWidth: true
        implicitHeight: boundColumn.implicitHeight + Theme.spacing
        color: Theme.boundBackground
        radius: Theme.radius
        ColumnLayout {
            id: boundColumn
            anchors.fill: parent
            anchors.margins: Theme.spacing / 2
            BodyText { objectName: "boundValue"; Layout.fillWidth: true; text: editor.field.value; wrapMode: Text.WrapAnywhere }
            RowLayout {
                Layout.fillWidth: true
                BodyText { objectName: "source"; Layout.fillWidth: true; secondary: true; font.pixelSize: Theme.smallSize; text: editor.field.source }
                BigButton {
                    objectName: "wrongDataButton"
                    primary: false
                    text: qsTr("Wrong? Ask staff")
                    onClicked: editor.wrongData()
                }
            }
        }
    }

    TextField {
        id: textInput
        objectName: "input"
        visible: !editor.field.readOnly && (editor.field.type === "text" || editor.field.type === "region"
                                            || editor.field.type === "idno" || editor.field.type === "date")
        Layout.fillWidth: true
        implicitHeight: Theme.targetSize
        font.pixelSize: Theme.bodySize
        font.family: Theme.fontFamily
        text: editor.value
        placeholderText: editor.field.type === "date" ? "2024-05-01" : ""
        placeholderTextColor: Theme.secondaryText
        color: Theme.text
        inputMethodHints: editor.field.type === "date" ? Qt.ImhDate
                        : editor.field.type === "idno" ? Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
                        : Qt.ImhNone
        Accessible.name: editor.field.label
        onTextEdited: editor.setValue(text)
        onActiveFocusChanged: if (!activeFocus) editor.finished(editor.field.key)
        background: Rectangle { color: Theme.surface; border.color: editor.error !== "" ? Theme.errorText : Theme.border; border.width: 2; radius: Theme.radius }
    }

    // Numbers and phone numbers: a display and the digit pad.
    ColumnLayout {
        visible: !editor.field.readOnly && (editor.field.type === "number" || editor.field.type === "phone")
        Layout.fillWidth: true
        // The country-code picker: its first choice follows the document on the reader.
        Flow {
            objectName: "phoneRegions"
            visible: editor.field.type === "phone" && (editor.field.phoneRegions || []).length > 0
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Repeater {
                model: editor.field.phoneRegions || []
                delegate: BigButton {
                    required property var modelData
                    objectName: "region_" + modelData.code
                    primary: (editor.phone.region || editor.field.phoneRegion) === modelData.code
                    text: modelData.label
                    Accessible.checked: primary
                    onClicked: editor.phoneRegionChosen(editor.field.key, modelData.code)
                }
            }
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.targetSize
            color: Theme.surface
            border.color: editor.error !== "" ? Theme.errorText : Theme.border
            border.width: 2
            radius: Theme.radius
            BodyText {
                objectName: "digits"
                anchors.verticalCenter: parent.verticalCenter
                x: Theme.spacing
                // A phone number is shown formatted once it is complete ("+852 9123 4567").
                text: editor.phone.display !== undefined ? editor.phone.display : editor.value
            }
        }
        DigitPad {
            objectName: "digitPad"
            Layout.fillWidth: true
            value: editor.value
            allowDash: editor.field.type === "phone"
            onEdited: (v) => editor.setValue(v)
        }
    }

    // Pick-lists: every option is a large single-tap button (no pop-ups, DESIGN.md §11).
    Flow {
        visible: !editor.field.readOnly && editor.field.type === "select"
        Layout.fillWidth: true
        spacing: Theme.spacing / 2
        Repeater {
            model: editor.field.options
            delegate: BigButton {
                required property var modelData
                objectName: "option_" + modelData.value
                primary: editor.value === modelData.value
                text: modelData.label
                checkable: false
                Accessible.checked: editor.value === modelData.value
                onClicked: editor.setValue(modelData.value)
            }
        }
    }

    CheckBox {
        id: check
        objectName: "checkbox"
        palette.windowText: Theme.text // the Basic style's label colour follows the palette
        palette.base: Theme.surface
        palette.text: Theme.text
        visible: !editor.field.readOnly && editor.field.type === "checkbox"
        checked: editor.value === "true"
        text: editor.field.label
        font.pixelSize: Theme.bodySize
        font.family: Theme.fontFamily
        implicitHeight: Theme.targetSize
        indicator.implicitWidth: Theme.targetSize * 0.6
        indicator.implicitHeight: Theme.targetSize * 0.6
        Accessible.name: editor.field.label
        onToggled: editor.setValue(checked ? "true" : "false")
    }

    BodyText { visible: editor.field.help !== ""; Layout.fillWidth: true; secondary: true; font.pixelSize: Theme.smallSize; text: editor.field.help }
    BodyText {
        objectName: "error"
        visible: editor.error !== ""
        Layout.fillWidth: true
        color: Theme.errorText
        text: editor.error
    }
}
