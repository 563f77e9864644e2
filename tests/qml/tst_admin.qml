import QtQuick
import QtTest
import OneWindow.Admin

// Admin mode's QML (qml/admin): the PIN pad and every page, against plain QtObject stand-ins
// for AdminEntry and AdminPages (their C++ is tested in tests/unit/app/adminui and end to end
// in tests/e2e/tst_admin.cpp). Presentation only: what is shown, what a tap calls.
TestCase {
    id: testCase
    name: "Admin"
    width: 1080
    height: 1920
    visible: true
    when: windowShown

    QtObject {
        id: fakeEntry
        property string stage: "pin"
        property var pinDigits: [3, 1, 4, 5, 9, 2, 6, 8, 7, 0]
        property int pinLength: 0
        property string pinMessage: ""
        property bool pinBusy: false
        property bool locked: false
        property var pressed: []
        property int submits: 0
        property int erases: 0
        property int cancels: 0
        property int logouts: 0
        function pressDigit(d) { pressed.push(d); pinLength++ }
        function erase() { erases++; pinLength = Math.max(0, pinLength - 1) }
        function submitPin() { submits++ }
        function cancel() { cancels++ }
        function logout() { logouts++ }
        function touch() {}
    }

    QtObject {
        id: fakeConfig
        property var fields: [
            { key: "hub/url", label: "Hub URL", kind: "text", value: "http://bad", options: [], error: "The hub URL must start with https:// and name a host.", changed: true },
            { key: "ui/default_language", label: "Default language", kind: "choice", value: "en", options: ["zh_CN", "zh_TW", "en"], error: "", changed: false },
            { key: "ui/elderly_default", label: "Elderly mode by default", kind: "bool", value: "false", options: [], error: "", changed: false }
        ]
        property bool dirty: true
        property bool valid: false
        property var set: ({})
        function setValue(k, v) { set[k] = v }
        function revert() {}
    }

    QtObject {
        id: fakeAdmin
        property string page: "readers"
        property var readers: [
            { name: "ACS ACR39U", backend: "pcsc", status: "ready", capabilities: "identity", detail: "" },
            { name: "USB SAM", backend: "serial", status: "failed", capabilities: "", detail: "port lost" }
        ]
        property string testReadResult: "ACS ACR39U: read 张*, 110***********0029 (400 ms after arming)"
        property bool testReadArmed: false
        property var queue: ({ byState: { QUEUED: 2, REJECTED: 1 }, pending: 2, oldest: "3 min ago", paused: false })
        property var rejectedItems: [{ queryCode: "QC123456", service: "SB-001", applicant: "张*", reason: "material missing" }]
        property var sync: ({ configured: true, online: false, paused: false, queueDepth: 2, clockOffsetMs: 120,
                             lastError: "connect timeout", streams: [{ label: "heartbeat", value: "2 min ago", status: "ok" }] })
        property var deviceRows: [{ label: "version", value: "0.1.0", status: "ok" }, { label: "databases.outbox.ok", value: "no", status: "fail" }]
        property var healthChecks: [{ name: "reader_thread", status: "ok", detail: "" }, { name: "disk", status: "warn", detail: "420 MB free" }]
        property var logLines: ["02:00:00 I onewindow.sync: heartbeat ok", "02:00:01 W onewindow.reader: card moved"]
        property var exportTargets: ["/media/usb0"]
        property var config: fakeConfig
        property bool outOfService: false
        property bool exitAllowed: false
        property bool busy: false
        property string message: ""
        property int armed: 0
        property int retries: 0
        property int syncs: 0
        property var exports: []
        property var outOfServiceCalls: []
        function armTestRead() { armed++ }
        function retryQueueNow() { retries++ }
        function exportRejected(d) {}
        function syncNow() { syncs++ }
        function exportBundle(d) { exports.push(d) }
        function saveConfig() {}
        function setOutOfService(on) { outOfServiceCalls.push(on); outOfService = on }
        function restartKiosk() {}
        function exitToDesktop() {}
        function refresh() {}
    }

    Component { id: overlayC; AdminOverlay { width: 1080; height: 1920; entry: fakeEntry; admin: fakeAdmin } }

    function texts(item, out) {
        if (item.text !== undefined && typeof item.text === "string" && item.visible)
            out.push(item.text)
        for (var i = 0; i < item.children.length; ++i)
            texts(item.children[i], out)
        return out
    }

    function init() {
        fakeEntry.stage = "pin"
        fakeEntry.pinLength = 0
        fakeEntry.pressed = []
        fakeAdmin.page = "readers"
    }

    function test_pinPadShowsTheShuffledDigitsAndSendsThem() {
        var o = createTemporaryObject(overlayC, testCase)
        waitForRendering(o)
        // Every digit once, in the order the entry gave.
        for (var d = 0; d < 10; ++d)
            verify(findChild(o, "pinDigit" + d), "digit " + d)
        mouseClick(findChild(o, "pinDigit4"))
        mouseClick(findChild(o, "pinDigit8"))
        compare(fakeEntry.pressed, [4, 8])
        compare(findChild(o, "pinDots").text, "●●○○○○")
        // OK stays disabled until six digits.
        verify(!findChild(o, "pinSubmit").enabled)
        fakeEntry.pinLength = 6
        verify(findChild(o, "pinSubmit").enabled)
        mouseClick(findChild(o, "pinSubmit"))
        compare(fakeEntry.submits, 1)
        mouseClick(findChild(o, "pinErase"))
        compare(fakeEntry.erases, 1)
    }

    function test_lockedPadRefusesDigits() {
        fakeEntry.locked = true
        fakeEntry.pinMessage = "Too many wrong PINs. Admin mode is locked until 10:15."
        var o = createTemporaryObject(overlayC, testCase)
        waitForRendering(o)
        verify(!findChild(o, "pinDigit1").enabled)
        verify(texts(o, []).join("|").indexOf("locked until 10:15") >= 0)
        fakeEntry.locked = false
        fakeEntry.pinMessage = ""
    }

    function test_closedShowsNothing() {
        fakeEntry.stage = "closed"
        var o = createTemporaryObject(overlayC, testCase)
        verify(!o.visible)
    }

    function test_readersPage() {
        fakeEntry.stage = "open"
        var o = createTemporaryObject(overlayC, testCase)
        waitForRendering(o)
        var all = texts(o, []).join("|")
        verify(all.indexOf("ACS ACR39U (pcsc)") >= 0, all)
        verify(all.indexOf("port lost") >= 0)
        verify(all.indexOf("110***********0029") >= 0)
        mouseClick(findChild(o, "testReadButton"))
        compare(fakeAdmin.armed, 1)
        mouseClick(findChild(o, "adminLogout"))
        compare(fakeEntry.logouts, 1)
    }

    function test_tabsSwitchPages() {
        fakeEntry.stage = "open"
        var o = createTemporaryObject(overlayC, testCase)
        waitForRendering(o)
        var pages = { queue: "adminQueuePage", sync: "adminSyncPage", device: "adminDevicePage",
                      logs: "adminLogsPage", config: "adminConfigPage", readers: "adminReadersPage" }
        for (var key in pages) {
            mouseClick(findChild(o, "adminTab_" + key))
            compare(fakeAdmin.page, key)
            tryVerify(function () { return findChild(o, pages[key]) !== null }, 2000, key)
        }
    }

    function test_queuePage() {
        fakeEntry.stage = "open"
        fakeAdmin.page = "queue"
        var o = createTemporaryObject(overlayC, testCase)
        waitForRendering(o)
        var all = texts(o, []).join("|")
        verify(all.indexOf("QC123456  SB-001") >= 0, all)
        verify(all.indexOf("material missing") >= 0)
        verify(all.indexOf("3 min ago") >= 0)
        mouseClick(findChild(o, "retryNowButton"))
        compare(fakeAdmin.retries, 1)
    }

    function test_syncPage() {
        fakeEntry.stage = "open"
        fakeAdmin.page = "sync"
        var o = createTemporaryObject(overlayC, testCase)
        waitForRendering(o)
        var all = texts(o, []).join("|")
        verify(all.indexOf("connect timeout") >= 0, all)
        verify(all.indexOf("2 min ago") >= 0)
        mouseClick(findChild(o, "syncNowButton"))
        compare(fakeAdmin.syncs, 1)
    }

    function test_devicePage() {
        fakeEntry.stage = "open"
        fakeAdmin.page = "device"
        var o = createTemporaryObject(overlayC, testCase)
        waitForRendering(o)
        var all = texts(o, []).join("|")
        verify(all.indexOf("420 MB free") >= 0, all)
        verify(all.indexOf("databases.outbox.ok") >= 0)
    }

    function test_logsPageExportsToTheStick() {
        fakeEntry.stage = "open"
        fakeAdmin.page = "logs"
        var o = createTemporaryObject(overlayC, testCase)
        waitForRendering(o)
        var target = findChild(o, "exportTarget_0")
        verify(target)
        mouseClick(target)
        compare(fakeAdmin.exports, ["/media/usb0"])
        compare(findChild(o, "logLines").count, 2)
    }

    function test_configPageShowsErrorsAndSwitchesService() {
        fakeEntry.stage = "open"
        fakeAdmin.page = "config"
        var o = createTemporaryObject(overlayC, testCase)
        waitForRendering(o)
        var all = texts(o, []).join("|")
        verify(all.indexOf("The hub URL must start with https://") >= 0, all)
        verify(!findChild(o, "saveConfigButton").enabled) // invalid
        verify(!findChild(o, "exitButton").visible)      // not allowed here
        mouseClick(findChild(o, "outOfServiceSwitch"))
        compare(fakeAdmin.outOfServiceCalls, [true])
    }
}
