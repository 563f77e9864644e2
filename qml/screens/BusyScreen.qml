import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// A short wait (licence lookup, saving): says what is happening.
Item {
    id: screen
    objectName: "busyScreen"
    property string text
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing
        BusyIndicator { Layout.alignment: Qt.AlignHCenter; running: true; implicitWidth: Theme.targetSize; implicitHeight: Theme.targetSize }
        Heading { Layout.fillWidth: true; horizontalAlignment: Text.AlignHCenter; text: screen.text }
    }
}
