import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import OneWindow.Theme

// The kiosk's keyboard style: Theme colours, and rows tall enough for Theme.targetSize
// (80 px, 104 px in elderly mode: DESIGN.md §11) at the kiosk's 1080 px width. Each key's
// touch target is its whole cell; the drawn panel is inset by `keyGap`.
KeyboardStyle {
    id: style

    readonly property int keyGap: 6
    readonly property int rowHeight: Theme.targetSize + 2 * keyGap
    readonly property int keyFontSize: Theme.headingSize

    keyboardDesignWidth: 1080
    keyboardDesignHeight: 4 * rowHeight + 16
    keyboardRelativeLeftMargin: 4 / 1080
    keyboardRelativeRightMargin: 4 / 1080
    keyboardRelativeTopMargin: 8 / keyboardDesignHeight
    keyboardRelativeBottomMargin: 8 / keyboardDesignHeight

    keyboardBackground: Rectangle {
        color: Theme.border
    }

    component Panel: KeyPanel {
        id: panel
        property color fill: Theme.surface
        property color ink: Theme.text
        property string label: control ? control.displayText : ""
        Rectangle {
            anchors.fill: parent
            anchors.margins: 6 // keyGap (inline components cannot see the style's id)
            radius: 8
            color: panel.control && panel.control.pressed ? Theme.primary : panel.fill
            opacity: !panel.control || panel.control.enabled ? 1 : 0.5
            Text {
                anchors.centerIn: parent
                text: panel.label
                color: panel.control && panel.control.pressed ? Theme.textOnPrimary : panel.ink
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
            }
        }
    }

    keyPanel: Panel {}
    backspaceKeyPanel: Panel { fill: Theme.background; label: "⌫" }
    languageKeyPanel: Panel { fill: Theme.background; label: "🌐" }
    enterKeyPanel: Panel { fill: Theme.primary; ink: Theme.textOnPrimary; label: "确定" }
    hideKeyPanel: Panel { fill: Theme.background; label: "收起" }
    shiftKeyPanel: Panel { fill: Theme.background; label: InputContext.capsLockActive ? "⇪" : "⇧" }
    spaceKeyPanel: Panel { label: "空格" }
    symbolKeyPanel: Panel { fill: Theme.background }
    modeKeyPanel: Panel { fill: Theme.background }
    handwritingKeyPanel: Panel { fill: Theme.background }

    characterPreviewMargin: 0
    characterPreviewDelegate: Item {
        property string text
        Rectangle {
            anchors.fill: parent
            radius: 8
            color: Theme.primary
            Text {
                anchors.centerIn: parent
                text: parent.parent.text
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
            }
        }
    }

    alternateKeysListItemWidth: Theme.targetSize
    alternateKeysListItemHeight: Theme.targetSize
    alternateKeysListDelegate: Item {
        id: alternateItem
        width: Theme.targetSize
        height: Theme.targetSize
        Text {
            anchors.centerIn: parent
            text: model.text
            color: alternateItem.ListView.isCurrentItem ? Theme.textOnPrimary : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
        }
    }
    alternateKeysListHighlight: Rectangle { color: Theme.primary; radius: 8 }
    alternateKeysListBackground: Rectangle { color: Theme.surface; border.color: Theme.border; radius: 8 }

    // The candidate bar: one page of candidates, each a full-height touch target.
    selectionListHeight: Theme.targetSize
    selectionListDelegate: SelectionListItem {
        id: candidate
        width: Math.max(Theme.targetSize, candidateText.implicitWidth + 2 * Theme.spacing)
        Accessible.role: Accessible.Button
        Accessible.name: display
        Text {
            id: candidateText
            anchors.centerIn: parent
            text: display
            color: candidate.ListView.isCurrentItem ? Theme.primary : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headingSize
            font.bold: candidate.ListView.isCurrentItem
        }
        Rectangle {
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            width: 1
            height: parent.height * 0.5
            color: Theme.border
        }
    }
    selectionListBackground: Rectangle { color: Theme.surface }
    selectionListAdd: Transition {}
    selectionListRemove: Transition {}

    navigationHighlight: Rectangle { color: "transparent"; border.color: Theme.primary; border.width: 4 }

    popupListDelegate: SelectionListItem {
        width: Math.max(Theme.targetSize * 3, popupText.implicitWidth + 2 * Theme.spacing)
        height: Theme.targetSize
        Text {
            id: popupText
            anchors.centerIn: parent
            text: display
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
        }
    }
    popupListBackground: Rectangle { color: Theme.surface; border.color: Theme.border }
    languagePopupListEnabled: false
}
