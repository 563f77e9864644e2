import "../common"

// zh_CN: pinyin letters; see common/PinyinMainLayout.qml.
PinyinMainLayout {}
