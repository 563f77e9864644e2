import "../common"

DigitsLayout {}
