import QtQuick
import QtTest
import OneWindow.Screens

TestCase {
    id: testCase
    name: "Screens"
    width: 1080
    height: 1920
    visible: true
    when: windowShown

    Component { id: identityC; IdentityScreen { width: 1080; height: 1500 } }
    Component { id: errorC; CardErrorScreen { width: 1080; height: 1500 } }
    Component { id: attractC; AttractScreen { width: 1080; height: 1500 } }
    Component { id: readingC; ReadingScreen { width: 1080; height: 1500 } }
    Component { id: outC; OutOfServiceScreen { width: 1080; height: 1500 } }
    Component { id: spyC; SignalSpy {} }

    function texts(item, out) {
        if (item.text !== undefined && typeof item.text === "string" && item.visible)
            out.push(item.text)
        for (var i = 0; i < item.children.length; ++i)
            texts(item.children[i], out)
        return out
    }

    function test_identityShowsWhatItIsGiven() {
        var s = createTemporaryObject(identityC, testCase, {
            documentType: "居民身份证", maskedName: "张**", maskedIdNumber: "110***********0029",
            sex: "女", validity: "2016.03.01 – 长期", notices: []
        })
        verify(s)
        var all = texts(s, []).join("|")
        verify(all.indexOf("张**") >= 0, all)
        verify(all.indexOf("110***********0029") >= 0)
        verify(all.indexOf("2016.03.01 – 长期") >= 0)
        // No English name given: its row is hidden.
        verify(all.indexOf("English name") < 0)
        compare(findChild(s, "notice"), null)
    }

    function test_identityShowsNotices() {
        var s = createTemporaryObject(identityC, testCase, {
            maskedName: "王**", maskedIdNumber: "440***********0033",
            expired: true, notices: ["This card expired on 2026.07.15."]
        })
        var all = texts(s, []).join("|")
        verify(all.indexOf("This card expired on 2026.07.15.") >= 0)
        verify(findChild(s, "notice") !== null)
    }

    function test_identityRareCharacterHint() {
        // A name with a Private Use Area character: the masked form and a 生僻字 tag by it.
        var s = createTemporaryObject(identityC, testCase, { maskedName: "***", nameHasRareCharacter: true })
        var tag = findChild(s, "rareCharacterTag")
        verify(tag)
        verify(tag.visible)
        verify(tag.text.length > 0)
        verify(tag.Accessible.name.length > 0)
        var all = texts(s, []).join("|")
        verify(all.indexOf("***") >= 0, all)
        var plain = createTemporaryObject(identityC, testCase, { maskedName: "张**" })
        verify(!findChild(plain, "rareCharacterTag").visible)
    }

    function test_identityFinishButton() {
        var s = createTemporaryObject(identityC, testCase, { maskedName: "张*" })
        var spy = createTemporaryObject(spyC, testCase, { target: s, signalName: "finished" })
        var button = findChild(s, "finishButton")
        verify(button)
        waitForRendering(s)
        mouseClick(button)
        compare(spy.count, 1)
    }

    function test_errorScreen() {
        var s = createTemporaryObject(errorC, testCase, { title: "读卡未完成", hint: "请重新放置" })
        compare(findChild(s, "errorTitle").text, "读卡未完成")
        compare(findChild(s, "errorHint").text, "请重新放置")
        var spy = createTemporaryObject(spyC, testCase, { target: s, signalName: "dismissed" })
        waitForRendering(s)
        mouseClick(findChild(s, "backButton"))
        compare(spy.count, 1)
    }

    function test_staticScreensHaveTheirNames() {
        compare(createTemporaryObject(attractC, testCase).objectName, "attractScreen")
        compare(createTemporaryObject(readingC, testCase).objectName, "readingScreen")
        compare(createTemporaryObject(outC, testCase).objectName, "outOfServiceScreen")
        var attract = createTemporaryObject(attractC, testCase)
        verify(findChild(attract, "attractHint").text.length > 0)
        var reading = createTemporaryObject(readingC, testCase)
        verify(findChild(reading, "readingMessage").text.indexOf("move") >= 0)
    }
}
