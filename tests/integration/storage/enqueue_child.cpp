// Helper process for tst_storage_killloop: opens the state directory like the kiosk does and
// enqueues submissions in a loop, printing "OK <item id> <sha256 of payload>" only after each
// enqueue returned success. The parent kills it with SIGKILL at a random moment.
#include "app/platform/Crypto.h"
#include "app/storage/StorageWorker.h"

#include <QCoreApplication>
#include <cstdio>
#include <unistd.h>

using namespace onewindow;
using namespace onewindow::storage;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: storage_enqueue_child STATE_DIR [COUNT]\n");
        return 2;
    }
    StorageConfig config;
    config.stateDir = QString::fromLocal8Bit(argv[1]);
    const int count = argc > 2 ? std::atoi(argv[2]) : 1000000;
    StorageWorker worker(config);
    auto health = worker.open();
    if (!health.ok()) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(health.error().toString()));
        return 2;
    }
    std::printf("READY\n");
    std::fflush(stdout);
    for (int i = 0; i < count; ++i) {
        Submission s;
        s.serviceItemCode = QStringLiteral("KILL-LOOP");
        s.payload = QStringLiteral(R"({"pid":%1,"n":%2,"pad":"%3"})")
                        .arg(::getpid())
                        .arg(i)
                        .arg(QString(200 + i % 300, QLatin1Char('x')))
                        .toUtf8();
        auto receipt = worker.outbox().enqueue(s);
        if (!receipt.ok()) {
            std::fprintf(stderr, "enqueue failed: %s\n", qPrintable(receipt.error().toString()));
            return 1;
        }
        std::printf("OK %s %s\n", qPrintable(receipt->itemId), crypto::sha256(s.payload).toHex().constData());
        std::fflush(stdout);
    }
    return 0;
}
