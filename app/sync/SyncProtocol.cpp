#include "app/sync/SyncProtocol.h"

#include "app/platform/Crypto.h"
#include "app/platform/SafeNumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace onewindow::sync::protocol {

namespace {

// The longest wait or interval a hub answer may set (a day); beyond that it is ignored.
constexpr qint64 kMaxWaitMs = 24LL * 3600 * 1000;

void appendString(QByteArray& out, const QString& s)
{
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                qsnprintf(buf, sizeof buf, "\\u%04x", c);
                out.append(buf);
            } else {
                out.append(char(c));
            }
        }
    }
    out.append('"');
}

void appendNumber(QByteArray& out, double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
        out.append(QByteArray::number(qint64(d)));
        return;
    }
    if (!std::isfinite(d)) {
        out.append("null");
        return;
    }
    out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

void append(QByteArray& out, const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(v.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        appendNumber(out, v.toDouble());
        break;
    case QJsonValue::String:
        appendString(out, v.toString());
        break;
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        for (const QJsonValue& e : v.toArray()) {
            if (!first)
                out.append(',');
            first = false;
            append(out, e);
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QList<QPair<QByteArray, QString>> keys; // UTF-8 byte order == code point order
        for (auto it = o.begin(); it != o.end(); ++it)
            keys.append({it.key().toUtf8(), it.key()});
        std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        out.append('{');
        bool first = true;
        for (const auto& [bytes, key] : keys) {
            if (!first)
                out.append(',');
            first = false;
            appendString(out, key);
            out.append(':');
            append(out, o.value(key));
        }
        out.append('}');
        break;
    }
    }
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QByteArray canonicalJson(const QJsonValue& value)
{
    QByteArray out;
    append(out, value);
    return out;
}

QString fingerprint(const QJsonObject& payload)
{
    return QString::fromLatin1(crypto::sha256(canonicalJson(payload)).toHex());
}

std::optional<QJsonObject> parseObject(const QByteArray& body)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

OutgoingSubmission submissionBody(const storage::OutboxEntry& e, const QByteArray& payload, QString* error)
{
    OutgoingSubmission s;
    s.submissionId = e.itemId;
    const auto form = parseObject(payload);
    if (!form) {
        *error = QStringLiteral("payload is not a JSON object");
        return s;
    }
    error->clear();
    s.fingerprint = fingerprint(*form);
    s.body = QJsonObject{
        {QStringLiteral("submission_id"), e.itemId},
        {QStringLiteral("service_item_code"), e.serviceItemCode},
        {QStringLiteral("service_item_name"), e.serviceItemName},
        {QStringLiteral("query_code"), e.queryCode},
        {QStringLiteral("created_at"), e.createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("payload"), *form},
        {QStringLiteral("payload_sha256"), s.fingerprint},
    };
    return s;
}

QJsonObject ratingBody(const storage::OutboxEntry& e, const QByteArray& payload, QString* error)
{
    auto o = parseObject(payload);
    if (!o) {
        *error = QStringLiteral("rating payload is not a JSON object");
        return {};
    }
    error->clear();
    o->insert(QStringLiteral("rating_id"), e.itemId);
    o->insert(QStringLiteral("created_at"), e.createdAt.toUTC().toString(Qt::ISODateWithMs));
    return *o;
}

std::optional<ItemResult> parseItemResult(const QJsonObject& o, const char* idKey)
{
    ItemResult r;
    r.id = str(o, idKey);
    r.status = str(o, "status");
    if (r.id.isEmpty() || r.status.isEmpty())
        return std::nullopt;
    r.code = o.value(QLatin1String("code")).toInt();
    r.caseNo = str(o, "case_no");
    r.promisedDate = str(o, "promised_date");
    r.fingerprint = str(o, "fingerprint");
    r.error = str(o, "error");
    const QJsonValue ra = o.value(QLatin1String("retry_after_s"));
    if (ra.isDouble())
        r.retryAfterMs = secondsToMs(ra.toDouble(), kMaxWaitMs); // absurd waits are ignored
    return r;
}

std::optional<QList<ItemResult>> parseBatchResults(const QByteArray& body, const char* idKey)
{
    const auto o = parseObject(body);
    if (!o || !o->value(QLatin1String("results")).isArray())
        return std::nullopt;
    QList<ItemResult> out;
    for (const QJsonValue& v : o->value(QLatin1String("results")).toArray()) {
        if (auto r = parseItemResult(v.toObject(), idKey))
            out.append(*r);
    }
    return out;
}

std::optional<storage::DeltaPage> parseDeltaPage(const QByteArray& body, QString* error)
{
    const auto o = parseObject(body);
    if (!o || !o->value(QLatin1String("changes")).isArray() ||
        !o->value(QLatin1String("next_cursor")).isString()) {
        *error = QStringLiteral("licence changes: not {changes[], next_cursor, has_more}");
        return std::nullopt;
    }
    storage::DeltaPage page;
    page.nextCursor = str(*o, "next_cursor");
    page.hasMore = o->value(QLatin1String("has_more")).toBool();
    for (const QJsonValue& v : o->value(QLatin1String("changes")).toArray()) {
        const QJsonObject c = v.toObject();
        storage::LicenseChange change;
        const QString op = str(c, "op");
        if (op == QLatin1String("upsert"))
            change.op = storage::LicenseChange::Op::Upsert;
        else if (op == QLatin1String("revoke"))
            change.op = storage::LicenseChange::Op::Revoke;
        else if (op == QLatin1String("delete"))
            change.op = storage::LicenseChange::Op::Delete;
        else
            continue; // an op this build does not know: skipped, the cursor still advances
        // Out of range reads as 0, which LicenseCache::applyPage counts as invalid.
        change.hubVersion = toInt64(c.value(QLatin1String("hub_version")).toDouble()).value_or(0);
        // Field errors are counted by LicenseCache::applyPage (invalid), not fatal here.
        change.license = ELicense::fromJson(c.value(QLatin1String("license")).toObject());
        change.license.sync.hubVersion = change.hubVersion;
        change.license.sync.op = op;
        page.changes.append(change);
    }
    error->clear();
    return page;
}

QString etagFromHeader(const QByteArray& value)
{
    // RFC 9110 §8.8.3: [W/]"…" of visible ASCII but '"'. Anything else (a CR that would end
    // our If-None-Match header early, obs-text, a megabyte) is dropped: the next fetch is
    // then unconditional, which costs bandwidth, not correctness.
    constexpr qsizetype kMaxEtag = 256;
    const QByteArray tag = value.startsWith("W/") ? value.mid(2) : value;
    if (value.size() > kMaxEtag || tag.size() < 2 || !tag.startsWith('"') || !tag.endsWith('"'))
        return {};
    for (qsizetype i = 1; i + 1 < tag.size(); ++i) {
        const auto c = quint8(tag.at(i));
        if (c < 0x21 || c > 0x7e || c == '"')
            return {};
    }
    return QString::fromLatin1(value);
}

std::optional<HeartbeatAnswer> parseHeartbeat(const QByteArray& body)
{
    const auto o = parseObject(body);
    if (!o)
        return std::nullopt;
    HeartbeatAnswer a;
    a.serverTime = QDateTime::fromString(str(*o, "server_time"), Qt::ISODateWithMs);
    for (const QJsonValue& v : o->value(QLatin1String("commands")).toArray()) {
        const QJsonObject c = v.toObject();
        HubCommand cmd{str(c, "id"), str(c, "type"), c.value(QLatin1String("args")).toObject()};
        if (!cmd.id.isEmpty() && !cmd.type.isEmpty())
            a.commands.append(cmd);
    }
    const double interval = o->value(QLatin1String("heartbeat_interval_s")).toDouble();
    if (interval > 0)
        a.intervalMs = secondsToMs(interval, kMaxWaitMs).value_or(0); // absurd: keep ours
    return a;
}

QByteArray assistRequestBody(const AssistRequest& r)
{
    QJsonObject o{{QStringLiteral("request_id"), r.requestId},
                  {QStringLiteral("kiosk_id"), r.kioskId},
                  {QStringLiteral("screen"), r.screen},
                  {QStringLiteral("reason"), r.reason}};
    if (!r.serviceItem.isEmpty())
        o.insert(QStringLiteral("service_item_code"), r.serviceItem);
    if (!r.field.isEmpty())
        o.insert(QStringLiteral("field"), r.field);
    return canonicalJson(o);
}

std::optional<AssistAnswer> parseAssistAnswer(const QByteArray& body)
{
    if (body.size() > kMaxAssistAnswer)
        return std::nullopt;
    const auto o = parseObject(body);
    if (!o)
        return std::nullopt;
    AssistAnswer a;
    a.requestId = str(*o, "request_id");
    const QString status = str(*o, "status");
    if (status == QLatin1String("accepted"))
        a.status = AssistAnswer::Status::Accepted;
    else if (status == QLatin1String("staff_on_the_way"))
        a.status = AssistAnswer::Status::StaffOnTheWay;
    else if (status == QLatin1String("queued"))
        a.status = AssistAnswer::Status::Queued;
    else
        return std::nullopt;
    const double position = o->value(QLatin1String("queue_position")).toDouble(0);
    if (a.status == AssistAnswer::Status::Queued) {
        // A queue place must be a small positive whole number; anything else is not trusted.
        if (!(position >= 1 && position <= 9999 && position == std::floor(position)))
            return std::nullopt;
        a.queuePosition = int(position);
    }
    const QJsonValue eta = o->value(QLatin1String("eta_s"));
    if (eta.isDouble() && eta.toDouble() >= 0 && eta.toDouble() <= 24 * 3600)
        a.etaSeconds = int(eta.toDouble());
    return a;
}

} // namespace onewindow::sync::protocol
