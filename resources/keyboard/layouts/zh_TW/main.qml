import "../common"

// zh_TW: pinyin letters; see common/PinyinMainLayout.qml.
PinyinMainLayout {}
