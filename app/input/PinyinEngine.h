#pragma once

#include "drivers/idcard/Expected.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <string>

namespace onewindow::input {

// Pinyin → Hanzi conversion on top of Debian's libgooglepinyin (a process-wide decoder, so
// at most one engine may be open at a time). Learning is off: the decoder is opened without
// a user dictionary, so nothing a resident chooses changes the ranking for the next one and
// nothing is ever written to disk. GUI thread only; every call is far below a frame.
class PinyinEngine
{
public:
    // Longest spelling the decoder can search (kMaxSearchSteps of libgooglepinyin).
    static constexpr int kMaxSpellingLength = 40;

    // The result of choosing a candidate: `completed` is true when the whole spelling is
    // converted and `text` must be committed; otherwise the choice fixed a prefix only.
    struct Choice
    {
        bool completed = false;
        QString text;
    };

    static QString defaultDictionaryPath();
    static Expected<std::unique_ptr<PinyinEngine>, QString>
    open(const QString& dictionaryPath = defaultDictionaryPath());
    ~PinyinEngine();
    PinyinEngine(const PinyinEngine&) = delete;
    PinyinEngine& operator=(const PinyinEngine&) = delete;

    // Appends a letter a–z (any case) or the syllable separator '. Returns false, leaving the
    // state unchanged, for any other character, a full buffer, or a spelling that cannot be
    // read as pinyin.
    bool appendLetter(QChar letter);
    // Undoes the last choice if any, otherwise drops the last letter. False when empty.
    bool backspace();

    bool isComposing() const { return !m_spelling.empty(); }
    QString spelling() const { return QString::fromLatin1(m_spelling); }
    // What the text field shows while composing: fixed Hanzi, then the remaining syllables.
    QString preedit() const;

    int candidateCount() const { return m_candidateCount; }
    QString candidate(int index) const;
    QStringList candidates(int first, int count) const;
    // Fixes candidate `index` (a prefix or the whole sentence). Out-of-range → no change.
    Choice choose(int index);

    // Drops the composing buffer and the decoder's search state.
    void reset();
    // reset() and also overwrites our copy of the spelling, for the session wipe.
    void wipe();

private:
    PinyinEngine() = default;
    void search();
    int fixedLength() const;

    std::string m_spelling;
    int m_candidateCount = 0;
};

} // namespace onewindow::input
