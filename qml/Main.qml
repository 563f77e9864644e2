import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components
import OneWindow.Screens

// The kiosk window. It only presents: the session, language and demo controllers (C++,
// built in main.cpp) decide everything; this file maps their state to screens.
ApplicationWindow {
    id: window
    required property var session
    required property var language
    required property var demo

    // For the smoke test and the demo console: which screen is showing.
    readonly property string currentScreen: screenLoader.item ? screenLoader.item.objectName : ""

    width: 1080
    height: 1920
    visible: true
    title: "OneWindow"
    color: Theme.background
    font.family: language.fontFamily

    Binding { target: Theme; property: "elderly"; value: window.session.elderlyMode }
    Binding { target: Theme; property: "fontFamily"; value: window.language.fontFamily }

    header: KioskHeader {
        languages: window.language.languages
        currentLanguage: window.language.language
        elderly: window.session.elderlyMode
        nativeName: function (code) { return window.language.nativeName(code) }
        onLanguageChosen: (code) => window.language.choose(code)
        onElderlyToggled: (on) => window.session.elderlyMode = on
    }

    footer: AssistBar {
        requested: window.session.assistanceRequested
        onAssistanceRequested: window.session.requestAssistance()
    }

    Component { id: attract; AttractScreen {} }
    Component { id: reading; ReadingScreen {} }
    Component { id: outOfService; OutOfServiceScreen {} }
    Component {
        id: identified
        IdentityScreen {
            documentType: window.session.documentType
            maskedName: window.session.maskedName
            maskedEnglishName: window.session.maskedEnglishName
            maskedIdNumber: window.session.maskedIdNumber
            sex: window.session.sex
            validity: window.session.validity
            expired: window.session.expired
            notices: window.session.notices
            onFinished: window.session.endSession()
        }
    }
    Component {
        id: cardError
        CardErrorScreen {
            title: window.session.errorTitle
            hint: window.session.errorHint
            onDismissed: window.session.endSession()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // A Loader destroys the previous screen, so no screen item outlives its state
        // (and no identity text stays in a hidden item after the wipe).
        Loader {
            id: screenLoader
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: {
                switch (window.session.state) {
                case "reading": return reading
                case "identified": return identified
                case "card_error": return cardError
                case "service_unavailable": return outOfService
                default: return attract
                }
            }
        }
        IdleWarning {
            objectName: "idleWarning"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            visible: window.session.idleWarning
            secondsLeft: window.session.idleSecondsLeft
            onExtendRequested: window.session.extendSession()
        }
    }

    DemoPanel {
        objectName: "demoPanel"
        visible: window.demo.enabled
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 8
        z: 10
        cards: window.demo.cards
        onPlaceCard: (index) => window.demo.placeCard(index)
        onRemoveCard: window.demo.removeCard()
        onFailNextRead: (key) => window.demo.failNextRead(key)
    }
}
