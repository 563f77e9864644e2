import QtQuick
import QtQuick.Layouts
import OneWindow.Theme

// A titled block of an admin page.
ColumnLayout {
    id: section
    property string title
    default property alias content: body.data
    Layout.fillWidth: true
    spacing: 8
    Text {
        text: section.title
        font.pixelSize: 28
        font.bold: true
        font.family: Theme.fontFamily
        color: "#0B4F9C"
        Layout.topMargin: 12
    }
    Rectangle { Layout.fillWidth: true; height: 2; color: "#C5CED8" }
    ColumnLayout {
        id: body
        Layout.fillWidth: true
        spacing: 6
    }
}
