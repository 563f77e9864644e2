#include "app/admin/LockoutState.h"

#include "app/admin/AtomicFile.h"
#include "app/platform/SafeNumbers.h"
#include "base/files/BoundedRead.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <sys/stat.h>
#include <unistd.h>

namespace onewindow::admin {

LockoutState::LockoutState(QString path, int maxFailures, int lockoutMinutes, Clock clock)
    : m_path(std::move(path)), m_maxFailures(qMax(1, maxFailures)), m_lockoutMinutes(qMax(1, lockoutMinutes)),
      m_clock(std::move(clock))
{}

QString LockoutState::pathIn(const QString& stateDir)
{
    return stateDir + QStringLiteral("/admin-lockout.json");
}

QDateTime LockoutState::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

LockoutState::Snapshot LockoutState::readFile(bool* rewrite) const
{
    *rewrite = false;
    // Bounded, and a FIFO or a device is refused instead of blocking the PIN pad.
    const files::ReadResult file =
        files::readRegularFile(m_path, files::kSmallStateMaxBytes, QStringLiteral("lockout state"));
    if (file.missing)
        return Snapshot{};
    Snapshot s = parse(file.ok() ? std::optional<QByteArray>(file.bytes) : std::nullopt, rewrite);
    if (!file.ok())
        s.error = QStringLiteral("%1; locked").arg(file.error);
    return s;
}

LockoutState::Snapshot LockoutState::parse(const std::optional<QByteArray>& contents, bool* rewrite) const
{
    *rewrite = false;
    Snapshot s;
    const QDateTime current = now();
    bool valid = false;
    QJsonObject o;
    if (contents) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(*contents, &err);
        valid = err.error == QJsonParseError::NoError && doc.isObject();
        o = doc.object();
    }
    if (valid) {
        s.failures = o.value(QStringLiteral("failures")).toInt(-1);
        const QJsonValue at = o.value(QStringLiteral("locked_at_ms"));
        const std::optional<qint64> atMs = at.isDouble() ? toInt64(at.toDouble()) : std::nullopt;
        valid = s.failures >= 0 && (at.isNull() || at.isUndefined() || atMs);
        if (valid && atMs)
            s.lockedAt = QDateTime::fromMSecsSinceEpoch(*atMs, Qt::UTC);
    }
    if (!valid) {
        // Fail closed: whoever can damage this file must not gain attempts by doing so.
        s = Snapshot{};
        s.failures = m_maxFailures;
        s.lockedAt = current;
        s.error = QStringLiteral("lockout state %1 is unreadable or corrupt; locked").arg(m_path);
        *rewrite = true;
    }
    if (s.lockedAt.isValid()) {
        if (current < s.lockedAt) { // the clock went back: the lock starts again now
            s.lockedAt = current;
            *rewrite = true;
        }
        const QDateTime until = s.lockedAt.addSecs(qint64(m_lockoutMinutes) * 60);
        if (current >= until) { // expired: a fresh start
            s = Snapshot{};
            *rewrite = true;
        } else {
            s.lockedUntil = until;
        }
    }
    return s;
}

LockoutState::Snapshot LockoutState::read() const
{
    bool rewrite = false;
    Snapshot s = readFile(&rewrite);
    if (rewrite) {
        const QString error = write(s.failures, s.lockedAt);
        if (s.error.isEmpty())
            s.error = error;
    }
    return s;
}

LockoutState::Snapshot LockoutState::peek() const
{
    bool rewrite = false;
    return readFile(&rewrite);
}

LockoutState::Snapshot LockoutState::recordFailure() const
{
    bool rewrite = false;
    Snapshot s = readFile(&rewrite);
    if (!s.locked()) {
        s.failures += 1;
        if (s.failures >= m_maxFailures) {
            s.lockedAt = now();
            s.lockedUntil = s.lockedAt.addSecs(qint64(m_lockoutMinutes) * 60);
        }
    }
    const QString error = write(s.failures, s.lockedAt);
    if (s.error.isEmpty())
        s.error = error;
    return s;
}

QString LockoutState::recordSuccess() const
{
    return write(0, {});
}

QString LockoutState::clear() const
{
    return write(0, {});
}

QString LockoutState::write(int failures, const QDateTime& lockedAt) const
{
    QJsonObject o;
    o.insert(QStringLiteral("version"), 1);
    o.insert(QStringLiteral("failures"), failures);
    o.insert(QStringLiteral("locked_at_ms"),
             lockedAt.isValid() ? QJsonValue(double(lockedAt.toMSecsSinceEpoch())) : QJsonValue());
    o.insert(QStringLiteral("locked_at"),
             lockedAt.isValid() ? QJsonValue(lockedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue());
    long uid = -1, gid = -1;
    struct stat dir
    {};
    if (::geteuid() == 0 &&
        ::stat(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(), &dir) == 0) {
        uid = long(dir.st_uid);
        gid = long(dir.st_gid);
    }
    return AtomicFile::write(m_path, QJsonDocument(o).toJson(QJsonDocument::Compact), 0600, gid, uid);
}

} // namespace onewindow::admin
