// Drain benchmark (DESIGN.md §13: ≥ 500 submissions/s to a loopback hub): N submissions are
// queued in a real outbox.db, then the sync engine drains them to the reference hub over
// mutual TLS; in the same run a plain libcurl loop measures the raw request rate of the same
// hub (one PUT per request, keep-alive, same TLS setup). Prints figures; asserts nothing about
// time, only that everything arrived exactly once.
//   bench_sync [--items N]        (ctest: --items 300; the figure: --items 10000)
#include "../../integration/sync/SyncTestSupport.h"
#include "app/storage/StorageWorker.h"
#include "app/sync/SyncEngine.h"

#include <cstdio>

using namespace onewindow;
using namespace onewindow::testing;

namespace {

double rawRequestRate(const HubProcess& hub, int n)
{
    const auto c = hub.config();
    CURL* e = curl_easy_init();
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
    headers = curl_slist_append(headers, ("Kiosk-Id: " + c.kioskId.toUtf8()).constData());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(e, CURLOPT_CAINFO, c.caFile.toLocal8Bit().constData());
    curl_easy_setopt(e, CURLOPT_SSLCERT, c.certFile.toLocal8Bit().constData());
    curl_easy_setopt(e, CURLOPT_SSLKEY, c.keyFile.toLocal8Bit().constData());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROXY, "");
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(
        e, CURLOPT_WRITEFUNCTION, +[](char*, size_t s, size_t n, void*) { return s * n; });
    QElapsedTimer t;
    t.start();
    int ok = 0;
    for (int i = 0; i < n; ++i) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray url = (c.url + QStringLiteral("/v1/submissions/") + id).toUtf8();
        const QByteArray key = "Idempotency-Key: \"" + id.toUtf8() + '"';
        curl_slist* h = curl_slist_append(nullptr, key.constData());
        for (curl_slist* it = headers; it; it = it->next)
            h = curl_slist_append(h, it->data);
        const QByteArray body =
            "{\"submission_id\":\"" + id.toUtf8() +
            "\",\"service_item_code\":\"raw\",\"payload\":{\"n\":" + QByteArray::number(i) + "}}";
        curl_easy_setopt(e, CURLOPT_URL, url.constData());
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, long(body.size()));
        long status = 0;
        if (curl_easy_perform(e) == CURLE_OK &&
            curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK && status == 201)
            ++ok;
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
        curl_slist_free_all(h);
    }
    const double seconds = t.elapsed() / 1000.0;
    curl_slist_free_all(headers);
    curl_easy_cleanup(e);
    if (ok != n)
        std::fprintf(stderr, "raw loop: %d of %d requests failed\n", n - ok, n);
    return n / seconds;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int items = 10000;
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArray(argv[i]) == "--items")
            items = QByteArray(argv[i + 1]).toInt();
    }
    if (items <= 0) {
        std::fprintf(stderr, "usage: bench_sync [--items N]\n");
        return 2;
    }
    HubProcess hub;
    QString error;
    if (!hub.start(&error)) {
        std::fprintf(stderr, "hub: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir state;
    storage::StorageConfig config;
    config.stateDir = state.path();
    storage::StorageWorker worker(config);
    if (!worker.open()) {
        std::fprintf(stderr, "storage failed to open\n");
        return 1;
    }
    worker.outbox().setCheckpointAfterEnqueue(false); // filling the queue is not what we measure
    QElapsedTimer fill;
    fill.start();
    for (int i = 0; i < items; ++i) {
        if (!worker.outbox().enqueue(makeSubmission(i))) {
            std::fprintf(stderr, "enqueue failed\n");
            return 1;
        }
    }
    const qint64 fillMs = fill.elapsed();

    sync::SyncSettings settings;
    settings.stateDir = state.path();
    auto client = std::make_shared<sync::HubClient>(hub.config());
    sync::SyncEngine engine(
        client,
        [&worker](const std::function<void(storage::StorageWorker&)>& fn) {
            fn(worker);
            return true;
        },
        settings);
    // An untimed first cycle drains the first N (warms TLS, the licence and catalogue streams,
    // SQLite's page cache); the timed drain is a second queue of N, the outbox stream alone.
    engine.runCycle(true);
    const int stored0 = hub.counters().value(QStringLiteral("stored")).toInt();
    for (int i = 0; i < items; ++i)
        worker.outbox().enqueue(makeSubmission(items + i));
    QElapsedTimer drain;
    drain.start();
    auto report = engine.runCycle(false);
    while (engine.status().queueDepth > 0 && drain.elapsed() < 600000)
        report = engine.runCycle(true);
    const double drainSeconds = drain.elapsed() / 1000.0;
    const int delivered = hub.counters().value(QStringLiteral("stored")).toInt() - stored0;

    const int rawN = qMin(items, 5000);
    const double raw = rawRequestRate(hub, rawN);
    const double drainRate = items / drainSeconds;
    std::printf("sync drain benchmark (%s)\n", qPrintable(sync::HubClient::curlVersion()));
    std::printf("  queue fill           : %d items in %lld ms\n", items, static_cast<long long>(fillMs));
    std::printf("  drain to hub         : %d submissions in %.2f s = %.0f submissions/s (batches of %d)\n",
                items, drainSeconds, drainRate, settings.batchSize);
    std::printf(
        "  raw hub request rate : %.0f PUT requests/s (plain libcurl loop, %d requests, keep-alive)\n", raw,
        rawN);
    std::printf("  ratio drain/raw      : %.2f\n", drainRate / raw);
    std::printf("  hub stored           : %d of %d (each once: %s)\n", delivered, items,
                delivered == items ? "yes" : "NO");
    return delivered == items && engine.status().queueDepth == 0 ? 0 : 1;
}
