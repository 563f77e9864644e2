import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// Service categories, their items, and search (catalogue, issue 6 §1).
ScreenPage {
    id: screen
    objectName: "catalogScreen"
    property var categories: []     // [{key, name}]
    property string category
    property string searchText
    property var items: []          // [{code, name, department, selfService}]
    signal categoryChosen(string key)
    signal searched(string text)
    signal itemChosen(string code)
    signal progressRequested()
    signal finished()

    title: qsTr("What would you like to do?")

    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            implicitHeight: Theme.targetSize
            font.pixelSize: Theme.bodySize
            font.family: Theme.fontFamily
            color: Theme.text
            placeholderText: qsTr("Search services")
            placeholderTextColor: Theme.secondaryText
            text: screen.searchText
            Accessible.name: qsTr("Search services")
            onAccepted: screen.searched(text)
            background: Rectangle { color: Theme.surface; border.color: Theme.border; border.width: 2; radius: Theme.radius }
        }
        BigButton { objectName: "searchButton"; text: qsTr("Search"); onClicked: screen.searched(searchField.text) }
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing / 2
        Repeater {
            model: screen.categories
            delegate: BigButton {
                required property var modelData
                objectName: "category_" + modelData.key
                primary: screen.searchText === "" && screen.category === modelData.key
                text: modelData.name
                onClicked: screen.categoryChosen(modelData.key)
            }
        }
    }
    Repeater {
        model: screen.items
        delegate: BigButton {
            required property var modelData
            required property int index
            objectName: "item_" + index
            Layout.fillWidth: true
            primary: false
            text: modelData.name + "\n" + modelData.department
            implicitHeight: Math.max(Theme.targetSize, contentItem.implicitHeight + Theme.spacing)
            onClicked: screen.itemChosen(modelData.code)
        }
    }
    BodyText {
        objectName: "noResults"
        visible: screen.items.length === 0
        Layout.fillWidth: true
        text: qsTr("Nothing found. Try another word or ask the staff for help.")
    }

    actions: [
        BigButton { objectName: "progressButton"; Layout.fillWidth: true; primary: false; text: qsTr("Check my applications"); onClicked: screen.progressRequested() },
        BigButton { objectName: "finishButton"; Layout.fillWidth: true; primary: false; text: qsTr("Finish"); onClicked: screen.finished() }
    ]
}
