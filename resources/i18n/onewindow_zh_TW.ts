<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AdminEntry</name>
    <message>
        <source>No admin PIN is set on this kiosk. Set one with: onewindow-tool admin set-pin</source>
        <translation>本機尚未設定管理員密碼。請用 onewindow-tool admin set-pin 設定。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Admin mode is locked until %1.</source>
        <translation>密碼錯誤次數過多，管理模式已鎖定至 %1。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核驗…</translation>
    </message>
    <message>
        <source>Admin mode cannot open: %1</source>
        <translation>無法進入管理模式：%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before admin mode locks.</source>
        <translation>
            <numerusform>密碼錯誤。再錯 %n 次管理模式將鎖定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation>請重試。</translation>
    </message>
</context>
<context>
    <name>AdminOverlay</name>
    <message>
        <source>Admin mode</source>
        <translation>管理模式</translation>
    </message>
    <message>
        <source>Lock and leave</source>
        <translation>鎖定並退出</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>讀卡器</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>待發佇列</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>設備</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日誌</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>AdminPages</name>
    <message>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 分鐘前</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 小時前</translation>
    </message>
    <message>
        <source>Place a card on a reader.</source>
        <translation>請將證件放到讀卡器上。</translation>
    </message>
    <message>
        <source>%1: read %2, %3 (%4 ms after arming)</source>
        <translation>%1：讀到 %2，%3（開始測試後 %4 毫秒）</translation>
    </message>
    <message>
        <source>%1: read failed (%2)</source>
        <translation>%1：讀取失敗（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting item(s) will be sent now.</source>
        <translation>
            <numerusform>%n 件等待中的申請將立即發送。</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue could not be changed: see the logs.</source>
        <translation>無法修改佇列，請查看日誌。</translation>
    </message>
    <message>
        <source>Exported %1 item(s) to %2</source>
        <translation>已匯出 %1 件到 %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未設定</translation>
    </message>
    <message numerus="yes">
        <source>valid until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>有效期至 %1（剩餘 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>No hub is configured.</source>
        <translation>未設定中心平台。</translation>
    </message>
    <message>
        <source>Synchronisation started.</source>
        <translation>已開始同步。</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>診斷資訊</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Export is not available.</source>
        <translation>無法匯出。</translation>
    </message>
    <message>
        <source>Writing the diagnostics bundle…</source>
        <translation>正在寫入診斷包…</translation>
    </message>
    <message>
        <source>Diagnostics written to %1</source>
        <translation>診斷包已寫入 %1</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>沒有變更。</translation>
    </message>
    <message>
        <source>Saved. The changes apply when the kiosk restarts.</source>
        <translation>已儲存，重新啟動一體機後生效。</translation>
    </message>
    <message>
        <source>Leaving the kiosk is not allowed on this machine.</source>
        <translation>本機不允許退出自助終端。</translation>
    </message>
</context>
<context>
    <name>AssistBar</name>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation>需要協助？工作人員可以陪您一起辦理。</translation>
    </message>
    <message>
        <source>Ask staff for help</source>
        <translation>人工幫辦</translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation>再聽一遍</translation>
    </message>
</context>
<context>
    <name>AssistController</name>
    <message>
        <source>About %1 min.</source>
        <translation>約 %1 分鐘。</translation>
    </message>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation>需要協助？工作人員可以陪您一起辦理。</translation>
    </message>
    <message>
        <source>Calling a member of staff for you…</source>
        <translation>正在為您呼叫工作人員…</translation>
    </message>
    <message>
        <source>Your request has reached the staff. Someone will come to this kiosk.</source>
        <translation>工作人員已收到您的求助，稍後會到這台自助機前。</translation>
    </message>
    <message>
        <source>A member of staff is on the way to you.</source>
        <translation>工作人員正在趕來。</translation>
    </message>
    <message>
        <source>Staff have your request. You are number %1 in the queue.</source>
        <translation>工作人員已收到您的求助，您排在第 %1 位。</translation>
    </message>
    <message>
        <source>Staff cannot be called from this kiosk right now. Please go to the service desk.</source>
        <translation>這台自助機暫時無法呼叫工作人員，請到服務台查詢。</translation>
    </message>
    <message>
        <source>This hall takes help requests at the service desk. Please go to the service desk.</source>
        <translation>本大廳的人工協助在服務台受理，請到服務台查詢。</translation>
    </message>
    <message>
        <source>Your request could not be sent. Please press the button again, or go to the service desk.</source>
        <translation>求助未能發出。請再按一次按鈕，或到服務台查詢。</translation>
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
    <message>
        <source>Please take your card with you.</source>
        <translation>請取回您的證件</translation>
    </message>
</context>
<context>
    <name>CardAwayPrompt</name>
    <message>
        <source>Your card has been removed. To continue, put your card back on the reader, or finish.</source>
        <translation>證件已取走。繼續辦理請重新放置證件，或結束辦理</translation>
    </message>
    <message>
        <source>This is not the card this application was started with. Please put back your own card.</source>
        <translation>這不是開始辦理時使用的證件。請放回您本人的證件。</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Finish and clear my information</source>
        <translation>結束辦理並清除我的資料</translation>
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
    <name>CatalogScreen</name>
    <message>
        <source>What would you like to do?</source>
        <translation>請選擇您要辦理的業務</translation>
    </message>
    <message>
        <source>Search services</source>
        <translation>搜尋事項</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Nothing found. Try another word or ask the staff for help.</source>
        <translation>沒有找到相關事項。請換個詞試試，或請工作人員協助。</translation>
    </message>
    <message>
        <source>Check my applications</source>
        <translation>辦件查詢</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>結束辦理</translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <source>Hub URL</source>
        <translation>中心平台位址</translation>
    </message>
    <message>
        <source>Hub connect timeout (ms)</source>
        <translation>連線逾時（毫秒）</translation>
    </message>
    <message>
        <source>Hub request timeout (ms)</source>
        <translation>請求逾時（毫秒）</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>預設語言</translation>
    </message>
    <message>
        <source>Elderly mode by default</source>
        <translation>預設長輩版</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>回執印表機</translation>
    </message>
    <message>
        <source>Idle limit on the identity screen (s)</source>
        <translation>身分資訊頁無操作時限（秒）</translation>
    </message>
    <message>
        <source>Idle limit on forms (s)</source>
        <translation>填表頁無操作時限（秒）</translation>
    </message>
    <message>
        <source>This setting cannot be changed in admin mode.</source>
        <translation>此項不能在管理模式中修改。</translation>
    </message>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>請輸入 %1 到 %2 之間的整數。</translation>
    </message>
    <message>
        <source>The hub URL must start with https:// and name a host.</source>
        <translation>中心平台位址須以 https:// 開頭並包含主機名稱。</translation>
    </message>
    <message>
        <source>Choose zh_CN, zh_TW or en.</source>
        <translation>請選擇 zh_CN、zh_TW 或 en。</translation>
    </message>
    <message>
        <source>Choose on or off.</source>
        <translation>請選擇開或關。</translation>
    </message>
    <message>
        <source>Correct the marked settings first.</source>
        <translation>請先更正標出的設定。</translation>
    </message>
</context>
<context>
    <name>ConfigPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>復原變更</translation>
    </message>
    <message>
        <source>Restart the kiosk</source>
        <translation>重新啟動一體機</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>暫停服務</translation>
    </message>
    <message>
        <source>Exit to the desktop</source>
        <translation>退出到桌面</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>May we use your e-licences?</source>
        <translation>是否同意使用您的電子證照？</translation>
    </message>
    <message>
        <source>To fill in the form for you, this kiosk looks up the electronic licences registered to your ID number (for example your household register) and copies the needed entries into the form. Purpose: only this application. Data used: your name, ID number and the licence entries shown on the form. They are sent encrypted to the handling department and deleted from this kiosk within 72 hours after delivery. You may refuse: then you type the entries yourself and bring the paper documents to the counter.</source>
        <translation>為替您填寫表單，本機將按您的身分證號查詢您名下的電子證照（例如居民戶口簿），並把所需內容填入表單。用途：僅限本次辦理。使用的資訊：您的姓名、身分證號及表單中顯示的證照內容。資訊加密傳送至辦理部門，送達後 72 小時內從本機刪除。您可以拒絕：拒絕後請自行填寫，並到窗口提交紙本材料。</translation>
    </message>
    <message>
        <source>Notice version: %1</source>
        <translation>告知書版本：%1</translation>
    </message>
    <message>
        <source>No, I will type it</source>
        <translation>不同意，我自己填寫</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>同意</translation>
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
    <name>DevicePage</name>
    <message>
        <source>Health</source>
        <translation>運行狀態</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>設備</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
</context>
<context>
    <name>DigitPad</name>
    <message>
        <source>Delete last digit</source>
        <translation>刪除最後一位</translation>
    </message>
</context>
<context>
    <name>FormController</name>
    <message numerus="yes">
        <source>%n entry(ies) still to fill in</source>
        <translation>
            <numerusform>還有 %n 項需要填寫</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormFieldEditor</name>
    <message>
        <source>Wrong? Ask staff</source>
        <translation>資訊有誤，轉人工</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <source>Please check the form and fill in the missing entries.</source>
        <translation>請核對表單，並填寫空缺的內容。</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申請材料</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Next: check</source>
        <translation>下一步：核對</translation>
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
    <message>
        <source>Choose a service</source>
        <translation>辦理業務</translation>
    </message>
    <message>
        <source>Check my applications</source>
        <translation>辦件查詢</translation>
    </message>
    <message>
        <source>contains a rare character (生僻字)</source>
        <translation>含生僻字</translation>
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
    <name>ItemDetailScreen</name>
    <message>
        <source>This service cannot be completed at the kiosk.</source>
        <translation>本事項不能在自助終端辦理。</translation>
    </message>
    <message>
        <source>Who can apply</source>
        <translation>申請條件</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>承諾時限</translation>
    </message>
    <message>
        <source>Legal limit</source>
        <translation>法定時限</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>收費</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果領取</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>辦理窗口</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申請材料</translation>
    </message>
    <message>
        <source>(if applicable)</source>
        <translation>（如適用）</translation>
    </message>
    <message>
        <source>e-licence accepted</source>
        <translation>可用電子證照</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Apply now</source>
        <translation>開始辦理</translation>
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
    <message>
        <source>High contrast</source>
        <translation>高對比度</translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>Export a diagnostics bundle</source>
        <translation>匯出診斷包</translation>
    </message>
    <message>
        <source>Export to %1</source>
        <translation>匯出到 %1</translation>
    </message>
    <message>
        <source>No USB stick found. Insert one, or type a directory:</source>
        <translation>未找到隨身碟。請插入隨身碟，或輸入目錄：</translation>
    </message>
    <message>
        <source>Export directory</source>
        <translation>匯出目錄</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Recent log lines</source>
        <translation>最近日誌</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Looking up your e-licences…</source>
        <translation>正在查詢您的電子證照…</translation>
    </message>
    <message>
        <source>Saving your application…</source>
        <translation>正在儲存您的申請…</translation>
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
    <name>PhoneFields</name>
    <message>
        <source>Mainland China</source>
        <translation>中國內地</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Macao</source>
        <translation>澳門</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>台灣</translation>
    </message>
    <message>
        <source>Other country or region (+ code)</source>
        <translation>其他國家或地區（+ 代碼）</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Technician PIN</source>
        <translation>維運人員密碼</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <source>Check my applications</source>
        <translation>辦件查詢</translation>
    </message>
    <message>
        <source>Show the applications of my card</source>
        <translation>查詢本人證件的辦件</translation>
    </message>
    <message>
        <source>Query code</source>
        <translation>查詢碼</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查詢</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Outbox</source>
        <translation>待發佇列</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待傳送</translation>
    </message>
    <message>
        <source>Oldest pending</source>
        <translation>最早待發</translation>
    </message>
    <message>
        <source>Paused (hub refused our certificate)</source>
        <translation>已暫停（中心平台拒絕本機憑證）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重試</translation>
    </message>
    <message>
        <source>Rejected by the hub (%1)</source>
        <translation>被中心平台退回（%1）</translation>
    </message>
    <message>
        <source>Export the list to %1</source>
        <translation>將清單匯出到 %1</translation>
    </message>
    <message>
        <source>Export: insert a USB stick</source>
        <translation>匯出：請插入隨身碟</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <source>Very satisfied</source>
        <translation>非常滿意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>滿意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本滿意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不滿意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不滿意</translation>
    </message>
    <message>
        <source>Speed of service</source>
        <translation>服務效率</translation>
    </message>
    <message>
        <source>Accuracy of the guide</source>
        <translation>辦事指南準確度</translation>
    </message>
    <message>
        <source>Ease of use</source>
        <translation>辦事便捷度</translation>
    </message>
    <message>
        <source>Kiosk operation</source>
        <translation>終端操作性</translation>
    </message>
    <message>
        <source>Thank you for your rating</source>
        <translation>感謝您的評價</translation>
    </message>
    <message>
        <source>How was this service?</source>
        <translation>請您對本次服務進行評價</translation>
    </message>
    <message>
        <source>What went wrong?</source>
        <translation>哪方面不滿意？</translation>
    </message>
    <message>
        <source>Your comment (optional)</source>
        <translation>您的意見（可不填）</translation>
    </message>
    <message>
        <source>Rate anonymously</source>
        <translation>匿名評價</translation>
    </message>
    <message>
        <source>Send rating</source>
        <translation>提交評價</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>結束辦理</translation>
    </message>
    <message>
        <source>Query code</source>
        <translation>查詢碼</translation>
    </message>
    <message>
        <source>Back to the receipt</source>
        <translation>返回回執</translation>
    </message>
    <message>
        <source>Rating sent</source>
        <translation>評價已發送</translation>
    </message>
</context>
<context>
    <name>ReadersPage</name>
    <message>
        <source>Readers</source>
        <translation>讀卡器</translation>
    </message>
    <message>
        <source>No reader</source>
        <translation>無讀卡器</translation>
    </message>
    <message>
        <source>No reader is attached or configured.</source>
        <translation>未連接或未設定讀卡器。</translation>
    </message>
    <message>
        <source>Test read</source>
        <translation>測試讀卡</translation>
    </message>
    <message>
        <source>Waiting for a card…</source>
        <translation>等待放卡…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
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
    <name>ReceiptScreen</name>
    <message>
        <source>Your application has been saved</source>
        <translation>您的申請已儲存</translation>
    </message>
    <message>
        <source>Query code</source>
        <translation>查詢碼</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>QR code of your query code</source>
        <translation>查詢碼二維碼</translation>
    </message>
    <message>
        <source>Scan the QR code or keep the query code to check progress later.</source>
        <translation>掃描二維碼或保存查詢碼，日後可查詢辦理進度。</translation>
    </message>
    <message>
        <source>Rate this service</source>
        <translation>評價本次服務</translation>
    </message>
    <message>
        <source>Another service</source>
        <translation>辦理其他業務</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>結束辦理</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>列印回執</translation>
    </message>
    <message>
        <source>Please take your card with you.</source>
        <translation>請取回您的證件</translation>
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
    <message>
        <source>Done on the spot</source>
        <translation>即辦</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 個工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>From: your ID card</source>
        <translation>來自：居民身分證</translation>
    </message>
    <message>
        <source>From: e-licence %1</source>
        <translation>來自：%1 電子證照</translation>
    </message>
    <message>
        <source>E-licence used, no paper needed</source>
        <translation>已引用電子證照，免提交</translation>
    </message>
    <message>
        <source>Your ID card has been read</source>
        <translation>已讀取身分證</translation>
    </message>
    <message>
        <source>May be handed in later</source>
        <translation>容缺受理，可後補</translation>
    </message>
    <message>
        <source>Replaced by your written promise</source>
        <translation>告知承諾，以書面承諾代替</translation>
    </message>
    <message>
        <source>Please hand in the paper at the counter</source>
        <translation>請到窗口提交紙本材料</translation>
    </message>
    <message>
        <source>Please fill this in</source>
        <translation>請填寫此項</translation>
    </message>
    <message>
        <source>Please enter a number</source>
        <translation>請輸入數字</translation>
    </message>
    <message>
        <source>Please enter at least %1</source>
        <translation>請輸入不小於 %1 的數</translation>
    </message>
    <message>
        <source>Please enter at most %1</source>
        <translation>請輸入不大於 %1 的數</translation>
    </message>
    <message>
        <source>Please enter a date like 2024-05-01</source>
        <translation>請按 2024-05-01 的格式輸入日期</translation>
    </message>
    <message>
        <source>This ID number is not valid</source>
        <translation>身分證號碼有誤</translation>
    </message>
    <message>
        <source>Please choose one of the options</source>
        <translation>請從選項中選擇</translation>
    </message>
    <message>
        <source>Please check the format</source>
        <translation>格式有誤，請檢查</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Saved on this kiosk. It is sent automatically as soon as the network is available.</source>
        <translation>已儲存在本機，網絡恢復後自動發送。</translation>
    </message>
    <message>
        <source>Your application could not be saved. Nothing was sent. Please try again or ask the staff for help.</source>
        <translation>您的申請未能儲存，也沒有傳送。請重試，或請工作人員協助。</translation>
    </message>
    <message>
        <source>Received by the department, being processed</source>
        <translation>部門已收件，正在辦理</translation>
    </message>
    <message>
        <source>Not accepted, please ask the staff</source>
        <translation>未予受理，請諮詢工作人員</translation>
    </message>
    <message>
        <source>Saved on this kiosk, waiting to be sent</source>
        <translation>已儲存在本機，待提交</translation>
    </message>
    <message>
        <source>The kiosk is offline: this shows what the kiosk itself knows.</source>
        <translation>本機暫時離線：以下僅為本機記錄的資訊。</translation>
    </message>
    <message>
        <source>No application found for this query code.</source>
        <translation>未找到該查詢碼對應的辦件。</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已辦結</translation>
    </message>
    <message>
        <source>Returned: please supply the missing materials at the counter</source>
        <translation>已退回：請到窗口補正材料</translation>
    </message>
    <message>
        <source>Please enter a valid mainland China phone number (mobile: 11 digits)</source>
        <translation>請輸入有效的中國內地電話號碼（手機 11 位）</translation>
    </message>
    <message>
        <source>Please enter a valid Hong Kong phone number (8 digits)</source>
        <translation>請輸入有效的香港電話號碼（8 位）</translation>
    </message>
    <message>
        <source>Please enter a valid Macao phone number (8 digits)</source>
        <translation>請輸入有效的澳門電話號碼（8 位）</translation>
    </message>
    <message>
        <source>Please enter a valid Taiwan phone number (mobile: 09 and 8 digits)</source>
        <translation>請輸入有效的台灣電話號碼（手機 09 開頭，共 10 位）</translation>
    </message>
    <message>
        <source>Please enter a valid phone number for the country or region chosen</source>
        <translation>請輸入所選國家或地區的有效電話號碼</translation>
    </message>
    <message>
        <source>Your name contains a rare character (生僻字) that this screen cannot show. It is kept exactly as on your card.</source>
        <translation>您的姓名含生僻字，本螢幕無法顯示；系統按證件原樣保存，不會更改。</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已發送</translation>
    </message>
    <message>
        <source>Saved, waiting to be sent</source>
        <translation>已儲存，待發送</translation>
    </message>
    <message>
        <source>Please take your card with you.</source>
        <translation>請取回您的證件</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Please check before you submit</source>
        <translation>提交前請核對</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>承諾時限</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>收費</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Hub</source>
        <translation>中心平台</translation>
    </message>
    <message>
        <source>Configured</source>
        <translation>已設定</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no (offline kiosk)</source>
        <translation>否（離線運行）</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可連線</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>佇列長度</translation>
    </message>
    <message>
        <source>Clock offset (hub − kiosk)</source>
        <translation>時鐘偏差（中心 − 本機）</translation>
    </message>
    <message>
        <source>Hub latency (last request)</source>
        <translation>平台回應時間（最近一次）</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近錯誤</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>本機憑證</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>最近成功</translation>
    </message>
    <message>
        <source>Hub commands received</source>
        <translation>收到的平台指令</translation>
    </message>
    <message>
        <source>none since start</source>
        <translation>啟動以來無</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
</context>
</TS>
