import QtQuick
import QtTest
import OneWindow.Theme
import OneWindow.Components

TestCase {
    id: testCase
    name: "Components"
    width: 1080
    height: 1920
    visible: true
    when: windowShown

    Component { id: headerC; KioskHeader { width: 1080 } }
    Component { id: idleC; IdleWarning { width: 1000 } }
    Component { id: assistC; AssistBar { width: 1080 } }
    Component { id: demoC; DemoPanel {} }
    Component { id: buttonC; BigButton { text: "继续办理" } }
    Component { id: spyC; SignalSpy {} }

    function cleanup() { Theme.elderly = false }

    function test_headerLanguagesAndElderlyToggle() {
        var h = createTemporaryObject(headerC, testCase, {
            languages: ["zh_CN", "zh_TW", "en"], currentLanguage: "zh_CN"
        })
        var spy = createTemporaryObject(spyC, testCase, { target: h, signalName: "languageChosen" })
        var en = findChild(h, "language_en")
        verify(en)
        verify(!en.checked)
        verify(findChild(h, "language_zh_CN").checked)
        waitForRendering(h)
        mouseClick(en)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "en")
        var toggleSpy = createTemporaryObject(spyC, testCase, { target: h, signalName: "elderlyToggled" })
        mouseClick(findChild(h, "elderlyToggle"))
        compare(toggleSpy.count, 1)
        compare(toggleSpy.signalArguments[0][0], true)
    }

    function test_idleWarningCountsDownAndExtends() {
        var w = createTemporaryObject(idleC, testCase, { secondsLeft: 17 })
        verify(w.Accessible.name.indexOf("17") >= 0, w.Accessible.name)
        var spy = createTemporaryObject(spyC, testCase, { target: w, signalName: "extendRequested" })
        waitForRendering(w)
        mouseClick(findChild(w, "continueButton"))
        compare(spy.count, 1)
    }

    function test_assistBarIsOneTap() {
        var bar = createTemporaryObject(assistC, testCase)
        var spy = createTemporaryObject(spyC, testCase, { target: bar, signalName: "assistanceRequested" })
        var button = findChild(bar, "assistButton")
        waitForRendering(bar)
        mouseClick(button)
        compare(spy.count, 1)
        bar.requested = true
        verify(!button.enabled)
    }

    // Issue 19 item 6: the bar shows each answer of AssistController and is usable after it.
    function test_assistBarShowsEveryAnswer_data() {
        return [
            { tag: "requesting", requested: true, message: "Calling a member of staff for you…", enabled: false },
            { tag: "staff_on_the_way", requested: false, message: "A member of staff is on the way to you.", enabled: true },
            { tag: "queued", requested: false, message: "Staff have your request. You are number 3 in the queue.", enabled: true },
            { tag: "offline", requested: false, message: "Staff cannot be called from this kiosk right now. Please go to the service desk.", enabled: true },
            { tag: "failed", requested: false, message: "Your request could not be sent.", enabled: true },
        ]
    }
    function test_assistBarShowsEveryAnswer(data) {
        var bar = createTemporaryObject(assistC, testCase, { stateKey: data.tag, message: data.message,
                                                              requested: data.requested })
        waitForRendering(bar)
        var shown = findChild(bar, "assistMessage")
        compare(shown.text, data.message)
        compare(shown.Accessible.name, data.message)
        compare(findChild(bar, "assistButton").enabled, data.enabled)
        if (data.tag === "offline" || data.tag === "failed")
            compare(shown.color, Theme.errorText)
    }

    // The real controller (tst_qml.cpp: a kiosk without a hub) behind the bar, pressed by a tap.
    Component {
        id: realAssistBarC
        AssistBar {
            width: 1080
            requested: !realAssist.canRequest
            stateKey: realAssist.stateKey
            message: realAssist.message
            onAssistanceRequested: realAssist.requestHelp("formScreen")
        }
    }
    function test_assistBarWithTheRealController() {
        realAssist.reset()
        var bar = createTemporaryObject(realAssistBarC, testCase)
        waitForRendering(bar)
        compare(bar.stateKey, "idle")
        mouseClick(findChild(bar, "assistButton"))
        tryCompare(bar, "stateKey", "offline")
        verify(findChild(bar, "assistMessage").text.indexOf("service desk") >= 0)
        verify(findChild(bar, "assistButton").enabled) // never left grey
        mouseClick(findChild(bar, "assistButton"))
        tryCompare(bar, "stateKey", "offline")
    }

    function test_demoPanelPlacesCards() {
        var p = createTemporaryObject(demoC, testCase, { cards: ["居民身份证 · 张**", "港澳台居民居住证 · 陈**"] })
        var spy = createTemporaryObject(spyC, testCase, { target: p, signalName: "placeCard" })
        waitForRendering(p)
        mouseClick(findChild(p, "demoTab"))
        verify(p.open)
        waitForRendering(p)
        mouseClick(findChild(p, "demoCard1"))
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], 1)
    }

    function test_elderlyModeEnlargesTargetsAndText() {
        var normal = createTemporaryObject(buttonC, testCase)
        var normalHeight = normal.height
        var normalFont = normal.font.pixelSize
        Theme.elderly = true
        verify(normal.height > normalHeight)
        verify(normal.font.pixelSize > normalFont)
        verify(Theme.bodySize >= 24)  // ≥ 18 pt at the kiosk's 96 dpi
        verify(Theme.titleSize >= 40) // ≥ 30 pt
        compare(normal.Accessible.name, "继续办理")
    }

    // WCAG relative luminance contrast of the theme's text/background pairs.
    function luminance(c) {
        function ch(v) { return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4) }
        return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)
    }
    function contrast(a, b) {
        var la = luminance(a), lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }
    function test_themeContrast_data() {
        return [
            { tag: "text", fg: Theme.text, bg: Theme.background },
            { tag: "secondary", fg: Theme.secondaryText, bg: Theme.background },
            { tag: "primary on background", fg: Theme.primary, bg: Theme.surface },
            { tag: "text on primary", fg: Theme.textOnPrimary, bg: Theme.primary },
            { tag: "warning", fg: Theme.warningText, bg: Theme.warningBackground },
            { tag: "error", fg: Theme.errorText, bg: Theme.background },
            { tag: "assist", fg: Theme.textOnPrimary, bg: Theme.assist },
        ]
    }
    function test_themeContrast(data) {
        var ratio = contrast(data.fg, data.bg)
        verify(ratio >= 4.5, data.tag + " contrast " + ratio.toFixed(2))
    }
}
