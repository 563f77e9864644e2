import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// One labelled value on the confirmation screen.
RowLayout {
    property alias label: labelText.text
    property alias value: valueText.text
    spacing: Theme.spacing
    Layout.fillWidth: true

    Text {
        id: labelText
        Layout.preferredWidth: Theme.bodySize * 6
        Layout.alignment: Qt.AlignTop
        font.pixelSize: Theme.bodySize
        font.family: Theme.fontFamily
        color: Theme.secondaryText
        wrapMode: Text.WordWrap
    }
    Text {
        id: valueText
        Layout.fillWidth: true
        font.pixelSize: Theme.bodySize
        font.family: Theme.fontFamily
        font.bold: true
        color: Theme.text
        wrapMode: Text.WrapAnywhere
        Layout.alignment: Qt.AlignTop
        // The row's height, not a stale one from a narrower first pass (check-layout found the
        // receipt's status drawn outside its row).
        Layout.fillHeight: true
        Accessible.name: labelText.text + " " + text
    }
}
