import QtQuick
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components

// The PIPL notice (DESIGN.md §10): shown before any e-licence is looked up; the answer is
// recorded with the notice's text version.
ScreenPage {
    id: screen
    objectName: "consentScreen"
    property string textVersion
    signal accepted()
    signal declined()

    title: qsTr("May we use your e-licences?")

    BodyText {
        objectName: "noticeText"
        Layout.fillWidth: true
        text: qsTr("To fill in the form for you, this kiosk looks up the electronic licences registered to your ID number (for example your household register) and copies the needed entries into the form. Purpose: only this application. Data used: your name, ID number and the licence entries shown on the form. They are sent encrypted to the handling department and deleted from this kiosk within 72 hours after delivery. You may refuse: then you type the entries yourself and bring the paper documents to the counter.")
    }
    BodyText { Layout.fillWidth: true; secondary: true; font.pixelSize: Theme.smallSize; text: qsTr("Notice version: %1").arg(screen.textVersion) }

    actions: [
        BigButton { objectName: "declineButton"; Layout.fillWidth: true; primary: false; text: qsTr("No, I will type it"); onClicked: screen.declined() },
        BigButton { objectName: "acceptButton"; Layout.fillWidth: true; text: qsTr("I agree"); onClicked: screen.accepted() }
    ]
}
