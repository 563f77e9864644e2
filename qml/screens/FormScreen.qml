import QtQuick
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// The form renderer: every item's form comes from its schema (FormController.fields).
ScreenPage {
    id: screen
    objectName: "formScreen"
    property string itemName
    property var fields: []
    property var errors: ({})
    property var materials: []   // [{name, mode, status}]
    property var phones: ({})    // FormController.phoneStates
    property string errorSummary
    signal valueEdited(string key, string value)
    signal fieldFinished(string key)
    signal assistanceRequested()
    signal wrongFieldReported(string key) // 信息有误，转人工 on a prefilled field
    signal phoneRegionChosen(string key, string region)
    signal reviewRequested()
    signal back()

    title: itemName
    notice: errorSummary

    // 下一步 refused: bring the first problem field into view and give it focus (issue 19.9).
    function showField(key) {
        for (var i = 0; i < fieldRepeater.count; ++i) {
            var editor = fieldRepeater.itemAt(i)
            if (!editor || editor.field.key !== key)
                continue
            var f = screen.flickable
            var y = editor.mapToItem(f.contentItem, 0, 0).y
            f.contentY = Math.max(0, Math.min(y - Theme.spacing, f.contentHeight - f.height))
            editor.takeFocus()
            return
        }
    }
    spokenPrompt: qsTr("Please check the form and fill in the missing entries.")

    BodyText { Layout.fillWidth: true; text: screen.spokenPrompt }
    Repeater {
        id: fieldRepeater
        model: screen.fields
        delegate: FormFieldEditor {
            required property var modelData
            field: modelData
            error: screen.errors[modelData.key] || ""
            Layout.fillWidth: true
            phone: screen.phones[modelData.key] || ({})
            onEdited: (key, value) => screen.valueEdited(key, value)
            onWrongData: screen.wrongFieldReported(modelData.key)
            onPhoneRegionChosen: (key, region) => screen.phoneRegionChosen(key, region)
            onFinished: (key) => screen.fieldFinished(key)
        }
    }
    BodyText { Layout.fillWidth: true; font.bold: true; text: qsTr("Materials") }
    Repeater {
        model: screen.materials
        delegate: RowLayout {
            required property var modelData
            required property int index
            objectName: "material_" + index
            Layout.fillWidth: true
            // A share of the page's width, not of the row's own (a binding loop in the layout).
            BodyText { Layout.preferredWidth: screen.width * 0.4; text: modelData.name }
            BodyText {
                objectName: "materialStatus"
                Layout.fillWidth: true
                text: modelData.status
                color: modelData.mode === "license" ? Theme.successText : Theme.text
                font.bold: modelData.mode === "license"
            }
        }
    }

    actions: [
        BigButton { objectName: "backButton"; Layout.fillWidth: true; primary: false; text: qsTr("Back"); onClicked: screen.back() },
        BigButton { objectName: "reviewButton"; Layout.fillWidth: true; text: qsTr("Next: check"); onClicked: screen.reviewRequested() }
    ]
}
