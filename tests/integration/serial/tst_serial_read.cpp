// End to end over a real pty: the SAM emulator ↔ SerialSamBackend ↔ ReaderManager, with the
// protocol's default timings. Each document type, the appended address, a card left on the
// reader (exactly one read), removal and the next card.
#include "SerialRig.h"

using namespace onewindow;
using namespace serialtest;

class TstSerialRead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerAppearsReady();
    void readsEachDocument_data();
    void readsEachDocument();
    void appendedAddress();
    void sameCardStaysOnReader_data();
    void sameCardStaysOnReader();
    void secondPortMissingDoesNotStopTheFirst();
};

void TstSerialRead::readerAppearsReady()
{
    SerialRig rig;
    QVERIFY(rig.start());
    const QList<ReaderInfo> readers = rig.manager->readers();
    QCOMPARE(readers.size(), 1);
    const ReaderInfo info = readers.first();
    QCOMPARE(info.name, QStringLiteral("Serial SAM (%1)").arg(rig.link));
    QCOMPARE(info.backend, QStringLiteral("serial"));
    QCOMPARE(info.status, ReaderInfo::Status::Ready);
    QVERIFY(info.capabilities.contains(QStringLiteral("identity")));
    // The SAM ID (a module identifier, not personal data) reaches the technician's detail.
    QVERIFY2(info.detail.startsWith(QLatin1String("SAM 05.01-")), qPrintable(info.detail));
    const QMap<QString, int> stats = rig.emulator.stats();
    QCOMPARE(stats.value(QStringLiteral("status")), 1);
    QCOMPARE(stats.value(QStringLiteral("samid")), 1);
    QTRY_VERIFY_WITH_TIMEOUT(rig.emulator.stats().value(QStringLiteral("find")) >= 3, 3000); // polling
}

void TstSerialRead::readsEachDocument_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("type");
    QTest::newRow("resident") << QStringLiteral("resident") << int(DocumentType::Resident);
    QTest::newRow("hmt_permit") << QStringLiteral("hmt_permit") << int(DocumentType::HmtPermit);
    QTest::newRow("foreign_2017") << QStringLiteral("foreign_2017") << int(DocumentType::Foreign2017);
    QTest::newRow("foreign_2023") << QStringLiteral("foreign_2023") << int(DocumentType::Foreign2023);
}

void TstSerialRead::readsEachDocument()
{
    QFETCH(QString, fixture);
    QFETCH(int, type);
    SerialRig rig;
    QVERIFY(rig.start());
    const Identity expected = fixtureIdentity(fixture);
    QVERIFY(!expected.idNumber.isEmpty());

    QCOMPARE(rig.emulator.command(QStringLiteral("place ") + fixture), QStringLiteral("ok placed"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
    QCOMPARE(rig.present->count(), 1);
    QCOMPARE(rig.failed->count(), 0);
    QCOMPARE(rig.read->last().at(0).toString(), rig.readerName);
    const Identity got = rig.lastIdentity();
    QCOMPARE(int(got.documentType), type);
    QCOMPARE(got.idNumber, expected.idNumber);
    QCOMPARE(got.name, expected.name);
    QCOMPARE(got.englishName, expected.englishName);
    QCOMPARE(got.birthDate, expected.birthDate);
    QCOMPARE(got.address, expected.address);
    QCOMPARE(got.validUntil, expected.validUntil);
    QCOMPARE(got.photo, emulatorPhoto());
    QVERIFY(got.appendedAddress.isEmpty()); // 30 03 answered 0x91
    QCOMPARE(rig.status(), ReaderInfo::Status::CardPresent);

    QVERIFY(rig.removeCard());
    QCOMPARE(rig.removed->last().at(0).toString(), rig.readerName);
    QTRY_COMPARE(rig.status(), ReaderInfo::Status::Ready);
    QCOMPARE(rig.read->count(), 1);
}

void TstSerialRead::appendedAddress()
{
    SerialRig rig;
    QVERIFY(rig.start());
    QCOMPARE(rig.emulator.command(QStringLiteral("place resident 测试省样例市新址路9号")),
             QStringLiteral("ok placed"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
    const QString appended = rig.lastIdentity().appendedAddress;
    QCOMPARE(appended, QStringLiteral("测试省样例市新址路9号"));
    const QMap<QString, int> stats = rig.emulator.stats();
    QCOMPARE(stats.value(QStringLiteral("address")), 1);
    QCOMPARE(stats.value(QStringLiteral("read")), 1);
}

void TstSerialRead::sameCardStaysOnReader_data()
{
    QTest::addColumn<bool>("sticky");
    QTest::newRow("find fails after a read (real SAM)") << true;
    QTest::newRow("find keeps succeeding") << false;
}

void TstSerialRead::sameCardStaysOnReader()
{
    QFETCH(bool, sticky);
    SerialRig rig;
    QVERIFY(rig.start());
    rig.emulator.command(sticky ? QStringLiteral("sticky on") : QStringLiteral("sticky off"));
    rig.emulator.command(QStringLiteral("place resident"));
    QVERIFY(SerialRig::waitCount(*rig.read, 1, 5000));
    // Four seconds on the reader: well past the removal window and a status check.
    QTest::qWait(4000);
    QCOMPARE(rig.read->count(), 1);
    QCOMPARE(rig.removed->count(), 0);
    QCOMPARE(rig.failed->count(), 0);
    QCOMPARE(rig.present->count(), 1);
    QCOMPARE(rig.emulator.stats().value(QStringLiteral("read")), 1);
    QCOMPARE(rig.status(), ReaderInfo::Status::CardPresent);

    QVERIFY(rig.removeCard());
    QCOMPARE(rig.removed->count(), 1);
    // The next card (the same one, placed again) is read again.
    rig.emulator.command(QStringLiteral("place hmt_permit"));
    QVERIFY(SerialRig::waitCount(*rig.read, 2, 5000));
    QCOMPARE(int(rig.lastIdentity().documentType), int(DocumentType::HmtPermit));
}

void TstSerialRead::secondPortMissingDoesNotStopTheFirst()
{
    QTemporaryDir dir;
    SamEmulator emulator;
    const QString link = dir.filePath(QStringLiteral("sam0"));
    const QString missing = dir.filePath(QStringLiteral("no-such-tty"));
    QVERIFY(emulator.start(link));
    ReaderManager manager;
    manager.registerBackend(QStringLiteral("serial"), [link, missing] {
        return std::make_unique<SerialSamBackend>(QStringList{link, missing});
    });
    QSignalSpy read(&manager, &ReaderManager::cardRead);
    manager.start({QStringLiteral("serial")});
    auto statusOf = [&](const QString& path) {
        for (const ReaderInfo& info : manager.readers()) {
            if (info.name == SerialSamPort::readerNameFor(path))
                return int(info.status);
        }
        return -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(link), int(ReaderInfo::Status::Ready), 5000);
    QCOMPARE(statusOf(missing), int(ReaderInfo::Status::Failed));
    emulator.command(QStringLiteral("place resident"));
    QVERIFY(read.wait(5000));
    QCOMPARE(read.last().at(0).toString(), SerialSamPort::readerNameFor(link));
    manager.stop();
}

QTEST_GUILESS_MAIN(TstSerialRead)
#include "tst_serial_read.moc"
