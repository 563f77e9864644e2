// Kiosk overhead of a serial read, as a figure (no timed assert; DESIGN.md §13): the median
// and p95 time from "card placed" on the pty SAM emulator to cardRead on the GUI thread, over
// 20 reads with the default protocol timings. The emulator answers at once and a pty has no
// baud rate, so the UART time of a real module (1295 bytes at 115200 baud ≈ 112 ms, reference
// §10) and the card's RF time are NOT included. Place → read includes the wait for the next
// find (poll interval 300 ms: ≈ 150 ms on average); found → emitted is what follows detection
// on the reader thread. More rounds: ONEWINDOW_SERIAL_LATENCY_ROUNDS=200.
#include "SerialRig.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <algorithm>
#include <atomic>
#include <memory>

using namespace onewindow;
using namespace serialtest;

namespace {
double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(qMin(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}
} // namespace

class TstSerialLatency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeToRead();
};

void TstSerialLatency::placeToRead()
{
    const int rounds = qEnvironmentVariableIntValue("ONEWINDOW_SERIAL_LATENCY_ROUNDS") > 0
                           ? qEnvironmentVariableIntValue("ONEWINDOW_SERIAL_LATENCY_ROUNDS")
                           : 20;
    SerialSamPort::Options options;         // default timings …
    options.timings.removalMinSpanMs = 300; // … except a shorter removal window between rounds
    SerialRig rig;
    QVERIFY(rig.start(options));

    QList<double> placeToRead; // emulator told to place → cardRead delivered on this thread
    QList<double> foundToRead; // backend: card found → identity decoded and emitted (reader thread)
    // Shared with the reader thread's lambdas, which may outlive this scope's locals.
    struct Stamps
    {
        QElapsedTimer clock;
        std::atomic<qint64> found{-1}, emitted{-1}, read{-1};
    };
    auto t = std::make_shared<Stamps>();
    t->clock.start();
    // Reader-thread timestamps, taken by direct connections on the backend itself.
    rig.manager->invokeOnBackend(QStringLiteral("serial"), [t](ReaderBackend* b) {
        QObject::connect(
            b, &ReaderBackend::cardPresent, b, [t] { t->found = t->clock.nsecsElapsed(); },
            Qt::DirectConnection);
        QObject::connect(
            b, &ReaderBackend::cardRead, b, [t] { t->emitted = t->clock.nsecsElapsed(); },
            Qt::DirectConnection);
    });
    QObject::connect(rig.manager.get(), &ReaderManager::cardRead, rig.manager.get(),
                     [t] { t->read = t->clock.nsecsElapsed(); });
    const char* fixtures[] = {"resident", "hmt_permit", "foreign_2017", "foreign_2023"};
    for (int i = 0; i < rounds; ++i) {
        const int before = int(rig.read->count());
        // A resident arrives at any moment of the poll cycle, not in step with it.
        QTest::qWait(int(QRandomGenerator::global()->bounded(options.timings.pollIntervalMs)));
        t->found = t->emitted = t->read = -1;
        const qint64 placeNs = t->clock.nsecsElapsed();
        rig.emulator.command(QStringLiteral("place %1").arg(QLatin1String(fixtures[i % 4])));
        QVERIFY(SerialRig::waitCount(*rig.read, before + 1, 5000));
        QVERIFY(t->found > 0 && t->emitted >= t->found && t->read >= t->emitted);
        placeToRead.append(double(t->read - placeNs) / 1e6);
        foundToRead.append(double(t->emitted - t->found) / 1e6);
        QVERIFY(rig.removeCard());
    }
    QCOMPARE(int(rig.read->count()), rounds);
    QCOMPARE(int(rig.failed->count()), 0);
    qInfo("serial SAM, %d reads (pty, instant SAM, no UART time): place -> cardRead median %.1f ms, p95 "
          "%.1f ms; found -> identity emitted (select, read, address, decode) median %.2f ms, p95 %.2f ms",
          rounds, percentile(placeToRead, 0.5), percentile(placeToRead, 0.95), percentile(foundToRead, 0.5),
          percentile(foundToRead, 0.95));
}

QTEST_GUILESS_MAIN(TstSerialLatency)
#include "tst_serial_latency.moc"
