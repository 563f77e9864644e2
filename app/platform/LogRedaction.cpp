#include "app/platform/LogRedaction.h"

#include "drivers/idcard/Identity.h"
#include "drivers/idcard/Masking.h"
#include "drivers/idcard/SecureWipe.h"

#include <QReadWriteLock>
#include <QRegularExpression>
#include <algorithm>

namespace onewindow {

namespace {

struct Term
{
    QString text;
    QString replacement;
};

// Never destroyed: messages can still arrive while static objects are torn down at exit.
QReadWriteLock& termsLock()
{
    static auto* lock = new QReadWriteLock;
    return *lock;
}
QList<Term>& terms()
{
    static auto* list = new QList<Term>;
    return *list;
}

void wipeTerms(QList<Term>& list)
{
    for (Term& t : list) {
        secureWipe(t.text);
        secureWipe(t.replacement);
    }
    list.clear();
}

QString maskMiddle(const QString& s)
{
    if (s.size() <= 7)
        return QString(s.size(), QLatin1Char('*'));
    return s.left(3) + QString(s.size() - 7, QLatin1Char('*')) + s.right(4);
}

// Replaces every match of `re`'s first capture with `mask(captured)`.
template <typename Mask> QString replaceMatches(const QString& text, const QRegularExpression& re, Mask mask)
{
    auto it = re.globalMatch(text);
    if (!it.hasNext())
        return text;
    QString out;
    qsizetype last = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart(1) - last);
        out += mask(m.captured(1));
        last = m.capturedEnd(1);
    }
    out += QStringView(text).mid(last);
    return out;
}

QString replaceTerms(QString text)
{
    QReadLocker locker(&termsLock());
    for (const Term& t : terms()) {
        // Latin terms (English names, permit numbers) match whatever the case.
        qsizetype from = 0;
        while ((from = text.indexOf(t.text, from, Qt::CaseInsensitive)) >= 0) {
            text.replace(from, t.text.size(), t.replacement);
            from += t.replacement.size();
        }
    }
    return text;
}

void addTerm(QList<Term>& list, const QString& raw, const QString& replacement)
{
    const QString text = raw.trimmed();
    // Characters, not UTF-16 units: a rare CJK character in a surrogate pair counts once.
    if (text.toUcs4().size() < 2)
        return;
    for (const Term& t : list) {
        if (t.text.compare(text, Qt::CaseInsensitive) == 0)
            return;
    }
    list.append({text, replacement});
}

} // namespace

void LogRedaction::setSessionTerms(const QStringList& names, const QStringList& others)
{
    QList<Term> next;
    for (const QString& n : names)
        addTerm(next, n, maskName(n.trimmed()));
    for (const QString& o : others)
        addTerm(next, o, QStringLiteral("[redacted]"));
    // Longest first, so "阿依古丽·买买提" is replaced before its part "买买提" could be.
    std::sort(next.begin(), next.end(),
              [](const Term& a, const Term& b) { return a.text.size() > b.text.size(); });
    QWriteLocker locker(&termsLock());
    wipeTerms(terms());
    terms() = std::move(next);
}

void LogRedaction::setSessionIdentity(const Identity& identity)
{
    QStringList names{identity.name, identity.englishName};
    // Parts of the English name on their own ("SMITH" without "JOHN"), and of a name with a
    // middle dot.
    static const QRegularExpression separators(QStringLiteral("[\\s,·•]+"));
    for (const QString& whole : {identity.englishName, identity.name}) {
        const QStringList parts = whole.split(separators, Qt::SkipEmptyParts);
        if (parts.size() > 1)
            names += parts;
    }
    const QStringList others{identity.address, identity.appendedAddress, identity.idNumber,
                             identity.permitNumber, identity.previousNumber};
    setSessionTerms(names, others);
}

void LogRedaction::clearSessionTerms()
{
    QWriteLocker locker(&termsLock());
    wipeTerms(terms());
}

int LogRedaction::sessionTermCount()
{
    QReadLocker locker(&termsLock());
    return int(terms().size());
}

QString LogRedaction::redact(const QString& text)
{
    // Never destroyed, for the same reason as the terms.
    static const auto* hexRun = new QRegularExpression(
        QStringLiteral("(?<![0-9A-Fa-f])((?:[0-9A-Fa-f]{2}[ :]?){15,}[0-9A-Fa-f]{2})(?![0-9A-Fa-f])"));
    static const auto* idLike = new QRegularExpression(
        QStringLiteral("(?<![0-9A-Za-z])([0-9]{17}[0-9Xx]|[0-9]{15}|[A-Z]{3}[0-9]{12})(?![0-9A-Za-z])"));
    static const auto* mobile = new QRegularExpression(QStringLiteral("(?<![0-9])(1[3-9][0-9]{9})(?![0-9])"));
    // Phone numbers as the kiosk stores them (E.164, issue 19: +852, +853, +886, abroad), also
    // with the spaces a formatted number has, and Taiwan mobiles as typed (09 + 8 digits). Bare
    // 8-digit runs (a Hong Kong number without +852) are not masked: they cannot be told from
    // counters and sizes, and the kiosk never handles a number without its country code.
    static const auto* e164 =
        new QRegularExpression(QStringLiteral("(?<![0-9A-Za-z+])(\\+[1-9](?:[ -]?[0-9]){6,14})(?![0-9])"));
    static const auto* taiwanMobile =
        new QRegularExpression(QStringLiteral("(?<![0-9])(09[0-9]{8})(?![0-9])"));

    QString out = replaceTerms(text);
    out = replaceMatches(out, *hexRun, [](const QString& run) {
        qsizetype digits = 0;
        for (QChar c : run)
            digits += c.isLetterOrNumber() ? 1 : 0;
        return QStringLiteral("[hex %1 bytes]").arg(digits / 2);
    });
    out = replaceMatches(out, *idLike, maskMiddle);
    out = replaceMatches(out, *e164, [](const QString& phone) { return maskPhone(phone); });
    out = replaceMatches(out, *taiwanMobile, [](const QString& phone) { return maskPhone(phone); });
    out = replaceMatches(out, *mobile, [](const QString& phone) { return maskPhone(phone); });
    return out;
}

} // namespace onewindow
