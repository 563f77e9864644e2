// SerialSamBackend without a device: naming, error mapping, a missing port reported as a Failed
// reader (not a crash, not a silent absence), duplicates, and silence after stop().
#include "drivers/serial/SerialSamBackend.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

class TstSerialBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readErrorMapping_data();
    void readErrorMapping();
    void readerName();
    void missingPortIsAFailedReader();
    void notATtyIsAFailedReader();
    void duplicatePathsGiveOneReader();
    void silentAfterStop();
};

void TstSerialBackend::readErrorMapping_data()
{
    QTest::addColumn<int>("failure");
    QTest::addColumn<int>("error");
    QTest::newRow("moved") << int(sam::ReadFailure::CardMoved) << int(ReadError::CardMoved);
    QTest::newRow("unreadable") << int(sam::ReadFailure::CardUnreadable) << int(ReadError::CardUnreadable);
    QTest::newRow("unsupported") << int(sam::ReadFailure::UnsupportedDocument)
                                 << int(ReadError::UnsupportedDocument);
    QTest::newRow("reader") << int(sam::ReadFailure::ReaderFailure) << int(ReadError::ReaderFailure);
    QTest::newRow("timeout") << int(sam::ReadFailure::Timeout) << int(ReadError::Timeout);
}

void TstSerialBackend::readErrorMapping()
{
    QFETCH(int, failure);
    QFETCH(int, error);
    const auto f = sam::ReadFailure(failure);
    QCOMPARE(int(readErrorFor(f)), error);
    // Same stable keys on both sides.
    QCOMPARE(QByteArray(sam::readFailureKey(f)), QByteArray(readErrorKey(ReadError(error))));
}

void TstSerialBackend::readerName()
{
    QCOMPARE(SerialSamPort::readerNameFor(QStringLiteral("/dev/ttyUSB0")),
             QStringLiteral("Serial SAM (/dev/ttyUSB0)"));
    SerialSamBackend backend({});
    QCOMPARE(backend.backendName(), QStringLiteral("serial"));
}

void TstSerialBackend::missingPortIsAFailedReader()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ttyNONE"));
    SerialSamPort::Options options;
    options.reopenInitialMs = 50;
    SerialSamBackend backend({path}, options);
    QSignalSpy added(&backend, &ReaderBackend::readerAdded);
    QSignalSpy changed(&backend, &ReaderBackend::readerChanged);
    backend.start();
    QCOMPARE(added.count(), 1);
    const ReaderInfo info = added.first().at(0).value<ReaderInfo>();
    QCOMPARE(info.name, SerialSamPort::readerNameFor(path));
    QCOMPARE(info.backend, QStringLiteral("serial"));
    QCOMPARE(info.status, ReaderInfo::Status::Failed);
    QCOMPARE(changed.count(), 1);
    const ReaderInfo failed = changed.first().at(0).value<ReaderInfo>();
    QCOMPARE(failed.status, ReaderInfo::Status::Failed);
    QVERIFY2(failed.detail.startsWith(QLatin1String("cannot open")), qPrintable(failed.detail));
    QTest::qWait(300); // retries happen; the same state is not re-announced
    QCOMPARE(changed.count(), 1);
    backend.stop();
}

void TstSerialBackend::notATtyIsAFailedReader()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plain-file"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a tty");
    f.close();
    SerialSamBackend backend({path});
    QSignalSpy changed(&backend, &ReaderBackend::readerChanged);
    backend.start();
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).value<ReaderInfo>().status, ReaderInfo::Status::Failed);
    backend.stop();
}

void TstSerialBackend::duplicatePathsGiveOneReader()
{
    SerialSamBackend backend({QStringLiteral("/nonexistent/a"), QStringLiteral("/nonexistent/a"),
                              QStringLiteral("/nonexistent/b")});
    QCOMPARE(backend.portPaths().size(), 2);
    QSignalSpy added(&backend, &ReaderBackend::readerAdded);
    backend.start();
    backend.start(); // twice is harmless
    QCOMPARE(added.count(), 2);
    backend.stop();
}

void TstSerialBackend::silentAfterStop()
{
    SerialSamPort::Options options;
    options.reopenInitialMs = 20;
    SerialSamBackend backend({QStringLiteral("/nonexistent/c")}, options);
    backend.start();
    backend.stop();
    QSignalSpy changed(&backend, &ReaderBackend::readerChanged);
    QTest::qWait(100);
    QCOMPARE(changed.count(), 0);
}

QTEST_GUILESS_MAIN(TstSerialBackend)
#include "tst_serial_backend.moc"
