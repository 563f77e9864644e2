// Fuzz target: the hub's response headers as libcurl delivers them, one line per call —
// Retry-After (delta-seconds or an HTTP-date), the catalogue's ETag (sent back verbatim as
// If-None-Match) and whatever else arrives. Lines are split at '\n' like curl does.
#include "app/sync/HubClient.h"
#include "app/sync/RetryPolicy.h"
#include "app/sync/SyncProtocol.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow::sync;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView all(reinterpret_cast<const char*>(data), qsizetype(size));
    QMap<QByteArray, QByteArray> headers;
    qsizetype start = 0;
    while (start < all.size()) {
        qsizetype end = all.indexOf('\n', start);
        end = end < 0 ? all.size() : end + 1;
        addHeaderLine(headers, all.sliced(start, end - start));
        start = end;
    }
    static const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1796000000, Qt::UTC);
    for (const QByteArray& value : headers) {
        if (const auto ms = parseRetryAfter(value, kNow); ms && *ms < 0)
            __builtin_trap(); // a wait in the past must read as "now"
    }
    // The ETag goes back to the hub in a request header: it must not be able to end that
    // header or add another one.
    const QByteArray etag = protocol::etagFromHeader(headers.value("etag")).toUtf8();
    for (const char c : etag) {
        if (quint8(c) < 0x21 || quint8(c) > 0x7e)
            __builtin_trap();
    }
    (void)parseRetryAfter(all.toByteArray(), kNow);
    return 0;
}
