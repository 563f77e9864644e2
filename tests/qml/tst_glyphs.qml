import QtQuick
import QtTest
import OneWindow.Theme

// Rare characters in names render with the installed fonts (fonts-noto-cjk through
// Theme.fontFamily and Qt's fallback), not as the "missing glyph" box: 𠮷 (U+20BB7, outside the
// BMP, a surrogate pair in QML) and 䶮 (U+4DAE, CJK extension A). The box itself is what
// Private Use Area code points get (no font has them): that is why those names get the 生僻字
// hint instead (issue 16, finding 8).
TestCase {
    id: testCase
    name: "Glyphs"
    width: 400
    height: 200
    visible: true
    when: windowShown

    Component {
        id: glyphC
        Rectangle {
            property alias text: label.text
            width: 96
            height: 110
            color: "white"
            Text {
                id: label
                anchors.centerIn: parent
                font.family: Theme.fontFamily
                font.pixelSize: 72
                color: "black"
            }
        }
    }

    function render(text) {
        var item = createTemporaryObject(glyphC, testCase, { text: text })
        verify(item)
        waitForRendering(item)
        return grabImage(item)
    }

    // How many pixels are not white: blank glyphs have none.
    function inked(image) {
        var n = 0
        for (var y = 0; y < image.height; y += 2)
            for (var x = 0; x < image.width; x += 2)
                if (image.red(x, y) < 128)
                    ++n
        return n
    }

    function test_rareCharactersHaveGlyphs_data() {
        return [
            { tag: "U+20BB7 𠮷 (outside the BMP)", text: String.fromCodePoint(0x20BB7) },
            { tag: "U+4DAE 䶮 (extension A)", text: "\u4DAE" },
            { tag: "U+5F20 张 (common, a control)", text: "\u5F20" },
        ]
    }

    function test_rareCharactersHaveGlyphs(data) {
        // Two code points no font has draw the same box: that is the "missing" picture.
        var box = render("\uE4C6")
        var otherMissing = render(String.fromCodePoint(0x10FFFD))
        verify(box.equals(otherMissing), "missing code points should draw one and the same box")
        verify(inked(box) > 0, "the missing-glyph box should be visible")
        var glyph = render(data.text)
        verify(inked(glyph) > 0, "nothing drawn for " + data.tag)
        verify(!glyph.equals(box), data.tag + " renders as the missing-glyph box")
    }

    function test_surrogatePairIsOneCharacter() {
        // 𠮷 is two UTF-16 units in QML but one glyph: as wide as a BMP ideograph, not two boxes.
        var t = Qt.createQmlObject('import QtQuick; import OneWindow.Theme; Text { font.family: Theme.fontFamily; font.pixelSize: 72 }', testCase)
        t.text = String.fromCodePoint(0x20BB7)
        var rare = t.contentWidth
        t.text = "\u5F20"
        var common = t.contentWidth
        t.destroy()
        verify(Math.abs(rare - common) < 4, "𠮷 is " + rare + " px wide, 张 " + common)
    }
}
