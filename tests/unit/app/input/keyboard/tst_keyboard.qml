import QtQuick
import QtQuick.Controls
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import QtTest
import OneWindow.Theme
import OneWindow.Input

// Taps the on-screen keys (mouse clicks at the key centres, as a finger would) and checks what
// reaches the form field.
Item {
    id: root
    width: 1080
    height: 1920

    TextField {
        id: field
        x: 40; y: 40; width: 1000; height: 100
        font.pixelSize: 40
    }
    TextField {
        id: digitsField
        x: 40; y: 160; width: 1000; height: 100
        inputMethodHints: Qt.ImhDigitsOnly
    }
    KioskKeyboard {
        id: panel
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }

    SignalSpy { id: committedSpy; target: InputSession; signalName: "committed" }

    TestCase {
        id: test
        name: "PinyinKeyboard"
        when: windowShown

        readonly property var engine: InputContext.inputEngine
        readonly property var candidates: engine.wordCandidateListModel

        function layoutItem() { return panel.keyboard.keyboardLayoutLoader.item }

        function collectKeys(item, out) {
            for (var i = 0; i < item.children.length; ++i) {
                var child = item.children[i]
                if (child.keyType !== undefined)
                    out.push(child)
                else
                    collectKeys(child, out)
            }
            return out
        }
        function findKey(match) {
            var keys = collectKeys(layoutItem(), [])
            for (var i = 0; i < keys.length; ++i)
                if (match(keys[i]))
                    return keys[i]
            return null
        }
        function tap(key) {
            verify(key, "key present")
            var p = panel.mapFromItem(key, key.width / 2, key.height / 2)
            mousePress(panel, p.x, p.y)
            mouseRelease(panel, p.x, p.y)
            wait(1)
        }
        function tapText(text) {
            tap(findKey(function (k) { return k.text === text && k.keyType === QtVirtualKeyboard.KeyType.Key }))
        }
        function tapLetters(letters) {
            for (var i = 0; i < letters.length; ++i)
                tapText(letters[i])
        }
        function tapCandidate(index) {
            var view = panel.keyboard.wordCandidateView
            tryVerify(function () { return view.count > index })
            view.positionViewAtIndex(index, ListView.Contain)
            var item = view.itemAtIndex(index)
            verify(item, "candidate item")
            // The candidate bar slides in: tap only once the item has stopped moving.
            var p = panel.mapFromItem(item, item.width / 2, item.height / 2)
            tryVerify(function () {
                wait(20)
                var q = panel.mapFromItem(item, item.width / 2, item.height / 2)
                var still = q.x === p.x && q.y === p.y
                p = q
                return still
            })
            mouseClick(panel, p.x, p.y)
        }
        function chineseKey() { return findKey(function (k) { return k.objectName === "chineseEnglishKey" }) }

        function initTestCase() {
            compare(panel.locale, "zh_CN")
        }
        function init() {
            Theme.elderly = false
            panel.locale = "zh_CN"
            field.text = ""
            field.forceActiveFocus()
            tryVerify(function () { return String(panel.keyboard.layout).indexOf("zh_CN/main.qml") > 0 })
            wait(20) // the layout loader swaps the key items after the layout URL changes
            tryVerify(function () { return panel.active })
            tryVerify(function () { return layoutItem() !== null && chineseKey() !== null })
            if (engine.inputMode !== InputEngine.InputMode.Pinyin)
                tap(chineseKey())
            tryCompare(engine, "inputMode", InputEngine.InputMode.Pinyin)
            committedSpy.clear()
        }
        function cleanup() {
            InputSession.wipe()
        }

        function test_layoutIsOurs() {
            compare(VirtualKeyboardSettings.styleName, "onewindow")
            compare(panel.keyboard.locale, "zh_CN")
            verify(String(panel.keyboard.layout).indexOf("qrc:/onewindow/keyboard/layouts/zh_CN/main.qml") === 0,
                   panel.keyboard.layout)
            compare(chineseKey().displayText, "中")
        }

        function test_typesResidentIdCard() {
            tapLetters("juminshenfenzheng")
            compare(InputContext.preeditText, "ju min shen fen zheng") // shown underlined in the field
            compare(field.text, "") // nothing committed yet
            tryVerify(function () { return candidates.count > 1 })
            compare(candidates.data(candidates.index(0, 0), Qt.DisplayRole), "居民身份证")
            tapCandidate(0)
            tryCompare(field, "text", "居民身份证")
            compare(InputContext.preeditText, "")
            compare(committedSpy.count, 1)
            compare(committedSpy.signalArguments[0][0], "居民身份证")
            tryCompare(candidates, "count", 0)
        }

        function test_spaceCommitsBestAndPunctuationIsChinese() {
            tapLetters("beijing")
            tap(findKey(function (k) { return k.keyType === QtVirtualKeyboard.KeyType.SpaceKey }))
            tryCompare(field, "text", "北京")
            tapLetters("shi")
            compare(InputContext.preeditText, "shi")
            tapText("，") // a punctuation key ends the composition with the best candidate
            tryCompare(field, "text", "北京是，") // 是 ranks first for a lone "shi"
        }

        function test_pagingKeepsTargetsLarge() {
            tapLetters("shi")
            var view = panel.keyboard.wordCandidateView
            tryVerify(function () { return view.count === 7 }) // 6 candidates + "下一页 ›"
            compare(candidates.data(candidates.index(6, 0), Qt.DisplayRole), "下一页 ›")
            var firstPage = candidates.data(candidates.index(0, 0), Qt.DisplayRole)
            tapCandidate(6)
            tryCompare(candidates, "count", 8) // "‹ 上一页" + 6 + "下一页 ›"
            compare(candidates.data(candidates.index(0, 0), Qt.DisplayRole), "‹ 上一页")
            verify(candidates.data(candidates.index(1, 0), Qt.DisplayRole) !== firstPage)
            compare(InputContext.preeditText, "shi") // paging commits nothing
            compare(field.text, "")
            tapCandidate(0)
            tryCompare(candidates, "count", 7)
            compare(candidates.data(candidates.index(0, 0), Qt.DisplayRole), firstPage)
            for (var i = 0; i < view.count; ++i) {
                var item = view.itemAtIndex(i)
                if (item)
                    verify(item.height >= Theme.targetSize && item.width >= Theme.targetSize,
                           "candidate " + i + " " + item.width + "x" + item.height)
            }
        }

        function test_chineseEnglishSwitch() {
            tap(chineseKey())
            tryCompare(engine, "inputMode", InputEngine.InputMode.Latin)
            compare(chineseKey().displayText, "英")
            tapLetters("room")
            compare(field.text, "Room") // English keeps the keyboard's automatic capital
            compare(InputContext.preeditText, "")
            compare(candidates.count, 0)
            tap(chineseKey())
            tryCompare(engine, "inputMode", InputEngine.InputMode.Pinyin)
            compare(chineseKey().displayText, "中")
            tapLetters("hao")
            compare(InputContext.preeditText, "hao")
        }

        function test_switchingModeMidWordKeepsIt() {
            tapLetters("fuqin")
            tap(chineseKey())
            tryCompare(field, "text", "父亲")
        }

        function test_digitsAndSymbols() {
            tap(findKey(function (k) { return k.keyType === QtVirtualKeyboard.KeyType.SymbolModeKey }))
            tryVerify(function () { return findKey(function (k) { return k.text === "7" }) !== null })
            tapText("1"); tapText("0"); tapText("、"); tapText("（")
            compare(field.text, "10、（")
            tap(findKey(function (k) { return k.keyType === QtVirtualKeyboard.KeyType.SymbolModeKey }))
            tryVerify(function () { return chineseKey() !== null })
        }

        function test_digitsOnlyFieldGetsKeypad() {
            digitsField.forceActiveFocus()
            tryVerify(function () { return String(panel.keyboard.layout).indexOf("digits.qml") > 0 })
            tapText("8"); tapText("6")
            compare(digitsField.text, "86")
            digitsField.text = ""
        }

        function checkKeySizes(minHeight) {
            var keys = collectKeys(layoutItem(), [])
            verify(keys.length >= 30)
            for (var i = 0; i < keys.length; ++i) {
                if (keys[i].keyType === QtVirtualKeyboard.KeyType.FillerKey)
                    continue
                verify(keys[i].height >= minHeight, (keys[i].text || keys[i].displayText) + " height " + keys[i].height)
                verify(keys[i].width >= 60, (keys[i].text || keys[i].displayText) + " width " + keys[i].width)
            }
            return keys[0].height
        }

        function test_elderlyKeySizes() {
            var normal = checkKeySizes(80)
            Theme.elderly = true
            tryVerify(function () { return collectKeys(layoutItem(), [])[0].height >= 104 })
            var elderly = checkKeySizes(104) // DESIGN.md §11: targets ≥ 60; Theme.targetSize 104
            verify(elderly > normal)
            compare(panel.keyboard.style.keyFontSize, Theme.headingSize)
            compare(panel.keyboard.style.selectionListHeight, 104)
            tapLetters("jia")
            tryVerify(function () { return panel.keyboard.wordCandidateView.count > 0 })
            verify(panel.keyboard.wordCandidateView.height >= 104)
        }

        function test_wipeLeavesNothingToRecall() {
            tapLetters("wodemuqin")
            tryVerify(function () { return candidates.count > 0 })
            verify(InputContext.preeditText.length > 0)
            InputSession.wipe()
            compare(InputContext.preeditText, "")
            tryCompare(candidates, "count", 0)
            compare(field.text, "") // the composition was dropped, not committed
            compare(committedSpy.count, 0)
            // Backspace and space cannot bring anything back.
            tap(findKey(function (k) { return k.keyType === QtVirtualKeyboard.KeyType.BackspaceKey }))
            tap(findKey(function (k) { return k.keyType === QtVirtualKeyboard.KeyType.SpaceKey }))
            compare(candidates.count, 0)
            compare(field.text, " ")
            compare(committedSpy.count, 0)
            // A rare pick before the wipe does not rank first afterwards (learning off).
            field.text = ""
            tapLetters("ju")
            tryVerify(function () { return candidates.count > 3 })
            var usual = candidates.data(candidates.index(0, 0), Qt.DisplayRole)
            tapCandidate(3)
            var rare = committedSpy.signalArguments[0][0]
            verify(rare !== usual)
            InputSession.wipe()
            field.text = ""
            tapLetters("ju")
            tryVerify(function () { return candidates.count > 3 })
            compare(candidates.data(candidates.index(0, 0), Qt.DisplayRole), usual)
        }

        // Figures only (speed is never asserted): the time from a key tap (press + release
        // delivered to the keyboard) until the input method has updated the preedit and the
        // candidate model, measured on the GUI thread; rendering of the next frame excluded.
        // Screenshot for the docs: ONEWINDOW_INPUT_SCREENSHOT=/path/file.png.
        function test_perKeyLatencyFigures() {
            var phrases = ["beijingshichaoyangqu", "juminshenfenzheng", "youxianzerengongsi", "fuqin"]
            var times = []
            for (var round = 0; round < 5; ++round) {
                for (var p = 0; p < phrases.length; ++p) {
                    for (var i = 0; i < phrases[p].length; ++i) {
                        var key = findKey(function (k) { return k.text === phrases[p][i] })
                        var pos = panel.mapFromItem(key, key.width / 2, key.height / 2)
                        var start = Date.now()
                        mousePress(panel, pos.x, pos.y)
                        mouseRelease(panel, pos.x, pos.y)
                        var preedit = InputContext.preeditText
                        var first = candidates.count > 0 ? candidates.data(candidates.index(0, 0), Qt.DisplayRole) : ""
                        times.push(Date.now() - start)
                        verify(preedit.length > 0 && first.length > 0)
                    }
                    tap(findKey(function (k) { return k.keyType === QtVirtualKeyboard.KeyType.SpaceKey }))
                }
            }
            verify(field.text.indexOf("居民身份证") >= 0)
            times.sort(function (a, b) { return a - b })
            var sum = times.reduce(function (a, b) { return a + b }, 0)
            console.log("per-key latency through the keyboard over " + times.length + " taps: mean "
                        + (sum / times.length).toFixed(2) + " ms, p50 " + times[Math.floor(times.length * 0.5)]
                        + " ms, p95 " + times[Math.floor(times.length * 0.95)] + " ms, max "
                        + times[times.length - 1] + " ms")
            var shot = screenshotPath // context property set by tst_input_main.cpp
            if (shot !== "") {
                field.text = ""
                tapLetters("beijingshichaoyangqu")
                tryVerify(function () { return panel.keyboard.wordCandidateView.count > 0 })
                wait(100)
                grabImage(root).save(shot)
            }
        }

        function test_traditionalForZhTw() {
            panel.locale = "zh_TW"
            tryCompare(panel.keyboard, "locale", "zh_TW")
            tryVerify(function () { return String(panel.keyboard.layout).indexOf("zh_TW/main.qml") > 0 })
            wait(50) // the layout loader swaps the key items after the layout URL changes
            field.forceActiveFocus()
            tryVerify(function () { return chineseKey() !== null })
            if (engine.inputMode !== InputEngine.InputMode.Pinyin)
                tap(chineseKey())
            tapLetters("juminshenfenzheng")
            tryVerify(function () { return candidates.count > 0 })
            compare(candidates.data(candidates.index(0, 0), Qt.DisplayRole), "居民身份證")
            tapCandidate(0)
            tryCompare(field, "text", "居民身份證")
            panel.locale = "zh_CN"
            tryCompare(panel.keyboard, "locale", "zh_CN")
        }
    }
}
