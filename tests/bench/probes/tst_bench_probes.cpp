// The kiosk's performance probes (app/perf): the figures they print must mean what the
// benchmark table says. A real offscreen QQuickWindow renders the frames.
#include "app/perf/GuiStallProbe.h"
#include "app/perf/JourneyTimings.h"
#include "app/perf/MemoryProbe.h"
#include "app/perf/ProcessClock.h"
#include "app/perf/StartupProbe.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace onewindow::perf;

class TestBenchProbes : public QObject
{
    Q_OBJECT

    static double field(const QString& line, const QString& key)
    {
        for (const QString& tok : line.split(QLatin1Char(' '))) {
            if (tok.startsWith(key + QLatin1Char('=')))
                return tok.mid(key.size() + 1).toDouble();
        }
        return -1;
    }

private Q_SLOTS:
    void histogramPercentilesAndMax()
    {
        DurationHistogram h;
        QCOMPARE(h.percentile(99), 0.0);
        for (int i = 1; i <= 100; ++i)
            h.add(i * 0.5); // 0.5 … 50 ms
        h.add(400);         // beyond the buckets: kept as the exact maximum
        QCOMPARE(h.count(), 101);
        QCOMPARE(h.max(), 400.0);
        QVERIFY(qAbs(h.percentile(50) - 25.5) < 0.11);
        QVERIFY(h.percentile(99) >= 49.9 && h.percentile(99) <= 50.1);
        QCOMPARE(h.percentile(100), 400.0);
    }

    void clockAndMemoryAreThisProcesses()
    {
        // From /proc/self/stat: this test started less than a minute ago, and not in the future.
        qunsetenv("ONEWINDOW_PERF_LAUNCH_NS");
        const double sinceLaunch = msSinceLaunch();
        QVERIFY2(sinceLaunch >= 0 && sinceLaunch < 60000, qPrintable(QString::number(sinceLaunch)));
        QCOMPARE(QByteArray(launchOrigin()), QByteArray("stat"));
        const MemoryFigures before = readMemory();
        QVERIFY(before.rssKb > 1000 && before.pssKb > 0 && before.peakRssKb >= before.rssKb);
        QByteArray block(64 << 20, 'x'); // touched: 64 MB more resident
        const MemoryFigures after = readMemory();
        QVERIFY2(after.rssKb - before.rssKb > 60000, qPrintable(after.toLine()));
        QVERIFY(block.at(12345) == 'x');
    }

    void startupAndJourneyMarksFollowRealFrames()
    {
        QQuickWindow window;
        window.resize(200, 200);
        StartupProbe startup(&window);
        JourneyTimings timings(&window);
        QSignalSpy interactive(&startup, &StartupProbe::interactive);
        window.show();
        QVERIFY(interactive.wait(10000));
        QVERIFY(startup.firstFrameMs() > 0);
        QVERIFY(startup.interactiveMs() >= startup.firstFrameMs());

        QVERIFY(timings.report().startsWith(QStringLiteral("timings incomplete")));
        timings.mark(JourneyTimings::CardPresent);
        QThread::msleep(20); // the "read"
        timings.mark(JourneyTimings::CardRead);
        QTRY_VERIFY(!timings.report().contains(QStringLiteral("identified_frame")));
        timings.mark(JourneyTimings::FormShown); // no lookup: an item bound to the card only
        QTRY_VERIFY(!timings.report().startsWith(QStringLiteral("timings incomplete")));
        const QString report = timings.report();
        QVERIFY2(field(report, QStringLiteral("read_ms")) >= 19, qPrintable(report));
        QCOMPARE(field(report, QStringLiteral("lookup_ms")), 0.0);
        QVERIFY(field(report, QStringLiteral("render_ms")) >= 0);
    }

    void stallProbeSeesABlockedGuiThread()
    {
        QQuickWindow window;
        window.resize(200, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        GuiStallProbe probe(&window);
        probe.reset(true);
        QTest::qWait(100);
        QThread::msleep(60); // the GUI thread blocks: a stall of about 60 ms
        QTest::qWait(100);
        const QString report = probe.report();
        probe.setWatching(false);
        QVERIFY2(field(report, QStringLiteral("max_ms")) >= 55, qPrintable(report));
        QVERIFY2(field(report, QStringLiteral("n")) > 10, qPrintable(report));
        QVERIFY2(field(report, QStringLiteral("frames")) > 2, qPrintable(report));
        QVERIFY2(field(report, QStringLiteral("frame_max_ms")) >= 55, qPrintable(report));
    }
};

QTEST_MAIN(TestBenchProbes)
#include "tst_bench_probes.moc"
