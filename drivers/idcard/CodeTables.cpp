#include "drivers/idcard/CodeTables.h"

namespace onewindow {

namespace {

struct SexEntry
{
    char code;
    const char* zh;
    const char* en;
    const char* key;
};

// GB/T 2261.1-2003 (reference/idcard.md §2.8).
constexpr SexEntry kSexes[] = {
    {'0', "未知的性别", "unknown", "unknown"},
    {'1', "男", "male", "male"},
    {'2', "女", "female", "female"},
    {'9', "未说明的性别", "unspecified", "unspecified"},
};

const SexEntry* findSex(const QString& code)
{
    if (code.size() != 1)
        return nullptr;
    for (const SexEntry& e : kSexes) {
        if (code[0] == QLatin1Char(e.code))
            return &e;
    }
    return nullptr;
}

// GB/T 3304 codes 01–56 (index = code − 1), as in reference/idcard.md §2.8.
constexpr const char* kEthnicities[56] = {
    "汉",     "蒙古",   "回",       "藏",     "维吾尔",   "苗",   "彝",     "壮",   // 01–08
    "布依",   "朝鲜",   "满",       "侗",     "瑶",       "白",   "土家",   "哈尼", // 09–16
    "哈萨克", "傣",     "黎",       "傈僳",   "佤",       "畲",   "高山",   "拉祜", // 17–24
    "水",     "东乡",   "纳西",     "景颇",   "柯尔克孜", "土",   "达斡尔", "仫佬", // 25–32
    "羌",     "布朗",   "撒拉",     "毛南",   "仡佬",     "锡伯", "阿昌",   "普米", // 33–40
    "塔吉克", "怒",     "乌孜别克", "俄罗斯", "鄂温克",   "德昂", "保安",   "裕固", // 41–48
    "京",     "塔塔尔", "独龙",     "鄂伦春", "赫哲",     "门巴", "珞巴",   "基诺", // 49–56
};

// The readers' additional codes (not in GB/T 3304 itself).
constexpr const char* kOther97 = "其他";
constexpr const char* kForeignOrigin98 = "外国血统中国籍人士";

// Two ASCII digits → 0..99, else -1.
int twoDigitCode(const QString& code)
{
    if (code.size() != 2)
        return -1;
    const char16_t a = code[0].unicode();
    const char16_t b = code[1].unicode();
    if (a < u'0' || a > u'9' || b < u'0' || b > u'9')
        return -1;
    return (a - u'0') * 10 + (b - u'0');
}

const char* ethnicityName(const QString& code)
{
    const int n = twoDigitCode(code);
    if (n >= 1 && n <= 56)
        return kEthnicities[n - 1];
    if (n == 97)
        return kOther97;
    if (n == 98)
        return kForeignOrigin98;
    return nullptr;
}

} // namespace

QString sexLabel(const QString& code, const QString& language)
{
    const bool english = language.startsWith(QLatin1String("en"), Qt::CaseInsensitive);
    if (const SexEntry* e = findSex(code))
        return QString::fromUtf8(english ? e->en : e->zh);
    return english ? QStringLiteral("other (%1)").arg(code) : QStringLiteral("其他(%1)").arg(code);
}

QString sexKey(const QString& code)
{
    if (const SexEntry* e = findSex(code))
        return QString::fromLatin1(e->key);
    return QString();
}

QString ethnicityLabel(const QString& code)
{
    if (const char* name = ethnicityName(code))
        return QString::fromUtf8(name);
    return QStringLiteral("其他(%1)").arg(code);
}

bool isKnownEthnicity(const QString& code)
{
    return ethnicityName(code) != nullptr;
}

} // namespace onewindow
