#include "app/health/HealthReport.h"

#include <QJsonArray>

namespace onewindow::health {

const char* healthStatusKey(HealthStatus s)
{
    switch (s) {
    case HealthStatus::Ok:
        return "ok";
    case HealthStatus::Warn:
        return "warn";
    case HealthStatus::Fail:
        return "fail";
    }
    return "fail";
}

bool HealthReport::healthy() const
{
    return complete && failedChecks().isEmpty();
}

QStringList HealthReport::failedChecks() const
{
    QStringList names;
    for (const HealthCheck& c : checks) {
        if (c.status == HealthStatus::Fail)
            names << c.name;
    }
    return names;
}

QStringList HealthReport::warningChecks() const
{
    QStringList names;
    for (const HealthCheck& c : checks) {
        if (c.status == HealthStatus::Warn)
            names << c.name;
    }
    return names;
}

const HealthCheck* HealthReport::check(const QString& name) const
{
    for (const HealthCheck& c : checks) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QJsonObject HealthReport::toJson() const
{
    QJsonArray list;
    for (const HealthCheck& c : checks) {
        list.append(QJsonObject{
            {QStringLiteral("name"), c.name},
            {QStringLiteral("status"), QString::fromLatin1(healthStatusKey(c.status))},
            {QStringLiteral("detail"), c.detail},
            {QStringLiteral("since"), c.since.isValid() ? QJsonValue(c.since.toUTC().toString(Qt::ISODate))
                                                        : QJsonValue(QJsonValue::Null)},
        });
    }
    // A failed check is known even before every probe has answered; "healthy" needs all of them.
    // Until then the hub is told null ("unknown"), so a fresh start is not reported as a fault.
    const QJsonValue healthyValue = !failedChecks().isEmpty() ? QJsonValue(false)
                                    : complete                ? QJsonValue(true)
                                                              : QJsonValue(QJsonValue::Null);
    return QJsonObject{
        {QStringLiteral("healthy"), healthyValue},
        {QStringLiteral("checks"), list},
        {QStringLiteral("at"),
         at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
    };
}

QList<HealthCheck> HealthReport::carrySince(const HealthReport& previous, QList<HealthCheck> checks,
                                            const QDateTime& now)
{
    for (HealthCheck& c : checks) {
        const HealthCheck* before = previous.check(c.name);
        c.since = before && before->status == c.status && before->since.isValid() ? before->since : now;
    }
    return checks;
}

} // namespace onewindow::health
