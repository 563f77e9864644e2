pragma Singleton
import QtQuick

// Sizes and colours for every screen. Elderly mode (长辈版) enlarges text and touch targets
// (DESIGN.md §11: body ≥ 18 pt, largest ≥ 30 pt, targets ≥ 60 dp, contrast ≥ 4.5:1).
QtObject {
    property bool elderly: false
    // High contrast (适老化/无障碍): light text on black, yellow accents; every pair ≥ 7:1.
    property bool highContrast: false
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
    readonly property color background: highContrast ? "#000000" : "#F7F9FC"
    readonly property color surface: highContrast ? "#000000" : "#FFFFFF"
    readonly property color text: highContrast ? "#FFFFFF" : "#14171A"
    readonly property color secondaryText: highContrast ? "#FFFF66" : "#3D4650"
    readonly property color primary: highContrast ? "#FFD400" : "#0B4F9C"
    readonly property color textOnPrimary: highContrast ? "#000000" : "#FFFFFF"
    readonly property color border: highContrast ? "#FFFFFF" : "#C5CED8"
    readonly property color warningBackground: highContrast ? "#000000" : "#FFF3E0"
    readonly property color warningText: highContrast ? "#FFD400" : "#6B3A00"
    readonly property color errorText: highContrast ? "#FF9E9E" : "#A1231B"
    readonly property color boundBackground: highContrast ? "#1A1A1A" : "#EEF2F7"
    readonly property color successText: highContrast ? "#7CFC9A" : "#0A6B3D"
    readonly property color textOnAssist: "#FFFFFF" // 6.9:1 on assist, in both palettes
    readonly property color assist: highContrast ? "#0A6B3D" : "#0A6B3D"
}
