import QtQuick
import QtTest

// Main.qml maps controller state to screens; stand-in controllers here are plain QtObjects
// with the same properties, so the mapping is tested without C++.
TestCase {
    id: testCase
    name: "Main"
    when: windowShown

    QtObject {
        id: fakeSession
        property string state: "attract"
        property string documentType: "居民身份证"
        property string maskedName: "张**"
        property string maskedEnglishName: ""
        property string maskedIdNumber: "110***********0029"
        property string sex: "女"
        property string validity: "2016.03.01 – 长期"
        property bool expired: false
        property var notices: []
        property string errorTitle: "读卡未完成"
        property string errorHint: "请重新放置"
        property bool idleWarning: false
        property int idleSecondsLeft: 0
        property bool elderlyMode: false
        property bool cardAway: false
        property bool cardOnReader: true
        property bool cardLeftBehind: false
        property bool otherCard: false
        property int ended: 0
        function endSession() { ended++ }
        function extendSession() {}
    }
    QtObject {
        id: fakeAssist
        property string stateKey: "idle"
        property string message: ""
        property bool canRequest: true
        property var requests: []
        function requestHelp(screen) { requests = requests.concat([screen]) }
        function reportWrongField(screen, key) { requests = requests.concat([screen + ":" + key]) }
    }
    QtObject {
        id: fakeLanguage
        property string language: "zh_CN"
        property var languages: ["zh_CN", "zh_TW", "en"]
        property string fontFamily: "Noto Sans CJK SC"
        function nativeName(code) { return code }
        function choose(code) { language = code }
    }
    QtObject {
        id: fakeDemo
        property bool enabled: false
        property var cards: []
        function placeCard(i) {}
        function removeCard() {}
        function failNextRead(k) {}
    }

    QtObject {
        id: fakeJourney
        property string step: ""
        property string message: ""
        property string consentVersion: "pipl-notice-test"
        property string receiptQueryCode: ""
        property string receiptQr: ""
        property string receiptItemName: ""
        property bool receiptAcknowledged: false
        property string receiptState: ""
        property var progressEntries: []
        property string progressNote: ""
        property bool canPrint: false
        property bool canServeAgain: true
        function backToReceipt() {}
        function printReceipt() {}
        property int started: 0
        function startService() { started++ }
        function openItem(c) {}
        function backToCatalog() {}
        function startForm() {}
        function acceptConsent() {}
        function declineConsent() {}
        function toReview() {}
        function backToForm() {}
        function submit() {}
        function startRating() {}
        function submitRating(l, i, t, a) {}
        function finish() {}
        function openProgress() {}
        function lookupProgress(c) {}
        function lookupMyProgress() {}
    }
    QtObject {
        id: fakeCatalog
        property var categories: [{ key: "huji", name: "户籍" }]
        property string category: "huji"
        property string searchText: ""
        property var items: [{ code: "X1", name: "户籍证明开具", department: "区公安分局", selfService: true }]
        property var item: ({ code: "X1", name: "户籍证明开具", department: "区公安分局", selfService: true, materials: [] })
        function chooseCategory(k) {}
        function search(t) {}
    }
    QtObject {
        id: fakeForm
        property var fields: []
        property var materials: []
        property var errors: ({})
        property var reviewRows: []
        property bool complete: false
        property var phoneStates: ({})
        property string errorSummary: ""
        signal attentionNeeded(string key, string spoken)
        function setValue(k, v) { return true }
        function setPhoneRegion(k, r) { return true }
        function finishField(k) {}
    }

    QtObject {
        id: fakeSpeech
        property bool available: true
        property var spoken: []
        property int repeats: 0
        function speak(t) { spoken.push(t) }
        function repeat() { repeats++ }
    }

    QtObject {
        id: fakeAdminEntry
        property string stage: "closed"
        property var pinDigits: [3, 1, 4, 5, 9, 2, 6, 8, 7, 0]
        property int pinLength: 0
        property string pinMessage: ""
        property bool pinBusy: false
        property bool locked: false
        property int taps: 0
        function cornerTapped() { taps++ }
        function touch() {}
    }
    QtObject {
        id: fakeAdmin
        property string page: "readers"
        property var readers: []
        property string message: ""
    }

    property var window: null

    function init() {
        var component = Qt.createComponent("qrc:/OneWindow/Main.qml")
        compare(component.status, Component.Ready, component.errorString())
        window = component.createObject(null, { session: fakeSession, language: fakeLanguage, demo: fakeDemo,
                                                    journey: fakeJourney, catalog: fakeCatalog, form: fakeForm,
                                                    speech: fakeSpeech, adminEntry: fakeAdminEntry,
                                                    admin: fakeAdmin, assist: fakeAssist })
        verify(window)
    }
    function cleanup() {
        window.destroy()
        fakeAdminEntry.stage = "closed"
        fakeAdminEntry.taps = 0
        fakeSession.state = "attract"
        fakeSession.idleWarning = false
        fakeJourney.step = ""
    }

    // The journey's step refines the session state: each step has its screen.
    function test_journeyStepSelectsScreen_data() {
        return [
            { tag: "catalog", step: "catalog", screen: "catalogScreen" },
            { tag: "detail", step: "detail", screen: "itemDetailScreen" },
            { tag: "consent", step: "consent", screen: "consentScreen" },
            { tag: "loading", step: "loading", screen: "busyScreen" },
            { tag: "form", step: "form", screen: "formScreen" },
            { tag: "review", step: "review", screen: "reviewScreen" },
            { tag: "submitting", step: "submitting", screen: "busyScreen" },
            { tag: "receipt", step: "receipt", screen: "receiptScreen" },
            { tag: "rating", step: "rating", screen: "ratingScreen" },
            { tag: "rated", step: "rated", screen: "ratingScreen" },
            { tag: "progress", step: "progress", screen: "progressScreen" },
        ]
    }
    function test_journeyStepSelectsScreen(data) {
        fakeSession.state = "choosing_service"
        fakeJourney.step = data.step
        compare(window.currentScreen, data.screen)
    }

    function test_identityScreenStartsTheJourney() {
        fakeSession.state = "identified"
        var button = findChild(window.contentItem, "serviceButton")
        verify(button)
        button.clicked()
        compare(fakeJourney.started, 1)
    }

    function test_everyScreenSpeaksAndRepeats() {
        var before = fakeSpeech.spoken.length
        fakeSession.state = "choosing_service"
        fakeJourney.step = "consent"
        verify(fakeSpeech.spoken.length > before)
        compare(fakeSpeech.spoken[fakeSpeech.spoken.length - 1], "May we use your e-licences?")
        var repeat = findChild(window.footer, "repeatButton")
        verify(repeat && repeat.visible)
        repeat.clicked()
        compare(fakeSpeech.repeats, 1)
    }

    function test_virtualKeyboardPanelExists() {
        verify(findChild(window.contentItem, "inputPanel"))
    }

    function test_stateSelectsScreen_data() {
        return [
            { tag: "attract", state: "attract", screen: "attractScreen" },
            { tag: "reading", state: "reading", screen: "readingScreen" },
            { tag: "identified", state: "identified", screen: "identityScreen" },
            { tag: "card_error", state: "card_error", screen: "cardErrorScreen" },
            { tag: "out of service", state: "service_unavailable", screen: "outOfServiceScreen" },
            { tag: "wiping shows attract", state: "wiping", screen: "attractScreen" },
        ]
    }
    function test_stateSelectsScreen(data) {
        fakeSession.state = data.state
        compare(window.currentScreen, data.screen)
    }

    function test_idleWarningFollowsTheSession() {
        fakeSession.state = "identified"
        var warning = findChild(window.contentItem, "idleWarning")
        verify(warning)
        verify(!warning.visible)
        fakeSession.idleSecondsLeft = 15
        fakeSession.idleWarning = true
        verify(warning.visible)
        compare(warning.secondsLeft, 15)
    }

    function test_languageChoiceReachesTheController() {
        var header = window.header
        verify(header)
        header.languageChosen("en")
        compare(fakeLanguage.language, "en")
        fakeLanguage.language = "zh_CN"
    }

    function test_demoPanelHiddenOutsideDemo() {
        var panel = findChild(window.contentItem, "demoPanel")
        verify(panel)
        verify(!panel.visible)
    }

    // The hidden corner reaches AdminEntry; admin mode hides the resident header and footer.
    // 人工帮办 goes to the assist controller with the showing screen, and its answer is shown.
    function test_assistButtonReachesTheController() {
        fakeAssist.requests = []
        fakeSession.state = "identified"
        tryCompare(window, "currentScreen", "identityScreen")
        waitForRendering(window.contentItem)
        var button = findChild(window.footer, "assistButton")
        mouseClick(button)
        compare(fakeAssist.requests, ["identityScreen"])
        fakeAssist.stateKey = "queued"
        fakeAssist.message = "Staff have your request. You are number 2 in the queue."
        compare(findChild(window.footer, "assistMessage").text, fakeAssist.message)
        fakeAssist.canRequest = false
        verify(!button.enabled)
        fakeAssist.canRequest = true
        verify(button.enabled)
        fakeAssist.stateKey = "idle"
        fakeAssist.message = ""
    }

    function test_adminCornerAndOverlay() {
        var corner = findChild(window.header, "adminCorner")
        verify(corner)
        waitForRendering(window.contentItem)
        mouseClick(corner)
        compare(fakeAdminEntry.taps, 1)
        // Admin mode's QML exists only while it is open.
        compare(findChild(window.contentItem, "adminOverlay"), null)
        fakeAdminEntry.stage = "pin"
        var overlay = findChild(window.contentItem, "adminOverlay")
        verify(overlay)
        verify(overlay.visible)
        verify(!window.header.visible)
        verify(!window.footer.visible)
        verify(findChild(overlay, "adminPinPad").visible)
    }
}
