#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>

namespace onewindow::sync {

struct HubResponse;

// What a failed (or successful) exchange means for the engine (DESIGN.md §7,
// offline-sync.md §7.3). Pure functions: unit-tested without a network.
enum class Outcome
{
    Ok,        // a 2xx (or 304) with a usable answer
    Transient, // retry later with backoff: no response, timeouts, 408/425/429/5xx, 409
    Auth,      // certificate/TLS trust or 401/403: pause the queue, alarm, no tight retry
    Permanent, // other 4xx: this request will never succeed as it is
};

const char* outcomeName(Outcome o);

// Classification of one exchange. `bodyUsable` is false when a 2xx body did not parse: the
// request may or may not have been applied (ambiguous, so transient).
Outcome classify(const HubResponse& response, bool bodyUsable = true);

// True when the hub may have applied the request although we got no usable answer (reset
// after sending, timeout, malformed body, 5xx from a proxy): reconcile before trusting it.
bool isAmbiguous(const HubResponse& response, bool bodyUsable = true);

// Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3), in ms from `now`.
std::optional<qint64> parseRetryAfter(const QByteArray& value, const QDateTime& now);

// Full-jitter exponential backoff: random(0, min(cap, base·2^attempt)); a Retry-After raises
// it to max(Retry-After, computed), clamped to retryAfterMax.
class Backoff
{
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    Backoff(qint64 baseMs, qint64 capMs, qint64 retryAfterMaxMs, Random random);
    qint64 delayMs(int attempt, std::optional<qint64> retryAfterMs = std::nullopt) const;
    qint64 jitterMs(qint64 maxMs) const; // random(0, maxMs): the reconnect stampede guard

private:
    qint64 m_base;
    qint64 m_cap;
    qint64 m_retryAfterMax;
    Random m_random;
};

// A retry quota per cycle (offline-sync.md §3, AWS standard mode): a retry costs 5 tokens, a
// retry after a timeout 10, a success gives 1 back. Empty = stop retrying this cycle.
class RetryBudget
{
public:
    explicit RetryBudget(int tokens) : m_tokens(tokens), m_max(tokens) {}
    static constexpr int kRetryCost = 5;
    static constexpr int kTimeoutCost = 10;
    bool tryAcquire(bool afterTimeout);
    void refund() { m_tokens = qMin(m_max, m_tokens + 1); }
    int tokens() const { return m_tokens; }

private:
    int m_tokens;
    int m_max;
};

} // namespace onewindow::sync
