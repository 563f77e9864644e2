<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminEntry</name>
    <message>
        <source>No admin PIN is set on this kiosk. Set one with: onewindow-tool admin set-pin</source>
        <translation>本机尚未设置管理员密码。请用 onewindow-tool admin set-pin 设置。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Admin mode is locked until %1.</source>
        <translation>密码错误次数过多，管理模式已锁定至 %1。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Admin mode cannot open: %1</source>
        <translation>无法进入管理模式：%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before admin mode locks.</source>
        <translation>
            <numerusform>密码错误。再错 %n 次管理模式将锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation>请重试。</translation>
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
        <translation>锁定并退出</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>待发队列</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
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
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>Place a card on a reader.</source>
        <translation>请将证件放到读卡器上。</translation>
    </message>
    <message>
        <source>%1: read %2, %3 (%4 ms after arming)</source>
        <translation>%1：读到 %2，%3（开始测试后 %4 毫秒）</translation>
    </message>
    <message>
        <source>%1: read failed (%2)</source>
        <translation>%1：读取失败（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting item(s) will be sent now.</source>
        <translation>
            <numerusform>%n 件等待中的申请将立即发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue could not be changed: see the logs.</source>
        <translation>无法修改队列，请查看日志。</translation>
    </message>
    <message>
        <source>Exported %1 item(s) to %2</source>
        <translation>已导出 %1 件到 %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message numerus="yes">
        <source>valid until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>有效期至 %1（剩余 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>No hub is configured.</source>
        <translation>未配置中心平台。</translation>
    </message>
    <message>
        <source>Synchronisation started.</source>
        <translation>已开始同步。</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断信息</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Export is not available.</source>
        <translation>无法导出。</translation>
    </message>
    <message>
        <source>Writing the diagnostics bundle…</source>
        <translation>正在写入诊断包…</translation>
    </message>
    <message>
        <source>Diagnostics written to %1</source>
        <translation>诊断包已写入 %1</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <source>Saved. The changes apply when the kiosk restarts.</source>
        <translation>已保存，重启一体机后生效。</translation>
    </message>
    <message>
        <source>Leaving the kiosk is not allowed on this machine.</source>
        <translation>本机不允许退出自助终端。</translation>
    </message>
</context>
<context>
    <name>AssistBar</name>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation>需要帮助？工作人员可以陪您一起办理。</translation>
    </message>
    <message>
        <source>Ask staff for help</source>
        <translation>人工帮办</translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation>再听一遍</translation>
    </message>
</context>
<context>
    <name>AssistController</name>
    <message>
        <source>About %1 min.</source>
        <translation>约 %1 分钟。</translation>
    </message>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation>需要帮助？工作人员可以陪您一起办理。</translation>
    </message>
    <message>
        <source>Calling a member of staff for you…</source>
        <translation>正在为您呼叫工作人员…</translation>
    </message>
    <message>
        <source>Your request has reached the staff. Someone will come to this kiosk.</source>
        <translation>工作人员已收到您的求助，稍后会到这台自助机前。</translation>
    </message>
    <message>
        <source>A member of staff is on the way to you.</source>
        <translation>工作人员正在赶来。</translation>
    </message>
    <message>
        <source>Staff have your request. You are number %1 in the queue.</source>
        <translation>工作人员已收到您的求助，您排在第 %1 位。</translation>
    </message>
    <message>
        <source>Staff cannot be called from this kiosk right now. Please go to the service desk.</source>
        <translation>这台自助机暂时无法呼叫工作人员，请到服务台咨询。</translation>
    </message>
    <message>
        <source>This hall takes help requests at the service desk. Please go to the service desk.</source>
        <translation>本大厅的人工帮办在服务台受理，请到服务台咨询。</translation>
    </message>
    <message>
        <source>Your request could not be sent. Please press the button again, or go to the service desk.</source>
        <translation>求助未能发出。请再按一次按钮，或到服务台咨询。</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用自助服务</translation>
    </message>
    <message>
        <source>Place your ID card on the reader below</source>
        <translation>请将证件放在下方读卡区</translation>
    </message>
    <message>
        <source>Accepted: resident ID card, residence permit for Hong Kong, Macao and Taiwan residents, foreign permanent resident ID card.</source>
        <translation>可使用：居民身份证、港澳台居民居住证、外国人永久居留身份证。</translation>
    </message>
    <message>
        <source>Please take your card with you.</source>
        <translation>请取回您的证件</translation>
    </message>
</context>
<context>
    <name>CardAwayPrompt</name>
    <message>
        <source>Your card has been removed. To continue, put your card back on the reader, or finish.</source>
        <translation>证件已取走。继续办理请重新放置证件，或结束办理</translation>
    </message>
    <message>
        <source>This is not the card this application was started with. Please put back your own card.</source>
        <translation>这不是开始办理时使用的证件。请放回您本人的证件。</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Finish and clear my information</source>
        <translation>结束办理并清除我的信息</translation>
    </message>
</context>
<context>
    <name>CardErrorScreen</name>
    <message>
        <source>Back to start</source>
        <translation>返回首页</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <source>What would you like to do?</source>
        <translation>请选择您要办理的业务</translation>
    </message>
    <message>
        <source>Search services</source>
        <translation>搜索事项</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Nothing found. Try another word or ask the staff for help.</source>
        <translation>没有找到相关事项。请换个词试试，或请工作人员帮助。</translation>
    </message>
    <message>
        <source>Check my applications</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>结束办理</translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <source>Hub URL</source>
        <translation>中心平台地址</translation>
    </message>
    <message>
        <source>Hub connect timeout (ms)</source>
        <translation>连接超时（毫秒）</translation>
    </message>
    <message>
        <source>Hub request timeout (ms)</source>
        <translation>请求超时（毫秒）</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>默认语言</translation>
    </message>
    <message>
        <source>Elderly mode by default</source>
        <translation>默认长辈版</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>回执打印机</translation>
    </message>
    <message>
        <source>Idle limit on the identity screen (s)</source>
        <translation>身份信息页无操作时限（秒）</translation>
    </message>
    <message>
        <source>Idle limit on forms (s)</source>
        <translation>填表页无操作时限（秒）</translation>
    </message>
    <message>
        <source>This setting cannot be changed in admin mode.</source>
        <translation>此项不能在管理模式中修改。</translation>
    </message>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>请输入 %1 到 %2 之间的整数。</translation>
    </message>
    <message>
        <source>The hub URL must start with https:// and name a host.</source>
        <translation>中心平台地址须以 https:// 开头并包含主机名。</translation>
    </message>
    <message>
        <source>Choose zh_CN, zh_TW or en.</source>
        <translation>请选择 zh_CN、zh_TW 或 en。</translation>
    </message>
    <message>
        <source>Choose on or off.</source>
        <translation>请选择开或关。</translation>
    </message>
    <message>
        <source>Correct the marked settings first.</source>
        <translation>请先更正标出的设置。</translation>
    </message>
</context>
<context>
    <name>ConfigPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销改动</translation>
    </message>
    <message>
        <source>Restart the kiosk</source>
        <translation>重启一体机</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>暂停服务</translation>
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
        <translation>是否同意使用您的电子证照？</translation>
    </message>
    <message>
        <source>To fill in the form for you, this kiosk looks up the electronic licences registered to your ID number (for example your household register) and copies the needed entries into the form. Purpose: only this application. Data used: your name, ID number and the licence entries shown on the form. They are sent encrypted to the handling department and deleted from this kiosk within 72 hours after delivery. You may refuse: then you type the entries yourself and bring the paper documents to the counter.</source>
        <translation>为替您填写表单，本机将按您的身份证号查询您名下的电子证照（例如居民户口簿），并把所需内容填入表单。用途：仅限本次办理。使用的信息：您的姓名、身份证号及表单中显示的证照内容。信息加密发送至办理部门，送达后 72 小时内从本机删除。您可以拒绝：拒绝后请自行填写，并到窗口提交纸质材料。</translation>
    </message>
    <message>
        <source>Notice version: %1</source>
        <translation>告知书版本：%1</translation>
    </message>
    <message>
        <source>No, I will type it</source>
        <translation>不同意，我自己填写</translation>
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
        <translation>已过期</translation>
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
        <translation>演示读卡面板</translation>
    </message>
    <message>
        <source>Demo: simulated card reader</source>
        <translation>演示：模拟读卡器</translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation>取走证件</translation>
    </message>
    <message>
        <source>Next read fails</source>
        <translation>下次读卡失败</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Health</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>DigitPad</name>
    <message>
        <source>Delete last digit</source>
        <translation>删除最后一位</translation>
    </message>
</context>
<context>
    <name>FormController</name>
    <message numerus="yes">
        <source>%n entry(ies) still to fill in</source>
        <translation>
            <numerusform>还有 %n 项需要填写</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormFieldEditor</name>
    <message>
        <source>Wrong? Ask staff</source>
        <translation>信息有误，转人工</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <source>Please check the form and fill in the missing entries.</source>
        <translation>请核对表单，并填写空缺的内容。</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Next: check</source>
        <translation>下一步：核对</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>Card read. Please check that this is you.</source>
        <translation>读卡成功，请核对是否为本人证件。</translation>
    </message>
    <message>
        <source>Photo not shown</source>
        <translation>不显示照片</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件类型</translation>
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
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期限</translation>
    </message>
    <message>
        <source>Your information stays on this kiosk only while you are here and is cleared when you leave.</source>
        <translation>您的信息仅在本次办理期间保留在本机，离开后即被清除。</translation>
    </message>
    <message>
        <source>Finish and clear my information</source>
        <translation>结束办理并清除我的信息</translation>
    </message>
    <message>
        <source>Choose a service</source>
        <translation>办理业务</translation>
    </message>
    <message>
        <source>Check my applications</source>
        <translation>办件查询</translation>
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
            <numerusform>您还在吗？%n 秒后将结束办理并清除您的信息。</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续办理</translation>
    </message>
</context>
<context>
    <name>ItemDetailScreen</name>
    <message>
        <source>This service cannot be completed at the kiosk.</source>
        <translation>本事项不能在自助终端办理。</translation>
    </message>
    <message>
        <source>Who can apply</source>
        <translation>申请条件</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Legal limit</source>
        <translation>法定时限</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果领取</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>办理窗口</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>(if applicable)</source>
        <translation>（如适用）</translation>
    </message>
    <message>
        <source>e-licence accepted</source>
        <translation>可用电子证照</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Apply now</source>
        <translation>开始办理</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>24-hour government self-service</source>
        <translation>24小时政务自助服务</translation>
    </message>
    <message>
        <source>Standard view</source>
        <translation>标准版</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>长辈版</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>Export a diagnostics bundle</source>
        <translation>导出诊断包</translation>
    </message>
    <message>
        <source>Export to %1</source>
        <translation>导出到 %1</translation>
    </message>
    <message>
        <source>No USB stick found. Insert one, or type a directory:</source>
        <translation>未找到U盘。请插入U盘，或输入目录：</translation>
    </message>
    <message>
        <source>Export directory</source>
        <translation>导出目录</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Recent log lines</source>
        <translation>最近日志</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Looking up your e-licences…</source>
        <translation>正在查询您的电子证照…</translation>
    </message>
    <message>
        <source>Saving your application…</source>
        <translation>正在保存您的申请…</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>This kiosk is temporarily out of service</source>
        <translation>本机暂停服务</translation>
    </message>
    <message>
        <source>Please use another kiosk or go to a service counter. We are sorry for the inconvenience.</source>
        <translation>请使用其他自助终端或前往服务窗口办理，给您带来不便，敬请谅解。</translation>
    </message>
</context>
<context>
    <name>PhoneFields</name>
    <message>
        <source>Mainland China</source>
        <translation>中国内地</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Macao</source>
        <translation>澳门</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>台湾</translation>
    </message>
    <message>
        <source>Other country or region (+ code)</source>
        <translation>其他国家或地区（+ 代码）</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Technician PIN</source>
        <translation>运维人员密码</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
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
        <translation>办件查询</translation>
    </message>
    <message>
        <source>Show the applications of my card</source>
        <translation>查询本人证件的办件</translation>
    </message>
    <message>
        <source>Query code</source>
        <translation>查询码</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
        <translation>待发队列</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Oldest pending</source>
        <translation>最早待发</translation>
    </message>
    <message>
        <source>Paused (hub refused our certificate)</source>
        <translation>已暂停（中心平台拒绝本机证书）</translation>
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
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Rejected by the hub (%1)</source>
        <translation>被中心平台退回（%1）</translation>
    </message>
    <message>
        <source>Export the list to %1</source>
        <translation>将清单导出到 %1</translation>
    </message>
    <message>
        <source>Export: insert a USB stick</source>
        <translation>导出：请插入U盘</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Speed of service</source>
        <translation>服务效率</translation>
    </message>
    <message>
        <source>Accuracy of the guide</source>
        <translation>办事指南准确度</translation>
    </message>
    <message>
        <source>Ease of use</source>
        <translation>办事便捷度</translation>
    </message>
    <message>
        <source>Kiosk operation</source>
        <translation>终端操作性</translation>
    </message>
    <message>
        <source>Thank you for your rating</source>
        <translation>感谢您的评价</translation>
    </message>
    <message>
        <source>How was this service?</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <source>What went wrong?</source>
        <translation>哪方面不满意？</translation>
    </message>
    <message>
        <source>Your comment (optional)</source>
        <translation>您的意见（可不填）</translation>
    </message>
    <message>
        <source>Rate anonymously</source>
        <translation>匿名评价</translation>
    </message>
    <message>
        <source>Send rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>结束办理</translation>
    </message>
    <message>
        <source>Query code</source>
        <translation>查询码</translation>
    </message>
    <message>
        <source>Back to the receipt</source>
        <translation>返回回执</translation>
    </message>
    <message>
        <source>Rating sent</source>
        <translation>评价已发送</translation>
    </message>
</context>
<context>
    <name>ReadersPage</name>
    <message>
        <source>Readers</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <source>No reader</source>
        <translation>无读卡器</translation>
    </message>
    <message>
        <source>No reader is attached or configured.</source>
        <translation>未连接或未配置读卡器。</translation>
    </message>
    <message>
        <source>Test read</source>
        <translation>测试读卡</translation>
    </message>
    <message>
        <source>Waiting for a card…</source>
        <translation>等待放卡…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Reading your card. Please do not move it.</source>
        <translation>正在读取证件，请勿移动证件。</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Your application has been saved</source>
        <translation>您的申请已保存</translation>
    </message>
    <message>
        <source>Query code</source>
        <translation>查询码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>QR code of your query code</source>
        <translation>查询码二维码</translation>
    </message>
    <message>
        <source>Scan the QR code or keep the query code to check progress later.</source>
        <translation>扫描二维码或保存查询码，以后可查询办理进度。</translation>
    </message>
    <message>
        <source>Rate this service</source>
        <translation>评价本次服务</translation>
    </message>
    <message>
        <source>Another service</source>
        <translation>办理其他业务</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>结束办理</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>Please take your card with you.</source>
        <translation>请取回您的证件</translation>
    </message>
</context>
<context>
    <name>ResidentMessages</name>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Foreign permanent resident ID card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>The card was moved before reading finished</source>
        <translation>读卡未完成，证件已被移开</translation>
    </message>
    <message>
        <source>The card could not be read completely</source>
        <translation>证件未能完整读取</translation>
    </message>
    <message>
        <source>This card cannot be recognised</source>
        <translation>无法识别此证件</translation>
    </message>
    <message>
        <source>This kind of card is not supported here</source>
        <translation>本机暂不支持此类证件</translation>
    </message>
    <message>
        <source>The card data could not be verified</source>
        <translation>证件信息校验未通过</translation>
    </message>
    <message>
        <source>Reading took too long</source>
        <translation>读卡超时</translation>
    </message>
    <message>
        <source>The card reader is not working right now</source>
        <translation>读卡器暂时无法使用</translation>
    </message>
    <message>
        <source>Please place the card flat on the reader again and keep it still until you hear the tone.</source>
        <translation>请将证件重新平放在读卡区，听到提示音前请勿移动。</translation>
    </message>
    <message>
        <source>Please use a resident ID card, a residence permit for Hong Kong, Macao and Taiwan residents, or a foreign permanent resident ID card. Staff can help you at the counter.</source>
        <translation>请使用居民身份证、港澳台居民居住证或外国人永久居留身份证。也可到服务窗口由工作人员为您办理。</translation>
    </message>
    <message>
        <source>Please try once more. If it still fails, staff at the counter will help you.</source>
        <translation>请再试一次。如仍无法读取，请到服务窗口由工作人员协助。</translation>
    </message>
    <message>
        <source>Nothing you entered has been lost. Please ask staff for help, or use another kiosk.</source>
        <translation>您已填写的内容不会丢失。请联系工作人员，或使用其他自助终端。</translation>
    </message>
    <message>
        <source>This card expired on %1. Some services need a valid card; staff can advise you.</source>
        <translation>此证件已于 %1 过期。部分业务需要有效证件，可咨询工作人员。</translation>
    </message>
    <message>
        <source>This card is valid only from %1.</source>
        <translation>此证件自 %1 起生效。</translation>
    </message>
    <message>
        <source>long-term</source>
        <translation>长期</translation>
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
        <translation>未说明</translation>
    </message>
    <message>
        <source>Done on the spot</source>
        <translation>即办</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>From: your ID card</source>
        <translation>来自：居民身份证</translation>
    </message>
    <message>
        <source>From: e-licence %1</source>
        <translation>来自：%1 电子证照</translation>
    </message>
    <message>
        <source>E-licence used, no paper needed</source>
        <translation>已引用电子证照，免提交</translation>
    </message>
    <message>
        <source>Your ID card has been read</source>
        <translation>已读取身份证</translation>
    </message>
    <message>
        <source>May be handed in later</source>
        <translation>容缺受理，可后补</translation>
    </message>
    <message>
        <source>Replaced by your written promise</source>
        <translation>告知承诺，以书面承诺代替</translation>
    </message>
    <message>
        <source>Please hand in the paper at the counter</source>
        <translation>请到窗口提交纸质材料</translation>
    </message>
    <message>
        <source>Please fill this in</source>
        <translation>请填写此项</translation>
    </message>
    <message>
        <source>Please enter a number</source>
        <translation>请输入数字</translation>
    </message>
    <message>
        <source>Please enter at least %1</source>
        <translation>请输入不小于 %1 的数</translation>
    </message>
    <message>
        <source>Please enter at most %1</source>
        <translation>请输入不大于 %1 的数</translation>
    </message>
    <message>
        <source>Please enter a date like 2024-05-01</source>
        <translation>请按 2024-05-01 的格式输入日期</translation>
    </message>
    <message>
        <source>This ID number is not valid</source>
        <translation>身份证号码有误</translation>
    </message>
    <message>
        <source>Please choose one of the options</source>
        <translation>请从选项中选择</translation>
    </message>
    <message>
        <source>Please check the format</source>
        <translation>格式有误，请检查</translation>
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
        <translation>已保存在本机，网络恢复后自动发送。</translation>
    </message>
    <message>
        <source>Your application could not be saved. Nothing was sent. Please try again or ask the staff for help.</source>
        <translation>您的申请未能保存，也没有发送。请重试，或请工作人员帮助。</translation>
    </message>
    <message>
        <source>Received by the department, being processed</source>
        <translation>部门已收件，正在办理</translation>
    </message>
    <message>
        <source>Not accepted, please ask the staff</source>
        <translation>未予受理，请咨询工作人员</translation>
    </message>
    <message>
        <source>Saved on this kiosk, waiting to be sent</source>
        <translation>已保存在本机，待提交</translation>
    </message>
    <message>
        <source>The kiosk is offline: this shows what the kiosk itself knows.</source>
        <translation>本机暂时离线：以下仅为本机记录的信息。</translation>
    </message>
    <message>
        <source>No application found for this query code.</source>
        <translation>未找到该查询码对应的办件。</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Returned: please supply the missing materials at the counter</source>
        <translation>已退回：请到窗口补正材料</translation>
    </message>
    <message>
        <source>Please enter a valid mainland China phone number (mobile: 11 digits)</source>
        <translation>请输入有效的中国内地电话号码（手机 11 位）</translation>
    </message>
    <message>
        <source>Please enter a valid Hong Kong phone number (8 digits)</source>
        <translation>请输入有效的香港电话号码（8 位）</translation>
    </message>
    <message>
        <source>Please enter a valid Macao phone number (8 digits)</source>
        <translation>请输入有效的澳门电话号码（8 位）</translation>
    </message>
    <message>
        <source>Please enter a valid Taiwan phone number (mobile: 09 and 8 digits)</source>
        <translation>请输入有效的台湾电话号码（手机 09 开头，共 10 位）</translation>
    </message>
    <message>
        <source>Please enter a valid phone number for the country or region chosen</source>
        <translation>请输入所选国家或地区的有效电话号码</translation>
    </message>
    <message>
        <source>Your name contains a rare character (生僻字) that this screen cannot show. It is kept exactly as on your card.</source>
        <translation>您的姓名含生僻字，本屏幕无法显示；系统按证件原样保存，不会更改。</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Saved, waiting to be sent</source>
        <translation>已保存，待发送</translation>
    </message>
    <message>
        <source>Please take your card with you.</source>
        <translation>请取回您的证件</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Please check before you submit</source>
        <translation>提交前请核对</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>收费</translation>
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
        <translation>已配置</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no (offline kiosk)</source>
        <translation>否（离线运行）</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>队列长度</translation>
    </message>
    <message>
        <source>Clock offset (hub − kiosk)</source>
        <translation>时钟偏差（中心 − 本机）</translation>
    </message>
    <message>
        <source>Hub latency (last request)</source>
        <translation>平台响应时间（最近一次）</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>本机证书</translation>
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
        <translation>启动以来无</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
</context>
</TS>
