#include "app/sync/RetryPolicy.h"

#include "app/sync/HttpDate.h"
#include "app/sync/HubClient.h"

#include <algorithm>
#include <cmath>
#include <curl/curl.h>
#include <limits>

namespace onewindow::sync {

const char* outcomeName(Outcome o)
{
    switch (o) {
    case Outcome::Ok:
        return "ok";
    case Outcome::Transient:
        return "transient";
    case Outcome::Auth:
        return "auth";
    case Outcome::Permanent:
        return "permanent";
    }
    return "?";
}

namespace {

// The server refused our client certificate: with TLS 1.3 this arrives as an alert on the
// first read (curl 55/56), not as a handshake error, so curl's code alone cannot tell.
bool isCertificateAlert(const QString& error)
{
    static const char* const kAlerts[] = {"alert certificate",       "alert bad certificate",
                                          "alert unknown ca",        "certificate required",
                                          "alert handshake failure", "alert access denied"};
    for (const char* a : kAlerts) {
        if (error.contains(QLatin1String(a), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

Outcome classify(const HubResponse& r, bool bodyUsable)
{
    if (r.curlCode != CURLE_OK) {
        switch (r.curlCode) {
        case CURLE_PEER_FAILED_VERIFICATION: // 60: the hub's certificate is not trusted
        case CURLE_SSL_CERTPROBLEM:          // 58: our own certificate or key is unusable
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH: // 90
        case CURLE_SSL_CACERT_BADFILE:       // 77
        case CURLE_SSL_ISSUER_ERROR:
            return Outcome::Auth;
        case CURLE_SSL_CONNECT_ERROR: // 35
        case CURLE_SEND_ERROR:        // 55
        case CURLE_RECV_ERROR:        // 56
            return isCertificateAlert(r.error) ? Outcome::Auth : Outcome::Transient;
        default:
            return Outcome::Transient; // 6/7/28/52/… and aborted transfers
        }
    }
    const int s = r.httpStatus;
    if (s == 0)
        return Outcome::Transient; // curl #2801: CURLE_OK without a response
    if (s == 401 || s == 403 || s == 495 || s == 496)
        return Outcome::Auth;
    if (s == 408 || s == 409 || s == 425 || s == 429 || s >= 500)
        return Outcome::Transient;
    if (s >= 400)
        return Outcome::Permanent;
    return bodyUsable ? Outcome::Ok : Outcome::Transient;
}

bool isAmbiguous(const HubResponse& r, bool bodyUsable)
{
    if (r.curlCode != CURLE_OK) {
        // Failures before the request left the machine cannot have been applied.
        switch (r.curlCode) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return false;
        default:
            return r.requestSent;
        }
    }
    if (r.httpStatus == 0)
        return true;
    if (r.httpStatus == 408 || r.httpStatus == 425 || r.httpStatus == 429 || r.httpStatus == 503)
        return false; // the hub says it did not process it
    if (r.httpStatus >= 500)
        return true;
    return r.httpStatus < 300 && !bodyUsable;
}

std::optional<qint64> parseRetryAfter(const QByteArray& value, const QDateTime& now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok) {
        // Saturate: ×1000 of a huge value would overflow; Backoff clamps it to its maximum anyway.
        constexpr qint64 kMaxSeconds = std::numeric_limits<qint64>::max() / 1000;
        return seconds < 0 ? std::nullopt : std::optional<qint64>(std::min(seconds, kMaxSeconds) * 1000);
    }
    const auto at = parseHttpDate(v, now);
    if (!at)
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(*at));
}

Backoff::Backoff(qint64 baseMs, qint64 capMs, qint64 retryAfterMaxMs, Random random)
    : m_base(std::max<qint64>(1, baseMs)), m_cap(std::max<qint64>(1, capMs)),
      m_retryAfterMax(retryAfterMaxMs), m_random(std::move(random))
{}

qint64 Backoff::delayMs(int attempt, std::optional<qint64> retryAfterMs) const
{
    const int shift = std::clamp(attempt, 0, 40);
    const double ceiling = std::min<double>(double(m_cap), double(m_base) * std::ldexp(1.0, shift));
    qint64 delay = qint64(m_random() * ceiling);
    if (retryAfterMs)
        delay = std::max(delay, std::min(*retryAfterMs, m_retryAfterMax));
    return delay;
}

qint64 Backoff::jitterMs(qint64 maxMs) const
{
    return maxMs <= 0 ? 0 : qint64(m_random() * double(maxMs));
}

bool RetryBudget::tryAcquire(bool afterTimeout)
{
    const int cost = afterTimeout ? kTimeoutCost : kRetryCost;
    if (m_tokens < cost)
        return false;
    m_tokens -= cost;
    return true;
}

} // namespace onewindow::sync
