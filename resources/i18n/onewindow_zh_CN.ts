<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssistBar</name>
    <message>
        <source>Staff have been called and will be with you shortly.</source>
        <translation>已通知工作人员，请稍候，马上为您服务。</translation>
    </message>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation>需要帮助？工作人员可以陪您一起办理。</translation>
    </message>
    <message>
        <source>Ask staff for help</source>
        <translation>人工帮办</translation>
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
</context>
<context>
    <name>CardErrorScreen</name>
    <message>
        <source>Back to start</source>
        <translation>返回首页</translation>
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
    <name>ReadingScreen</name>
    <message>
        <source>Reading your card. Please do not move it.</source>
        <translation>正在读取证件，请勿移动证件。</translation>
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
</context>
</TS>
