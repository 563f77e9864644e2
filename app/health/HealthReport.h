#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace onewindow::health {

// ok / warn / fail. Only fail makes the kiosk unhealthy (and stops the systemd watchdog):
// warn is for what a restart would not fix (a hub that is down, a paused queue).
enum class HealthStatus
{
    Ok,
    Warn,
    Fail,
};
const char* healthStatusKey(HealthStatus s); // "ok", "warn", "fail"

// One check's verdict. `detail` is plain English for technicians and never holds personal data.
struct HealthCheck
{
    QString name; // reader_thread, outbox_db, cache_db, audit_db, sync, disk
    HealthStatus status = HealthStatus::Ok;
    QString detail;
    QDateTime since; // when this check last changed status (UTC)

    bool operator==(const HealthCheck&) const = default;
};

// The latest verdict of every check.
struct HealthReport
{
    QList<HealthCheck> checks;
    QDateTime at;         // when it was made (UTC)
    bool complete = true; // false until every probe answered (or timed out) once

    // No check in fail, and every probe has had its first say.
    bool healthy() const;
    QStringList failedChecks() const;
    QStringList warningChecks() const;
    const HealthCheck* check(const QString& name) const;

    // {"healthy": bool, "checks": [{"name","status","detail","since"}...], "at": ISO}
    QJsonObject toJson() const;

    // `checks` with `since` carried over from `previous` where a check kept its status, and
    // `now` where it is new or changed.
    static QList<HealthCheck> carrySince(const HealthReport& previous, QList<HealthCheck> checks,
                                         const QDateTime& now);
};

} // namespace onewindow::health

Q_DECLARE_METATYPE(onewindow::health::HealthReport)
