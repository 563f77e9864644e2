import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// Large digit keys for numbers and phone numbers: easier than a full keyboard for older
// residents. Emits the edited text; the caller keeps the value.
GridLayout {
    id: pad
    property string value: ""
    property int maxLength: 19
    property bool allowDash: false
    signal edited(string value)

    columns: 3
    rowSpacing: Theme.spacing / 2
    columnSpacing: Theme.spacing / 2

    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", pad.allowDash ? "-" : "", "0", "⌫"]
        delegate: BigButton {
            required property string modelData
            objectName: "digit_" + (modelData === "⌫" ? "back" : modelData)
            Layout.fillWidth: true
            Layout.minimumWidth: Theme.targetSize
            implicitWidth: Theme.targetSize
            primary: false
            text: modelData
            visible: modelData !== ""
            Accessible.name: modelData === "⌫" ? qsTr("Delete last digit") : modelData
            onClicked: {
                if (modelData === "⌫")
                    pad.edited(pad.value.slice(0, -1))
                else if (pad.value.length < pad.maxLength)
                    pad.edited(pad.value + modelData)
            }
        }
    }
}
