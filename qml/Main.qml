import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OneWindow.Theme
import OneWindow.Components
import OneWindow.Screens
import QtQuick.VirtualKeyboard
import OneWindow.Input
import OneWindow.Admin

// The kiosk window. It only presents: the session, language and demo controllers (C++,
// built in main.cpp) decide everything; this file maps their state to screens.
ApplicationWindow {
    id: window
    required property var session
    required property var language
    required property var demo
    required property var journey
    required property var catalog
    required property var form
    required property var speech
    required property var adminEntry
    required property var admin
    required property var assist // AssistController (app/assist): 人工帮办 and its answer

    // For the smoke test and the demo console: which screen is showing.
    readonly property string currentScreen: screenLoader.item ? screenLoader.item.objectName : ""

    width: 1080
    height: 1920
    visible: true
    title: "OneWindow"
    color: Theme.background
    font.family: language.fontFamily

    // High contrast is the resident's choice for this session only.
    property bool highContrast: false
    Connections {
        target: window.session
        function onStateChanged() { if (window.session.state === "attract") window.highContrast = false }
    }
    Binding { target: Theme; property: "elderly"; value: window.session.elderlyMode }
    Binding { target: Theme; property: "highContrast"; value: window.highContrast }
    Binding { target: Theme; property: "fontFamily"; value: window.language.fontFamily }

    header: KioskHeader {
        visible: window.adminEntry.stage === "closed"
        languages: window.language.languages
        currentLanguage: window.language.language
        elderly: window.session.elderlyMode
        nativeName: function (code) { return window.language.nativeName(code) }
        onLanguageChosen: (code) => window.language.choose(code)
        onElderlyToggled: (on) => window.session.elderlyMode = on
        highContrast: window.highContrast
        onContrastToggled: (on) => window.highContrast = on
        // Five taps here within three seconds open admin mode (AdminEntry counts them).
        onCornerTapped: window.adminEntry.cornerTapped()
    }

    footer: AssistBar {
        visible: window.adminEntry.stage === "closed"
        requested: !window.assist.canRequest
        stateKey: window.assist.stateKey
        message: window.assist.message
        speechAvailable: window.speech.available
        onAssistanceRequested: window.assist.requestHelp(window.currentScreen)
        onRepeatRequested: window.speech.repeat()
    }

    Component { id: attract; AttractScreen { cardLeftBehind: window.session.cardLeftBehind } }
    Component { id: reading; ReadingScreen {} }
    Component { id: outOfService; OutOfServiceScreen {} }
    Component {
        id: identified
        IdentityScreen {
            documentType: window.session.documentType
            maskedName: window.session.maskedName
            nameHasRareCharacter: window.session.nameHasRareCharacter
            maskedEnglishName: window.session.maskedEnglishName
            maskedIdNumber: window.session.maskedIdNumber
            sex: window.session.sex
            validity: window.session.validity
            expired: window.session.expired
            notices: window.session.notices
            onFinished: window.session.endSession()
            onServiceRequested: window.journey.startService()
            onProgressRequested: window.journey.openProgress()
        }
    }
    Component {
        id: catalogScreen
        CatalogScreen {
            categories: window.catalog.categories
            category: window.catalog.category
            searchText: window.catalog.searchText
            items: window.catalog.items
            onCategoryChosen: (key) => window.catalog.chooseCategory(key)
            onSearched: (text) => window.catalog.search(text)
            onItemChosen: (code) => window.journey.openItem(code)
            onProgressRequested: window.journey.openProgress()
            onFinished: window.journey.finish()
        }
    }
    Component {
        id: itemDetail
        ItemDetailScreen {
            item: window.catalog.item
            onStartRequested: window.journey.startForm()
            onBack: window.journey.backToCatalog()
        }
    }
    Component {
        id: consent
        ConsentScreen {
            textVersion: window.journey.consentVersion
            onAccepted: window.journey.acceptConsent()
            onDeclined: window.journey.declineConsent()
        }
    }
    Component { id: loading; BusyScreen { text: qsTr("Looking up your e-licences…") } }
    Component { id: submitting; BusyScreen { text: qsTr("Saving your application…") } }
    Component {
        id: formScreen
        FormScreen {
            itemName: window.catalog.item.name || ""
            fields: window.form.fields
            errors: window.form.errors
            materials: window.form.materials
            phones: window.form.phoneStates
            errorSummary: window.form.errorSummary
            onValueEdited: (key, value) => window.form.setValue(key, value)
            onFieldFinished: (key) => window.form.finishField(key)
            onPhoneRegionChosen: (key, region) => window.form.setPhoneRegion(key, region)
            onAssistanceRequested: window.assist.requestHelp(window.currentScreen)
            onWrongFieldReported: (key) => window.assist.reportWrongField(window.currentScreen, key)
            onReviewRequested: window.journey.toReview()
            onBack: window.journey.backToCatalog()
        }
    }
    Component {
        id: review
        ReviewScreen {
            itemName: window.catalog.item.name || ""
            rows: window.form.reviewRows
            promisedLimit: window.catalog.item.promisedLimit || ""
            fee: window.catalog.item.fee || ""
            message: window.journey.message
            onSubmitRequested: window.journey.submit()
            onBack: window.journey.backToForm()
        }
    }
    Component {
        id: receipt
        ReceiptScreen {
            itemName: window.journey.receiptItemName
            queryCode: window.journey.receiptQueryCode
            qrSource: window.journey.receiptQr
            stateText: window.journey.receiptState
            acknowledged: window.journey.receiptAcknowledged
            message: window.journey.message
            canPrint: window.journey.canPrint
            cardOnReader: window.session.cardOnReader
            canServeAgain: window.journey.canServeAgain
            onPrintRequested: window.journey.printReceipt()
            onRatingRequested: window.journey.startRating()
            onAnotherService: window.journey.startService()
            onFinished: window.journey.finish()
        }
    }
    Component {
        id: rating
        RatingScreen {
            sent: window.journey.step === "rated"
            queryCode: window.journey.receiptQueryCode
            onBackToReceipt: window.journey.backToReceipt()
            onRated: (level, indicators, text, anonymous) => window.journey.submitRating(level, indicators, text, anonymous)
            onFinished: window.journey.finish()
        }
    }
    Component {
        id: progress
        ProgressScreen {
            entries: window.journey.progressEntries
            note: window.journey.progressNote
            onLookupByCode: (code) => window.journey.lookupProgress(code)
            onLookupMine: window.journey.lookupMyProgress()
            onBack: window.journey.backToCatalog()
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

    // 下一步 with missing entries: the form shows the first one and it is said aloud.
    Connections {
        target: window.form
        function onAttentionNeeded(key, spoken) {
            if (screenLoader.item && screenLoader.item.showField)
                screenLoader.item.showField(key)
            window.speech.speak(spoken)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // A Loader destroys the previous screen, so no screen item outlives its state
        // (and no identity text stays in a hidden item after the wipe).
        Loader {
            id: screenLoader
            // A language switch rebuilds the screen from its controllers (issue 19.3): Qt 6.4's
            // retranslate() re-evaluates every binding at once, and the nested layouts of a
            // long form then hit a polish loop and pile their fields up at the top left. The
            // values live in the controllers, so nothing typed is lost; the screen is new.
            Connections {
                target: window.language
                function onLanguageChanged() {
                    screenLoader.active = false
                    screenLoader.active = true
                }
            }
            // Every screen speaks its prompt when it appears (DESIGN.md §11).
            onItemChanged: {
                if (item && item.spokenPrompt !== undefined)
                    window.speech.speak(item.spokenPrompt)
            }
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: {
                switch (window.journey.step) {
                case "catalog": return catalogScreen
                case "detail": return itemDetail
                case "consent": return consent
                case "loading": return loading
                case "form": return formScreen
                case "review": return review
                case "submitting": return submitting
                case "receipt": return receipt
                case "rating":
                case "rating_sending":
                case "rated": return rating
                case "progress": return progress
                }
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
            visible: window.session.idleWarning && !window.session.cardAway
            secondsLeft: window.session.idleSecondsLeft
            onExtendRequested: window.session.extendSession()
        }
    }

    // The card lifted mid-journey: over the screen (which stays as it was), until the same
    // card is back or the countdown ends.
    CardAwayPrompt {
        objectName: "cardAwayPrompt"
        anchors.fill: parent
        z: 50
        visible: window.session.cardAway
        secondsLeft: window.session.idleSecondsLeft
        otherCard: window.session.otherCard
        onVisibleChanged: {
            if (!visible)
                return
            forceActiveFocus() // takes focus from a text field: the on-screen keyboard closes
            window.speech.speak(spokenPrompt)
        }
        onFinishRequested: window.session.endSession()
    }

    // Admin mode covers the resident screens; the header and footer step aside so the whole
    // window is the technician's, and the on-screen keyboard (z 100) stays above it.
    Loader {
        anchors.fill: parent
        z: 90
        active: window.adminEntry.stage !== "closed"
        sourceComponent: AdminOverlay {
            objectName: "adminOverlay"
            entry: window.adminEntry
            admin: window.admin
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

    // The on-screen keyboard (app/input): pinyin with candidates, 中/英, digits and Chinese
    // punctuation; traditional characters in a zh_TW session. Slides up over the footer while a
    // text field has focus.
    KioskKeyboard {
        id: inputPanel
        objectName: "inputPanel"
        z: 100
        x: 0
        width: window.width
        y: active ? window.contentItem.height - height : window.contentItem.height
        visible: active
        locale: window.language.language === "zh_TW" ? "zh_TW" : "zh_CN"
    }
}
