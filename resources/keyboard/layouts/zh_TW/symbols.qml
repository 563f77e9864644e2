import "../common"

PinyinSymbolsLayout {}
