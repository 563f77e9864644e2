pragma Singleton
import QtQuick

// Sizes and colours for every screen. Elderly mode (长辈版) enlarges text and touch targets
// (DESIGN.md §11: body ≥ 18 pt, largest ≥ 30 pt, targets ≥ 60 dp, contrast ≥ 4.5:1).
QtObject {
    property bool elderly: false
    property string fontFamily: "Noto Sans CJK SC"

    readonly property int bodySize: elderly ? 34 : 26
    readonly property int smallSize: elderly ? 28 : 22
    readonly property int titleSize: elderly ? 56 : 44
    readonly property int headingSize: elderly ? 42 : 32
    readonly property int targetSize: elderly ? 104 : 80
    readonly property int spacing: elderly ? 28 : 20
    readonly property int margin: 40
    readonly property int radius: 14

    // Contrast on `background`: text 16:1, secondaryText 8.6:1, primary 6.9:1.
    readonly property color background: "#F7F9FC"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#14171A"
    readonly property color secondaryText: "#3D4650"
    readonly property color primary: "#0B4F9C"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color border: "#C5CED8"
    readonly property color warningBackground: "#FFF3E0"
    readonly property color warningText: "#6B3A00"
    readonly property color errorText: "#A1231B"
    readonly property color assist: "#0A6B3D"
}
