#include "drivers/idcard/Masking.h"

#include <QList>

namespace onewindow {

namespace {

// The text cut into characters (code points): a surrogate pair — e.g. a rare CJK Extension B
// character in a name — is one character and is never split by a mask.
QList<QStringView> characters(const QString& text)
{
    QList<QStringView> out;
    out.reserve(text.size());
    const QStringView view(text);
    for (qsizetype i = 0; i < view.size();) {
        const qsizetype n =
            (view[i].isHighSurrogate() && i + 1 < view.size() && view[i + 1].isLowSurrogate()) ? 2 : 1;
        out.append(view.sliced(i, n));
        i += n;
    }
    return out;
}

char32_t codePoint(QStringView c)
{
    return c.size() == 2 ? QChar::surrogateToUcs4(c[0], c[1]) : char32_t(c[0].unicode());
}

// Keeps the first `head` and last `tail` characters, every other one becomes '*'.
QString keepEnds(const QList<QStringView>& chars, qsizetype head, qsizetype tail)
{
    QString out;
    const qsizetype n = chars.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i < head || i >= n - tail)
            out.append(chars[i]);
        else
            out.append(QLatin1Char('*'));
    }
    return out;
}

bool isAsciiDigits(const QString& s)
{
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

QString maskIdNumber(const QString& number)
{
    const QList<QStringView> chars = characters(number);
    if (chars.isEmpty())
        return QString();
    if (chars.size() <= 7)
        return keepEnds(chars, 0, 1);
    return keepEnds(chars, 3, 4);
}

QString maskName(const QString& name)
{
    const QList<QStringView> chars = characters(name);
    QString out;
    for (qsizetype i = 0; i < chars.size(); ++i) {
        const char32_t c = codePoint(chars[i]);
        // Separators show the name's shape ("阿卜杜·热合曼", "JOHN SMITH"); every letter, digit,
        // mark or symbol after the first character is hidden.
        if (i == 0 || QChar::isSpace(c) || QChar::isPunct(c))
            out.append(chars[i]);
        else
            out.append(QLatin1Char('*'));
    }
    return out;
}

QString maskPhone(const QString& phone)
{
    const QList<QStringView> chars = characters(phone);
    if (chars.isEmpty())
        return QString();
    if (phone.size() == 11 && isAsciiDigits(phone))
        return keepEnds(chars, 3, 4); // mainland mobile: 138****5678
    if (chars.size() <= 4)
        return keepEnds(chars, 0, 1); // too short to keep 4 without showing everything
    return keepEnds(chars, 0, 4);
}

QString maskAddress(const QString& address)
{
    const QList<QStringView> chars = characters(address);
    if (chars.isEmpty())
        return QString();
    // Short addresses (≤ 6 characters) would be shown whole; keep only their first half.
    const qsizetype keep = chars.size() > 6 ? 6 : chars.size() / 2;
    QString out;
    for (qsizetype i = 0; i < keep; ++i)
        out.append(chars[i]);
    out.append(QStringLiteral("****"));
    return out;
}

} // namespace onewindow
