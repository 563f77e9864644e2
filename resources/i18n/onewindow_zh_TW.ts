<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AssistBar</name>
    <message>
        <source>Staff have been called and will be with you shortly.</source>
        <translation>已通知工作人員，請稍候，馬上為您服務。</translation>
    </message>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation>需要協助？工作人員可以陪您一起辦理。</translation>
    </message>
    <message>
        <source>Ask staff for help</source>
        <translation>人工幫辦</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Welcome</source>
        <translation>歡迎使用自助服務</translation>
    </message>
    <message>
        <source>Place your ID card on the reader below</source>
        <translation>請將證件放在下方讀卡區</translation>
    </message>
    <message>
        <source>Accepted: resident ID card, residence permit for Hong Kong, Macao and Taiwan residents, foreign permanent resident ID card.</source>
        <translation>可使用：居民身分證、港澳台居民居住證、外國人永久居留身分證。</translation>
    </message>
</context>
<context>
    <name>CardErrorScreen</name>
    <message>
        <source>Back to start</source>
        <translation>返回首頁</translation>
    </message>
</context>
<context>
    <name>DemoController</name>
    <message>
        <source>expired</source>
        <translation>已過期</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Demo card panel</source>
        <translation>演示讀卡面板</translation>
    </message>
    <message>
        <source>Demo: simulated card reader</source>
        <translation>演示：模擬讀卡器</translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation>取走證件</translation>
    </message>
    <message>
        <source>Next read fails</source>
        <translation>下次讀卡失敗</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>Card read. Please check that this is you.</source>
        <translation>讀卡成功，請核對是否為本人證件。</translation>
    </message>
    <message>
        <source>Photo not shown</source>
        <translation>不顯示照片</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>證件類型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>證件號碼</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期限</translation>
    </message>
    <message>
        <source>Your information stays on this kiosk only while you are here and is cleared when you leave.</source>
        <translation>您的資料僅在本次辦理期間保留在本機，離開後即被清除。</translation>
    </message>
    <message>
        <source>Finish and clear my information</source>
        <translation>結束辦理並清除我的資料</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message numerus="yes">
        <source>Are you still there? In %n second(s) this session ends and your information is cleared.</source>
        <translation>
            <numerusform>您還在嗎？%n 秒後將結束辦理並清除您的資料。</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>繼續辦理</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>24-hour government self-service</source>
        <translation>24小時政務自助服務</translation>
    </message>
    <message>
        <source>Standard view</source>
        <translation>標準版</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>長輩版</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>This kiosk is temporarily out of service</source>
        <translation>本機暫停服務</translation>
    </message>
    <message>
        <source>Please use another kiosk or go to a service counter. We are sorry for the inconvenience.</source>
        <translation>請使用其他自助終端或前往服務窗口辦理，造成不便，敬請見諒。</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Reading your card. Please do not move it.</source>
        <translation>正在讀取證件，請勿移動證件。</translation>
    </message>
</context>
<context>
    <name>ResidentMessages</name>
    <message>
        <source>Resident ID card</source>
        <translation>居民身分證</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation>港澳台居民居住證</translation>
    </message>
    <message>
        <source>Foreign permanent resident ID card</source>
        <translation>外國人永久居留身分證</translation>
    </message>
    <message>
        <source>The card was moved before reading finished</source>
        <translation>讀卡未完成，證件已被移開</translation>
    </message>
    <message>
        <source>The card could not be read completely</source>
        <translation>證件未能完整讀取</translation>
    </message>
    <message>
        <source>This card cannot be recognised</source>
        <translation>無法識別此證件</translation>
    </message>
    <message>
        <source>This kind of card is not supported here</source>
        <translation>本機暫不支援此類證件</translation>
    </message>
    <message>
        <source>The card data could not be verified</source>
        <translation>證件資料校驗未通過</translation>
    </message>
    <message>
        <source>Reading took too long</source>
        <translation>讀卡逾時</translation>
    </message>
    <message>
        <source>The card reader is not working right now</source>
        <translation>讀卡器暫時無法使用</translation>
    </message>
    <message>
        <source>Please place the card flat on the reader again and keep it still until you hear the tone.</source>
        <translation>請將證件重新平放在讀卡區，聽到提示音前請勿移動。</translation>
    </message>
    <message>
        <source>Please use a resident ID card, a residence permit for Hong Kong, Macao and Taiwan residents, or a foreign permanent resident ID card. Staff can help you at the counter.</source>
        <translation>請使用居民身分證、港澳台居民居住證或外國人永久居留身分證。也可到服務窗口由工作人員為您辦理。</translation>
    </message>
    <message>
        <source>Please try once more. If it still fails, staff at the counter will help you.</source>
        <translation>請再試一次。如仍無法讀取，請到服務窗口由工作人員協助。</translation>
    </message>
    <message>
        <source>Nothing you entered has been lost. Please ask staff for help, or use another kiosk.</source>
        <translation>您已填寫的內容不會遺失。請聯絡工作人員，或使用其他自助終端。</translation>
    </message>
    <message>
        <source>This card expired on %1. Some services need a valid card; staff can advise you.</source>
        <translation>此證件已於 %1 過期。部分業務需要有效證件，可諮詢工作人員。</translation>
    </message>
    <message>
        <source>This card is valid only from %1.</source>
        <translation>此證件自 %1 起生效。</translation>
    </message>
    <message>
        <source>long-term</source>
        <translation>長期</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未說明</translation>
    </message>
</context>
</TS>
