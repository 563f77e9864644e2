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
        property bool assistanceRequested: false
        property int ended: 0
        function endSession() { ended++ }
        function extendSession() {}
        function requestAssistance() { assistanceRequested = true }
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

    property var window: null

    function init() {
        var component = Qt.createComponent("qrc:/OneWindow/Main.qml")
        compare(component.status, Component.Ready, component.errorString())
        window = component.createObject(null, { session: fakeSession, language: fakeLanguage, demo: fakeDemo })
        verify(window)
    }
    function cleanup() {
        window.destroy()
        fakeSession.state = "attract"
        fakeSession.idleWarning = false
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
}
