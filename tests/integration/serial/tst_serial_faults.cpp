// Line faults between the pty SAM emulator and the real SerialSamBackend: corrupted checksums,
// answers split over several writes, merged and duplicated frames, noise, silence, and the
// reader unplugged (pty closed) and plugged back in.
#include "SerialRig.h"

using namespace onewindow;
using namespace serialtest;

class TstSerialFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineFaultsStillRead_data();
    void lineFaultsStillRead();
    void persistentCorruptionFails();
    void hostFrameChecksumIsAnsweredBySam();
    void silentSamGoesFailedAndComesBack();
    void unplugThenReplug();
    void unplugWithCardOnReader();
    void nothingWhenStopped();
};

void TstSerialFaults::lineFaultsStillRead_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("reads"); // 30 01 frames the emulator receives
    QTest::addColumn<bool>("defaultTimings");
    QTest::newRow("corrupt checksum once") << "corrupt read 1" << 2 << false;
    QTest::newRow("corrupt find answer") << "corrupt find 1" << 1 << false;
    QTest::newRow("split read in 7 parts, 40 ms apart") << "split read 7 40" << 1 << false;
    QTest::newRow("split find byte by byte") << "split find 15 5" << 1 << false;
    // 3 parts 1.2 s apart: longer than the 2 s read timeout → partial frame dropped, retried.
    QTest::newRow("split read beyond the timeout") << "split read 3 1200" << 2 << true;
    QTest::newRow("merge: late select answer + next") << "merge select" << 1 << false;
    QTest::newRow("merge: late read answer + next") << "merge read" << 2 << true;
    QTest::newRow("duplicate read answer in one write") << "dup read" << 1 << false;
    QTest::newRow("duplicate select answer") << "dup select" << 1 << false;
    QTest::newRow("garbage before read answer") << "garbage read 300" << 1 << false;
    QTest::newRow("garbage before find answer") << "garbage find 40" << 1 << false;
    QTest::newRow("silent read (timeout)") << "silent read 1" << 2 << true;
    QTest::newRow("silent select") << "silent select 1" << 1 << false;
    QTest::newRow("silent appended address") << "silent address 1" << 2 << true;
}

void TstSerialFaults::lineFaultsStillRead()
{
    QFETCH(QString, fault);
    QFETCH(int, reads);
    QFETCH(bool, defaultTimings);
    SerialRig rig;
    QVERIFY(rig.start(defaultTimings ? SerialSamPort::Options{} : fastOptions()));
    QVERIFY(rig.emulator.command(fault).startsWith(QLatin1String("ok")));
    rig.emulator.command(QStringLiteral("place foreign_2023"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 10000));
    QCOMPARE(rig.failed->count(), 0);
    QCOMPARE(rig.present->count(), 1);
    const Identity got = rig.lastIdentity();
    QCOMPARE(got.idNumber, fixtureIdentity(QStringLiteral("foreign_2023")).idNumber);
    QCOMPARE(got.photo, emulatorPhoto());
    QCOMPARE(rig.emulator.stats().value(QStringLiteral("read")), reads);
    QTest::qWait(200);
    QCOMPARE(rig.read->count(), 1);
    QCOMPARE(rig.status(), ReaderInfo::Status::CardPresent);
}

void TstSerialFaults::persistentCorruptionFails()
{
    SerialRig rig;
    QVERIFY(rig.start(fastOptions()));
    rig.emulator.command(QStringLiteral("corrupt read 6")); // every try and every resend
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.failed, 1, 5000));
    QCOMPARE(rig.lastError(), ReadError::ReaderFailure);
    QCOMPARE(rig.read->count(), 0);
    QCOMPARE(rig.emulator.stats().value(QStringLiteral("read")), 6);
}

// The emulator answers a host frame with a bad checksum with 0x10, as a SAM does; here the
// backend's own frames are always right, so 0x10 never appears unless injected.
void TstSerialFaults::hostFrameChecksumIsAnsweredBySam()
{
    SerialRig rig;
    QVERIFY(rig.start(fastOptions()));
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
    QCOMPARE(rig.emulator.stats().value(QStringLiteral("read")), 1); // no resends were needed
}

void TstSerialFaults::silentSamGoesFailedAndComesBack()
{
    SerialRig rig;
    QVERIFY(rig.start(fastOptions()));
    QSignalSpy failedStatus(rig.manager.get(), &ReaderManager::readerChanged);
    rig.emulator.command(QStringLiteral("silent any 6"));
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Failed, 5000));
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Ready, 10000));
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
}

void TstSerialFaults::unplugThenReplug()
{
    SerialRig rig;
    QVERIFY(rig.start(fastOptions()));
    QCOMPARE(rig.emulator.command(QStringLiteral("unplug")), QStringLiteral("ok unplugged"));
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Failed, 5000));
    QCOMPARE(rig.manager->readers().size(), 1); // still listed, as Failed
    QTest::qWait(700);                          // a few reopen attempts against a missing port
    QCOMPARE(rig.status(), ReaderInfo::Status::Failed);
    QVERIFY(rig.emulator.command(QStringLiteral("replug")).startsWith(QLatin1String("ready /dev/")));
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Ready, 5000));
    rig.emulator.command(QStringLiteral("place hmt_permit"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
    QCOMPARE(int(rig.lastIdentity().documentType), int(DocumentType::HmtPermit));
    // A second round trip works the same way.
    rig.emulator.command(QStringLiteral("unplug"));
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Failed, 5000));
    rig.emulator.command(QStringLiteral("replug"));
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Ready, 5000));
}

void TstSerialFaults::unplugWithCardOnReader()
{
    SerialRig rig;
    QVERIFY(rig.start(fastOptions()));
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
    rig.emulator.command(QStringLiteral("unplug"));
    // The reader is gone, and with it the card: cardRemoved, then Failed.
    QVERIFY(SerialRig::waitCount(*rig.removed, 1, 5000));
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Failed, 5000));
    QCOMPARE(rig.failed->count(), 0);
    // Mid-read: a read that never finishes ends in readFailed(ReaderFailure) + cardRemoved.
    rig.emulator.command(QStringLiteral("replug"));
    QVERIFY(rig.waitStatus(ReaderInfo::Status::Ready, 5000));
    rig.emulator.command(QStringLiteral("silent read 1"));
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.present, 2, 5000));
    rig.emulator.command(QStringLiteral("unplug"));
    QVERIFY(SerialRig::waitCount(*rig.removed, 2, 5000));
    QCOMPARE(rig.failed->count(), 1);
    QCOMPARE(rig.lastError(), ReadError::ReaderFailure);
    QCOMPARE(rig.read->count(), 1);
}

void TstSerialFaults::nothingWhenStopped()
{
    SerialRig rig;
    QVERIFY(rig.start(fastOptions()));
    rig.manager->stop();
    const int before = int(rig.changed->count());
    rig.emulator.command(QStringLiteral("place resident"));
    rig.emulator.command(QStringLiteral("unplug"));
    QTest::qWait(500);
    QCOMPARE(int(rig.changed->count()), before);
    QCOMPARE(rig.read->count(), 0);
    QCOMPARE(rig.present->count(), 0);
}

QTEST_GUILESS_MAIN(TstSerialFaults)
#include "tst_serial_faults.moc"
