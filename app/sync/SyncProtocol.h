#pragma once

#include "app/storage/LicenseCache.h"
#include "app/storage/OutboxTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace onewindow::sync {

// The JSON of docs/sync-protocol.md, built and parsed in one place. Parsers take untrusted
// bytes and never throw or crash: a malformed answer is a value with ok == false.
namespace protocol {

// §3.2 canonical JSON: object keys sorted by code point, no insignificant whitespace, strings
// escaped minimally (", \, control characters), integers without a fraction. The fingerprint
// is the lower-case hex SHA-256 of these bytes.
QByteArray canonicalJson(const QJsonValue& value);
QString fingerprint(const QJsonObject& payload);

// One outbox submission as the hub receives it (PUT body and :batch item).
struct OutgoingSubmission
{
    QString submissionId;
    QJsonObject body; // submission_id, service_item_code, …, payload, payload_sha256
    QString fingerprint;
};
// Builds the body from an outbox entry and its decrypted payload; empty `error` on success
// (a payload that is not a JSON object cannot be sent and is rejected locally).
OutgoingSubmission submissionBody(const storage::OutboxEntry& entry, const QByteArray& payload,
                                  QString* error);
// A rating item for ratings:batch; rating_id is the outbox item id.
QJsonObject ratingBody(const storage::OutboxEntry& entry, const QByteArray& payload, QString* error);

// One per-item result of a PUT or a :batch answer.
struct ItemResult
{
    QString id;
    QString status; // accepted | duplicate | rejected | retry | conflict | (anything else: retry)
    int code = 0;
    QString caseNo;
    QString promisedDate;
    QString fingerprint;
    QString error;
    std::optional<qint64> retryAfterMs;
};
std::optional<ItemResult> parseItemResult(const QJsonObject& o, const char* idKey = "submission_id");
// {"results":[…]}; std::nullopt when the answer is not that shape.
std::optional<QList<ItemResult>> parseBatchResults(const QByteArray& body, const char* idKey);
std::optional<QJsonObject> parseObject(const QByteArray& body);

// GET /v1/licenses/changes
std::optional<storage::DeltaPage> parseDeltaPage(const QByteArray& body, QString* error);

// GET /v1/catalog: the ETag header as it is kept and sent back in If-None-Match; empty when
// it is not a well-formed entity-tag (RFC 9110 §8.8.3, visible ASCII, at most 256 bytes).
QString etagFromHeader(const QByteArray& value);

// POST /v1/heartbeat answer.
struct HubCommand
{
    QString id;
    QString type; // sync_now | lock | unlock | purge_cache | set_config | …
    QJsonObject args;
};
struct HeartbeatAnswer
{
    QDateTime serverTime;
    QList<HubCommand> commands;
    qint64 intervalMs = 0; // 0 = keep ours
};
std::optional<HeartbeatAnswer> parseHeartbeat(const QByteArray& body);

// POST /v1/assist:request (人工帮办, §13). Every value is an enum name, a code or an ID the kiosk
// made: the body has no field that could carry a resident's data (the field KEY, never its value).
struct AssistRequest
{
    QString requestId; // a UUID per press; a retry of one press repeats it
    QString kioskId;
    QString screen;      // "form", "review", … (assist::screenName)
    QString serviceItem; // 事项实施编码, empty outside an item
    QString reason;      // "resident_pressed_help" | "wrong_prefilled_field"
    QString field;       // the schema key of the wrong field (wrong_prefilled_field only)
};
QByteArray assistRequestBody(const AssistRequest& request);

struct AssistAnswer
{
    enum class Status
    {
        Accepted,      // the hall has the request; no one assigned yet
        StaffOnTheWay, // a member of staff is coming to this kiosk
        Queued,        // waiting behind others: queuePosition ≥ 1
    };
    QString requestId;
    Status status = Status::Accepted;
    int queuePosition = 0;         // Queued only
    std::optional<int> etaSeconds; // when the hub gives one
};
// Answers larger than kMaxAssistAnswer, of another shape or with an unknown status are nullopt.
constexpr qsizetype kMaxAssistAnswer = 16 * 1024;
std::optional<AssistAnswer> parseAssistAnswer(const QByteArray& body);

} // namespace protocol
} // namespace onewindow::sync

Q_DECLARE_METATYPE(onewindow::sync::protocol::HubCommand)
