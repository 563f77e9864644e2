#include "app/input/PinyinEngine.h"

#include "drivers/idcard/SecureWipe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <atomic>
#include <pinyinime.h>

namespace onewindow::input {

namespace {

// The decoder behind im_* is one global object: refuse a second engine instead of sharing it.
std::atomic<bool> g_decoderOpen{false};

// libgooglepinyin trusts its dictionary blindly (a damaged file corrupts the heap), so it only
// gets a file that dpkg vouches for, or, for a dictionary outside any package, one that at
// least has the format's size and leading field.
QString dictionaryProblem(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("pinyin dictionary not readable: %1").arg(path);
    if (file.size() < 512 * 1024 || file.size() > 64 * 1024 * 1024)
        return QStringLiteral("not a pinyin dictionary (size %1): %2").arg(file.size()).arg(path);
    const QByteArray head = file.peek(4);
    if (head != QByteArray("\x08\x00\x00\x00", 4))
        return QStringLiteral("not a pinyin dictionary (header): %1").arg(path);
    const QString packaged = QFileInfo(path).canonicalFilePath().mid(1);
    const QStringList sums = QDir(QStringLiteral("/var/lib/dpkg/info"))
                                 .entryList({QStringLiteral("libgooglepinyin*.md5sums")}, QDir::Files);
    for (const QString& name : sums) {
        QFile list(QStringLiteral("/var/lib/dpkg/info/") + name);
        if (!list.open(QIODevice::ReadOnly))
            continue;
        while (!list.atEnd()) {
            const QList<QByteArray> fields = list.readLine().trimmed().split(' ');
            if (fields.size() < 2 || QString::fromUtf8(fields.last()) != packaged)
                continue;
            QCryptographicHash md5(QCryptographicHash::Md5);
            md5.addData(&file);
            if (md5.result().toHex() != fields.first())
                return QStringLiteral("pinyin dictionary differs from its Debian package: %1").arg(path);
        }
    }
    return {};
}

QString toQString(const ime_pinyin::char16* text)
{
    return QString::fromUtf16(reinterpret_cast<const char16_t*>(text));
}

} // namespace

QString PinyinEngine::defaultDictionaryPath()
{
    const QString fromEnv = qEnvironmentVariable("ONEWINDOW_PINYIN_DICT");
    return fromEnv.isEmpty() ? QStringLiteral(ONEWINDOW_PINYIN_DEFAULT_DICT) : fromEnv;
}

Expected<std::unique_ptr<PinyinEngine>, QString> PinyinEngine::open(const QString& dictionaryPath)
{
    using Result = Expected<std::unique_ptr<PinyinEngine>, QString>;
    if (const QString problem = dictionaryProblem(dictionaryPath); !problem.isEmpty())
        return Result::failure(problem);
    if (g_decoderOpen.exchange(true))
        return Result::failure(QStringLiteral("a pinyin engine is already open in this process"));
    // An empty user-dictionary name makes the decoder run without one: learning off.
    if (!ime_pinyin::im_open_decoder(QFile::encodeName(dictionaryPath).constData(), "")) {
        g_decoderOpen = false;
        return Result::failure(
            QStringLiteral("pinyin dictionary could not be loaded: %1").arg(dictionaryPath));
    }
    ime_pinyin::im_set_max_lens(kMaxSpellingLength, kMaxSpellingLength / 2);
    return Result(std::unique_ptr<PinyinEngine>(new PinyinEngine));
}

PinyinEngine::~PinyinEngine()
{
    wipe();
    ime_pinyin::im_close_decoder();
    g_decoderOpen = false;
}

bool PinyinEngine::appendLetter(QChar letter)
{
    const char16_t c = letter.toLower().unicode();
    const bool isLetter = (c >= u'a' && c <= u'z') || c == u'\'';
    if (!isLetter || static_cast<int>(m_spelling.size()) >= kMaxSpellingLength)
        return false;
    if (m_spelling.empty() && c == u'\'')
        return false;
    m_spelling.push_back(static_cast<char>(c));
    search();
    size_t decoded = 0;
    ime_pinyin::im_get_sps_str(&decoded);
    if (m_candidateCount == 0 || decoded < m_spelling.size()) {
        m_spelling.pop_back(); // not pinyin (e.g. "iii"): keep what was readable
        search();
        return false;
    }
    return true;
}

bool PinyinEngine::backspace()
{
    if (m_spelling.empty())
        return false;
    if (fixedLength() > 0) {
        m_candidateCount = static_cast<int>(ime_pinyin::im_cancel_last_choice());
        return true;
    }
    m_spelling.pop_back();
    search();
    return true;
}

QString PinyinEngine::preedit() const
{
    if (m_spelling.empty())
        return {};
    const int fixed = fixedLength();
    QString text = candidate(0).left(fixed);
    const ime_pinyin::uint16* starts = nullptr;
    const int syllables = static_cast<int>(ime_pinyin::im_get_spl_start_pos(starts));
    QStringList rest;
    for (int i = fixed; i < syllables; ++i)
        rest << QString::fromLatin1(m_spelling.substr(starts[i], starts[i + 1] - starts[i]));
    const size_t tail = syllables > 0 ? starts[syllables] : 0;
    if (tail < m_spelling.size())
        rest << QString::fromLatin1(m_spelling.substr(tail));
    return text + rest.join(QLatin1Char(' ')).remove(QLatin1Char('\''));
}

QString PinyinEngine::candidate(int index) const
{
    if (index < 0 || index >= m_candidateCount)
        return {};
    ime_pinyin::char16 buffer[kMaxSpellingLength + 1] = {};
    if (!ime_pinyin::im_get_candidate(static_cast<size_t>(index), buffer, kMaxSpellingLength))
        return {};
    return toQString(buffer);
}

QStringList PinyinEngine::candidates(int first, int count) const
{
    QStringList list;
    for (int i = std::max(first, 0); i < std::min(first + count, m_candidateCount); ++i)
        list << candidate(i);
    return list;
}

PinyinEngine::Choice PinyinEngine::choose(int index)
{
    if (index < 0 || index >= m_candidateCount)
        return {};
    m_candidateCount = static_cast<int>(ime_pinyin::im_choose(static_cast<size_t>(index)));
    const ime_pinyin::uint16* starts = nullptr;
    const int syllables = static_cast<int>(ime_pinyin::im_get_spl_start_pos(starts));
    if (fixedLength() < syllables)
        return {false, {}};
    Choice done{true, candidate(0)};
    reset();
    return done;
}

void PinyinEngine::reset()
{
    m_spelling.clear();
    m_candidateCount = 0;
    ime_pinyin::im_reset_search();
}

void PinyinEngine::wipe()
{
    secureWipe(m_spelling.data(), static_cast<qsizetype>(m_spelling.size()));
    reset();
    // Flushes the decoder's internal caches; with no user dictionary nothing reaches disk.
    ime_pinyin::im_flush_cache();
}

void PinyinEngine::search()
{
    if (m_spelling.empty()) {
        m_candidateCount = 0;
        ime_pinyin::im_reset_search();
        return;
    }
    m_candidateCount = static_cast<int>(ime_pinyin::im_search(m_spelling.data(), m_spelling.size()));
}

int PinyinEngine::fixedLength() const
{
    return m_spelling.empty() ? 0 : static_cast<int>(ime_pinyin::im_get_fixed_len());
}

} // namespace onewindow::input
