// Fills a kiosk state directory's outbox with N synthetic submissions (the sync tests' payload)
// before the kiosk starts, for the GUI-stall benchmark's "sync of 10,000 items" (tests/bench).
// The kiosk later opens the same files with the same key file (<state-dir>/keys).
//   bench_fill_outbox --state-dir DIR --items N
#include "../../integration/sync/SyncTestSupport.h"
#include "app/storage/StorageWorker.h"

#include <algorithm>
#include <cstdio>

using namespace onewindow;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString stateDir = args.value(args.indexOf(QStringLiteral("--state-dir")) + 1);
    const int items = args.value(args.indexOf(QStringLiteral("--items")) + 1).toInt();
    if (!args.contains(QStringLiteral("--state-dir")) || items <= 0) {
        std::fprintf(stderr, "usage: bench_fill_outbox --state-dir DIR --items N\n");
        return 2;
    }
    QDir().mkpath(stateDir);
    storage::StorageConfig config;
    config.stateDir = stateDir;
    storage::StorageWorker worker(config);
    if (!worker.open()) {
        std::fprintf(stderr, "bench_fill_outbox: storage failed to open in %s\n", qPrintable(stateDir));
        return 1;
    }
    worker.outbox().setCheckpointAfterEnqueue(false); // filling is not what is measured
    // Groups of 500 in one transaction (enqueue nests as a savepoint): one fsync per group.
    int failed = 0;
    for (int start = 0; start < items; start += 500) {
        worker.outbox().inOneTransaction([&] {
            for (int i = start; i < std::min(items, start + 500); ++i)
                failed += worker.outbox().enqueue(testing::makeSubmission(i)) ? 0 : 1;
        });
    }
    if (failed > 0) {
        std::fprintf(stderr, "bench_fill_outbox: %d enqueues failed\n", failed);
        return 1;
    }
    std::printf("filled %d\n", items);
    return 0;
}
