#include "drivers/idcard/SamStatus.h"

#include <iterator>

namespace onewindow {

namespace {

using C = SamStatusClass;

// reference/idcard.md §1.5, in table order; zh and en exactly as in the table.
constexpr SamStatusInfo kTable[] = {
    {0x90, true, C::Ok, "操作成功", "success"},
    {0x91, true, C::NotPresent, "居民身份证中无此项内容",
     "item not present on card (e.g. no fingerprint / no appended address)"},
    {0x9F, true, C::Ok, "寻找居民身份证成功", "find-card success"},
    {0x01, true, C::HostProblem, "端口打开失败/端口尚未打开/端口号不合法", "host-side (DLL) only"},
    {0x02, true, C::HostProblem, "PC接收超时", "host-side timeout"},
    {0x03, true, C::HostProblem, "数据传输错误", "transmission error"},
    {0x05, true, C::HostProblem, "SAM_A串口不可用", "serial port unavailable (GetCOMBaud only)"},
    {0x09, true, C::HostProblem, "打开文件失败", "file open failed (DLL)"},
    {0x10, true, C::HostProblem, "接收业务终端数据的校验和错", "checksum error in host frame"},
    {0x11, true, C::HostProblem, "接收业务终端数据的长度错", "length error in host frame"},
    {0x21, true, C::HostProblem, "接收业务终端的命令错误", "bad command/parameter"},
    {0x23, true, C::SamProblem, "越权操作", "unauthorized operation"},
    {0x24, true, C::SamProblem, "无法识别的错误", "unrecognised error"},
    {0x31, true, C::CardProblem, "居民身份证认证SAM_A失败", "card failed to authenticate SAM"},
    {0x32, true, C::CardProblem, "SAM_A认证居民身份证失败", "SAM failed to authenticate card"},
    {0x33, true, C::CardProblem, "信息验证失败", "information verification failed"},
    {0x37, true, C::CardProblem, "指纹信息验证错误", "fingerprint info verification error"},
    {0x3F, true, C::CardProblem, "信息长度错误", "information length error"},
    {0x40, true, C::CardProblem, "无法识别的居民身份证类型", "unrecognised card type"},
    {0x41, true, C::CardProblem, "读居民身份证操作失败", "read failed"},
    {0x47, true, C::CardProblem, "取随机数失败", "get-random failed"},
    {0x60, true, C::SamProblem, "SAM_A自检失败，不能接收命令", "SAM self-test failed"},
    {0x66, true, C::SamProblem, "SAM_A没经过授权，无法使用", "SAM not authorised"},
    {0x80, true, C::NoCard, "寻找居民身份证失败", "find-card failed (no card)"},
    {0x81, true, C::NoCard, "选取居民身份证失败", "select-card failed"},
};

} // namespace

SamStatusInfo samStatusInfo(std::uint8_t sw3)
{
    for (const SamStatusInfo& info : kTable) {
        if (info.code == sw3)
            return info;
    }
    // The hex code is added by samStatusMeaning(); these are the fixed parts.
    return SamStatusInfo{sw3, false, SamStatusClass::Unknown, "未知状态", "unknown status"};
}

QString samStatusMeaning(std::uint8_t sw3, const QString& language)
{
    const SamStatusInfo info = samStatusInfo(sw3);
    const bool english = language.startsWith(QLatin1String("en"), Qt::CaseInsensitive);
    const QString text = QString::fromUtf8(english ? info.en : info.zh);
    if (info.known)
        return text;
    return text + QStringLiteral(" 0x") + QStringLiteral("%1").arg(sw3, 2, 16, QLatin1Char('0')).toUpper();
}

const SamStatusInfo* samStatusTable(std::size_t* count)
{
    if (count != nullptr)
        *count = std::size(kTable);
    return kTable;
}

} // namespace onewindow
