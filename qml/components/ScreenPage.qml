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
    property alias flickable: flick
    // A line under the title that does not scroll away (e.g. "还有 2 项需要填写").
    property string notice

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        Heading { objectName: "title"; Layout.fillWidth: true; text: page.title }
        Text {
            objectName: "notice"
            visible: page.notice !== ""
            Layout.fillWidth: true
            text: page.notice
            font.pixelSize: Theme.bodySize
            font.family: Theme.fontFamily
            font.bold: true
            color: Theme.errorText
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
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
