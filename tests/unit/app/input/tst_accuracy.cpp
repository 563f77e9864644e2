// Candidate accuracy on common form phrases and per-key engine latency (printed figures; only
// the accuracy is asserted, speed is never a timed assert). Run on its own for the report:
//   ctest --test-dir build/<dir> -R input_accuracy -V
#include "app/input/PinyinEngine.h"

#include <QElapsedTimer>
#include <QTest>
#include <algorithm>
#include <vector>

using onewindow::input::PinyinEngine;

#if defined(__SANITIZE_ADDRESS__)
// Debian's libgooglepinyin 0.1.2 frees a new[] array with delete (SpellingTrie::build_ym_info):
// harmless with glibc's allocator, but ASan stops on it. Everything else stays checked.
extern "C" const char* __asan_default_options()
{
    return "alloc_dealloc_mismatch=0";
}
#endif

namespace {

struct Phrase
{
    const char* kind;
    const char* pinyin;
    const char* expected;
};

// Words residents type into forms: addresses, family relations, company words.
constexpr Phrase kPhrases[] = {
    {"address", "beijingshi", "北京市"},
    {"address", "chaoyangqu", "朝阳区"},
    {"address", "haidianqu", "海淀区"},
    {"address", "shanghaishi", "上海市"},
    {"address", "pudongxinqu", "浦东新区"},
    {"address", "guangzhoushi", "广州市"},
    {"address", "shenzhenshi", "深圳市"},
    {"address", "jiedao", "街道"},
    {"address", "xiaoqu", "小区"},
    {"address", "danyuan", "单元"},
    {"address", "renminlu", "人民路"},
    {"address", "juminweiyuanhui", "居民委员会"},
    {"address", "hujisuozaidi", "户籍所在地"},
    {"address", "xiangxidizhi", "详细地址"},
    {"relation", "fuqin", "父亲"},
    {"relation", "muqin", "母亲"},
    {"relation", "peiou", "配偶"},
    {"relation", "erzi", "儿子"},
    {"relation", "nver", "女儿"},
    {"relation", "zufu", "祖父"},
    {"relation", "waipo", "外婆"},
    {"relation", "xiongdi", "兄弟"},
    {"relation", "jianhuren", "监护人"},
    {"company", "youxiangongsi", "有限公司"},
    {"company", "youxianzerengongsi", "有限责任公司"},
    {"company", "gufenyouxiangongsi", "股份有限公司"},
    {"company", "yingyezhizhao", "营业执照"},
    {"company", "fadingdaibiaoren", "法定代表人"},
    {"company", "tongyishehuixinyongdaima", "统一社会信用代码"},
    {"company", "getigongshanghu", "个体工商户"},
    {"company", "gongzuodanwei", "工作单位"},
    {"company", "lianxidianhua", "联系电话"},
    {"id", "juminshenfenzheng", "居民身份证"},
    {"id", "shenfenzhenghaoma", "身份证号码"},
};

} // namespace

class TestInputAccuracy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstCandidateAccuracy()
    {
        auto opened = PinyinEngine::open();
        QVERIFY(opened.ok());
        PinyinEngine& engine = *opened.value();
        int first = 0;
        int onFirstPage = 0;
        for (const Phrase& p : kPhrases) {
            engine.reset();
            for (const char* c = p.pinyin; *c; ++c)
                QVERIFY2(engine.appendLetter(QLatin1Char(*c)), p.pinyin);
            const QStringList page = engine.candidates(0, 6);
            const QString expected = QString::fromUtf8(p.expected);
            const bool isFirst = !page.isEmpty() && page.first() == expected;
            first += isFirst ? 1 : 0;
            onFirstPage += page.contains(expected) ? 1 : 0;
            qInfo("%-8s %-26s expected %s got %s %s", p.kind, p.pinyin, p.expected, qPrintable(page.value(0)),
                  isFirst ? "ok" : "MISS");
        }
        const int total = static_cast<int>(std::size(kPhrases));
        qInfo("accuracy: first candidate %d/%d (%.0f%%), on first page of 6: %d/%d", first, total,
              100.0 * first / total, onFirstPage, total);
        // Continuous phrase input must hold for the common form words.
        QVERIFY(first * 10 >= total * 9);
        QVERIFY(onFirstPage * 20 >= total * 19);
    }

    void perKeyLatency()
    {
        auto opened = PinyinEngine::open();
        QVERIFY(opened.ok());
        PinyinEngine& engine = *opened.value();
        std::vector<qint64> nanos;
        QElapsedTimer timer;
        const int rounds = qEnvironmentVariableIntValue("ONEWINDOW_INPUT_LATENCY_ROUNDS") > 0
                               ? qEnvironmentVariableIntValue("ONEWINDOW_INPUT_LATENCY_ROUNDS")
                               : 20;
        for (int round = 0; round < rounds; ++round) {
            for (const Phrase& p : kPhrases) {
                engine.reset();
                for (const char* c = p.pinyin; *c; ++c) {
                    timer.start();
                    // What one key costs the input method: search, preedit, one candidate page.
                    engine.appendLetter(QLatin1Char(*c));
                    const QString preedit = engine.preedit();
                    const QStringList page = engine.candidates(0, 6);
                    nanos.push_back(timer.nsecsElapsed());
                    QVERIFY(!page.isEmpty() && !preedit.isEmpty());
                }
            }
        }
        std::sort(nanos.begin(), nanos.end());
        auto at = [&](double q) {
            return nanos[static_cast<size_t>(q * (nanos.size() - 1))] / 1000.0;
        };
        qInfo("per-key engine latency over %zu keys: p50 %.1f us, p95 %.1f us, p99 %.1f us, max %.1f us",
              nanos.size(), at(0.5), at(0.95), at(0.99), nanos.back() / 1000.0);
    }
};

QTEST_GUILESS_MAIN(TestInputAccuracy)
#include "tst_accuracy.moc"
