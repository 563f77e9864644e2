import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme

// The frame of the journey's screens: a title, scrolling content and a bottom action row
// that never scrolls away. Screens put their content in `content` and buttons in `actions`.
Item {
    id: page
    property string title
    property string spokenPrompt: title
    default property alias content: column.data
    property alias actions: actionRow.data

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        Heading { objectName: "title"; Layout.fillWidth: true; text: page.title }
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: column.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: flick.contentHeight > flick.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded; width: 16 }
            ColumnLayout {
                id: column
                width: flick.width - 24
                spacing: Theme.spacing
            }
        }
        RowLayout {
            id: actionRow
            Layout.fillWidth: true
            spacing: Theme.spacing
        }
    }
}
