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
