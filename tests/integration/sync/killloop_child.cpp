// Child of tst_sync_killloop: enqueues submissions and syncs them, forever, until the parent
// kills it with SIGKILL at a random moment. After each enqueue's commit it prints
// "OK <item id>" (the receipt the resident would see); the parent checks every such item
// reaches the hub exactly once.
//   sync_killloop_child STATE_DIR HUB_URL PKI_DIR
#include "SyncTestSupport.h"
#include "app/storage/StorageWorker.h"
#include "app/sync/SyncEngine.h"

#include <cstdio>

using namespace onewindow;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4)
        return 2;
    storage::StorageConfig config;
    config.stateDir = QString::fromLocal8Bit(argv[1]);
    storage::StorageWorker worker(config);
    if (!worker.open())
        return 3;
    sync::HubConfig hub;
    hub.url = QString::fromLocal8Bit(argv[2]);
    const QString pki = QString::fromLocal8Bit(argv[3]);
    hub.kioskId = QStringLiteral("kiosk-test-01");
    hub.caFile = pki + QStringLiteral("/ca.pem");
    hub.certFile = pki + QStringLiteral("/kiosk.pem");
    hub.keyFile = pki + QStringLiteral("/kiosk.key");
    sync::SyncSettings settings;
    settings.backoffBaseMs = 10;
    settings.backoffCapMs = 100;
    settings.batchSize = 5; // several batches per cycle: more places to be killed
    auto client = std::make_shared<sync::HubClient>(hub);
    sync::SyncEngine engine(
        client,
        [&worker](const std::function<void(storage::StorageWorker&)>& fn) {
            fn(worker);
            return true;
        },
        settings);
    for (int i = 0;; ++i) {
        const int burst = 1 + i % 7;
        for (int k = 0; k < burst; ++k) {
            auto receipt = worker.outbox().enqueue(testing::makeSubmission(i * 10 + k));
            if (!receipt)
                return 4;
            std::printf("OK %s\n", qPrintable(receipt.value().itemId));
            std::fflush(stdout);
        }
        engine.runCycle(true);
    }
}
