import QtQuick
import QtTest
import OneWindow.Screens
import OneWindow.Components

// The journey's screens and components with literal values: what they show, what they emit.
TestCase {
    id: testCase
    name: "Journey"
    width: 1080
    height: 1920
    visible: true
    when: windowShown

    Component { id: catalogC; CatalogScreen { width: 1080; height: 1500 } }
    Component { id: detailC; ItemDetailScreen { width: 1080; height: 1500 } }
    Component { id: consentC; ConsentScreen { width: 1080; height: 1500 } }
    Component { id: formC; FormScreen { width: 1080; height: 1500 } }
    Component { id: reviewC; ReviewScreen { width: 1080; height: 1500 } }
    Component { id: receiptC; ReceiptScreen { width: 1080; height: 1500 } }
    Component { id: ratingC; RatingScreen { width: 1080; height: 1500 } }
    Component { id: progressC; ProgressScreen { width: 1080; height: 1500 } }
    Component { id: busyC; BusyScreen { width: 1080; height: 1500 } }
    Component { id: padC; DigitPad { width: 600 } }
    Component { id: spyC; SignalSpy {} }

    function texts(item, out) {
        if (item.text !== undefined && typeof item.text === "string" && item.visible)
            out.push(item.text)
        for (var i = 0; i < item.children.length; ++i)
            texts(item.children[i], out)
        return out
    }
    function spy(target, signalName) {
        return createTemporaryObject(spyC, testCase, { target: target, signalName: signalName })
    }

    readonly property var fields: [
        { key: "name", label: "姓名", type: "text", required: true, readOnly: true, value: "张**",
          source: "来自：居民身份证", options: [], help: "", prompt: "" },
        { key: "address", label: "户籍地址", type: "text", required: true, readOnly: true, value: "北京市朝阳区****",
          source: "来自：居民户口簿 电子证照", options: [], help: "", prompt: "" },
        { key: "region", label: "迁出地", type: "region", required: true, readOnly: false, value: "",
          source: "", options: [], help: "", prompt: "" },
        { key: "phone", label: "联系电话", type: "phone", required: true, readOnly: false, value: "138",
          source: "", options: [], help: "用于接收短信", prompt: "" },
        { key: "purpose", label: "证明用途", type: "select", required: true, readOnly: false, value: "",
          source: "", options: [{ value: "job", label: "就业" }, { value: "school", label: "入学" }], help: "", prompt: "" },
        { key: "mail", label: "邮寄到家", type: "checkbox", required: false, readOnly: false, value: "",
          source: "", options: [], help: "", prompt: "" },
    ]

    // Issue 19 item 8: a Hong Kong permit holder's phone field starts on +852; the number is
    // typed on the digit pad by taps and shown formatted; another region is one tap away.
    function test_phoneFieldPickerAndDigitPad() {
        var f = [{ key: "phone", label: "聯絡電話", type: "phone", required: true, readOnly: false, value: "",
                   source: "", options: [], help: "", prompt: "", phoneRegion: "HK",
                   phoneRegions: [{ code: "CN", label: "+86 中國內地" }, { code: "HK", label: "+852 香港" },
                                  { code: "MO", label: "+853 澳門" }, { code: "TW", label: "+886 台灣" },
                                  { code: "ZZ", label: "其他國家或地區（+ 代碼）" }] }]
        var s = createTemporaryObject(formC, testCase, { itemName: "x", fields: f, errors: {}, materials: [] })
        waitForRendering(s)
        var field = findChild(s, "field_phone")
        verify(findChild(field, "region_HK").primary)
        verify(!findChild(field, "region_CN").primary)
        var edited = spy(s, "valueEdited")
        var digits = "91234567"
        for (var i = 0; i < digits.length; ++i)
            mouseClick(findChild(field, "digit_" + digits[i]))
        compare(edited.count, 8)
        compare(edited.signalArguments[7][1], "91234567")
        compare(findChild(field, "digits").text, "91234567")
        s.phones = { phone: { display: "+852 9123 4567", region: "HK", valid: true } }
        compare(findChild(field, "digits").text, "+852 9123 4567")
        var chosen = spy(s, "phoneRegionChosen")
        mouseClick(findChild(field, "region_MO"))
        compare(chosen.count, 1)
        compare(chosen.signalArguments[0][0], "phone")
        compare(chosen.signalArguments[0][1], "MO")
        s.phones = { phone: { display: "91234567", region: "MO", valid: false } }
        verify(findChild(field, "region_MO").primary)
        verify(!findChild(field, "region_HK").primary)
    }

    function test_catalogListsAndEmits() {
        var s = createTemporaryObject(catalogC, testCase, {
            categories: [{ key: "huji", name: "户籍" }, { key: "shebao", name: "社保" }], category: "huji",
            items: [{ code: "A1", name: "户籍证明开具", department: "区公安分局", selfService: true }]
        })
        var all = texts(s, []).join("|")
        verify(all.indexOf("户籍证明开具") >= 0, all)
        verify(!findChild(s, "noResults").visible)
        var chosen = spy(s, "itemChosen")
        findChild(s, "item_0").clicked()
        compare(chosen.count, 1)
        compare(chosen.signalArguments[0][0], "A1")
        var cat = spy(s, "categoryChosen")
        findChild(s, "category_shebao").clicked()
        compare(cat.signalArguments[0][0], "shebao")
        s.items = []
        verify(findChild(s, "noResults").visible)
    }

    function test_detailSaysWhereToGoWhenNotAtTheKiosk() {
        var s = createTemporaryObject(detailC, testCase, {
            item: { name: "不动产转移登记", department: "不动产登记中心", selfService: false,
                    whereInstead: "请到二层 5–8 号窗口", materials: [{ name: "不动产权证书", required: true, acceptsLicense: true }] }
        })
        verify(findChild(s, "notAtKiosk").visible)
        verify(!findChild(s, "startButton").visible)
        verify(texts(s, []).join("|").indexOf("请到二层 5–8 号窗口") >= 0)
        s.item = { name: "户籍证明", selfService: true, materials: [] }
        verify(!findChild(s, "notAtKiosk").visible)
        verify(findChild(s, "startButton").visible)
    }

    function test_consentShowsVersionAndEmits() {
        var s = createTemporaryObject(consentC, testCase, { textVersion: "pipl-notice-2026.1" })
        verify(texts(s, []).join("|").indexOf("pipl-notice-2026.1") >= 0)
        var ok = spy(s, "accepted"), no = spy(s, "declined")
        findChild(s, "acceptButton").clicked()
        findChild(s, "declineButton").clicked()
        compare(ok.count, 1)
        compare(no.count, 1)
    }

    function test_formRendersEveryKindOfField() {
        var s = createTemporaryObject(formC, testCase, {
            itemName: "户籍证明开具", fields: testCase.fields, errors: { region: "请填写此项" },
            materials: [{ name: "居民户口簿", mode: "license", status: "已引用电子证照，免提交" },
                        { name: "迁移证明", mode: "counter", status: "请到窗口提交纸质材料" }]
        })
        var name = findChild(s, "field_name")
        verify(name)
        compare(findChild(name, "source").text, "来自：居民身份证")
        verify(!findChild(name, "input").visible)  // read-only: no editor
        var wrong = spy(s, "wrongFieldReported")
        findChild(name, "wrongDataButton").clicked()
        compare(wrong.count, 1)
        compare(wrong.signalArguments[0][0], "name") // the field's key goes to the staff call
        // The shown problem belongs to its field only.
        compare(findChild(findChild(s, "field_region"), "error").text, "请填写此项")
        verify(!findChild(findChild(s, "field_phone"), "error").visible)
        // Digit pad appends, select and checkbox emit their value.
        var edited = spy(s, "valueEdited")
        findChild(findChild(s, "field_phone"), "digit_5").clicked()
        compare(edited.signalArguments[0][0], "phone")
        compare(edited.signalArguments[0][1], "1385")
        findChild(findChild(s, "field_purpose"), "option_school").clicked()
        compare(edited.signalArguments[1][1], "school")
        findChild(findChild(s, "field_mail"), "checkbox").toggle()
        findChild(findChild(s, "field_mail"), "checkbox").toggled()
        compare(edited.signalArguments[2][1], "true")
        var all = texts(s, []).join("|")
        verify(all.indexOf("已引用电子证照，免提交") >= 0)
        verify(all.indexOf("请到窗口提交纸质材料") >= 0)
    }

    function test_digitPadKeepsTheLimit() {
        var pad = createTemporaryObject(padC, testCase, { value: "12", maxLength: 2 })
        var edited = spy(pad, "edited")
        findChild(pad, "digit_3").clicked()
        compare(edited.count, 0)
        findChild(pad, "digit_back").clicked()
        compare(edited.signalArguments[0][0], "1")
    }

    function test_reviewShowsRowsAndMessage() {
        var s = createTemporaryObject(reviewC, testCase, {
            itemName: "户籍证明开具", rows: [{ label: "姓名", value: "张**" }], promisedLimit: "1 个工作日", fee: "不收费",
            message: ""
        })
        var all = texts(s, []).join("|")
        verify(all.indexOf("张**") >= 0 && all.indexOf("1 个工作日") >= 0 && all.indexOf("不收费") >= 0, all)
        verify(!findChild(s, "message").visible)
        s.message = "未能保存"
        verify(findChild(s, "message").visible)
        var submit = spy(s, "submitRequested")
        findChild(s, "submitButton").clicked()
        compare(submit.count, 1)
    }

    function test_receiptShowsCodeAndPendingState() {
        var s = createTemporaryObject(receiptC, testCase, {
            itemName: "户籍证明开具", queryCode: "AB12CD34EF", stateText: "待提交", acknowledged: false,
            message: "已保存，网络恢复后自动提交", qrSource: ""
        })
        var all = texts(s, []).join("|")
        verify(all.indexOf("AB12CD34EF") >= 0 && all.indexOf("待提交") >= 0)
        verify(findChild(s, "message").visible)
        s.acknowledged = true
        s.stateText = "已提交"
        verify(!findChild(s, "message").visible)
        verify(texts(s, []).join("|").indexOf("已提交") >= 0)
    }

    function test_ratingHasNoPreselectionAndAsksWhyOnlyWhenBad() {
        var s = createTemporaryObject(ratingC, testCase)
        compare(s.level, 0)
        verify(!findChild(s, "sendRatingButton").enabled)
        for (var l = 1; l <= 5; ++l)
            verify(!findChild(s, "level_" + l).primary, "level " + l + " preselected")
        findChild(s, "level_2").clicked()
        verify(!findChild(s, "indicator_501").visible)
        verify(!findChild(s, "comment").visible)
        findChild(s, "level_5").clicked()
        verify(findChild(s, "indicator_501").visible)
        verify(findChild(s, "comment").visible)
        findChild(s, "indicator_502").clicked()
        var rated = spy(s, "rated")
        findChild(s, "sendRatingButton").clicked()
        compare(rated.count, 1)
        compare(rated.signalArguments[0][0], 5)
        compare(rated.signalArguments[0][1], ["502"])
        compare(rated.signalArguments[0][3], false)
    }

    function test_progressShowsEntriesAndOfflineNote() {
        var s = createTemporaryObject(progressC, testCase, {
            entries: [{ queryCode: "AB12CD34EF", itemName: "户籍证明开具", state: "已保存在本机，待提交" }],
            note: "本机暂时离线"
        })
        var all = texts(s, []).join("|")
        verify(all.indexOf("AB12CD34EF") >= 0 && all.indexOf("本机暂时离线") >= 0, all)
        var lookup = spy(s, "lookupByCode")
        findChild(s, "lookupButton").clicked()
        compare(lookup.count, 1)
    }

    function test_busyScreenSaysWhatHappens() {
        var s = createTemporaryObject(busyC, testCase, { text: "正在保存您的申请…" })
        verify(texts(s, []).join("|").indexOf("正在保存您的申请…") >= 0)
    }
}
