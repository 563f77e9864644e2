// The simulated reader and its synthetic residents: the demo file is complete and valid, and
// placing, pulling and failing a card behave as a real reader would.
#include "drivers/idcard/CrossCheck.h"
#include "drivers/idcard/ResidentId.h"
#include "drivers/sim/SimReaderBackend.h"

#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

using namespace onewindow;

class TestSimReader : public QObject
{
    Q_OBJECT

    QList<SimCard> demoCards()
    {
        auto loaded = loadSimCards(builtInSimIdentitiesPath());
        if (!loaded)
            qFatal("demo identities do not load: %s", qPrintable(loaded.error()));
        return loaded.value();
    }

private Q_SLOTS:
    void demoFileHasEveryDocumentType()
    {
        const auto cards = demoCards();
        QSet<DocumentType> types;
        for (const SimCard& c : cards)
            types.insert(c.identity.documentType);
        QCOMPARE(types.size(), 4);
        QVERIFY(cards.size() >= 7);
    }

    void demoIdentitiesAreConsistentExceptTheExpiredOne()
    {
        int expired = 0;
        for (const SimCard& c : demoCards()) {
            const auto findings = crossCheck(c.identity, QDate(2026, 11, 21));
            QVERIFY2(!hasErrors(findings), qPrintable(c.label));
            if (findingCodes(findings, CheckFinding::Severity::Warning).contains(QStringLiteral("expired")))
                ++expired;
        }
        QCOMPARE(expired, 1);
    }

    void badFilesGiveErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("{nope");
        QTest::newRow("no identities") << QByteArray("{\"identities\": []}");
        QTest::newRow("unknown type")
            << QByteArray("{\"identities\": [{\"document_type\": \"passport\", \"id_number\": \"1\"}]}");
        QTest::newRow("no number") << QByteArray("{\"identities\": [{\"document_type\": \"resident\"}]}");
    }
    void badFilesGiveErrors()
    {
        QFETCH(QByteArray, content);
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(content);
        file.close();
        const auto loaded = loadSimCards(file.fileName());
        QVERIFY(!loaded);
        QVERIFY(!loaded.error().isEmpty());
        QVERIFY(!loadSimCards(QStringLiteral("/nonexistent/identities.json")));
    }

    void readRoundTripsThroughTheCardFormat()
    {
        const auto cards = demoCards();
        SimReaderBackend sim(cards, 0);
        QSignalSpy read(&sim, &ReaderBackend::cardRead);
        sim.start();
        for (int i = 0; i < cards.size(); ++i) {
            sim.placeCard(i);
            QVERIFY(read.wait(1000));
            const auto got = read.takeLast().at(1).value<Identity>();
            const Identity& want = cards.at(i).identity;
            QCOMPARE(got.documentType, want.documentType);
            QCOMPARE(got.idNumber, want.idNumber);
            QCOMPARE(got.name, want.name);
            QCOMPARE(got.englishName, want.englishName);
            QCOMPARE(got.birthDate, want.birthDate);
            QCOMPARE(got.validLongTerm, want.validLongTerm);
            QCOMPARE(got.appendedAddress, want.appendedAddress);
            QCOMPARE(got.photo.size(), 1024);
        }
    }

    void pullingTheCardMidReadAbortsIt()
    {
        SimReaderBackend sim(demoCards(), 200);
        QSignalSpy present(&sim, &ReaderBackend::cardPresent);
        QSignalSpy read(&sim, &ReaderBackend::cardRead);
        QSignalSpy removed(&sim, &ReaderBackend::cardRemoved);
        sim.start();
        sim.placeCard(0);
        QCOMPARE(present.size(), 1);
        sim.removeCard();
        QCOMPARE(removed.size(), 1);
        QTest::qWait(300);
        QCOMPARE(read.size(), 0);
    }

    void failNextReadFailsOnce()
    {
        SimReaderBackend sim(demoCards(), 0);
        QSignalSpy read(&sim, &ReaderBackend::cardRead);
        QSignalSpy failed(&sim, &ReaderBackend::readFailed);
        sim.start();
        sim.failNextRead(ReadError::CardMoved);
        sim.placeCard(0);
        QVERIFY(failed.wait(1000));
        QCOMPARE(failed.at(0).at(1).value<ReadError>(), ReadError::CardMoved);
        sim.placeCard(0);
        QVERIFY(read.wait(1000));
        QCOMPARE(failed.size(), 1);
    }

    void outOfRangeIndexIsIgnored()
    {
        SimReaderBackend sim(demoCards(), 0);
        QSignalSpy present(&sim, &ReaderBackend::cardPresent);
        sim.start();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no simulated card")));
        sim.placeCard(99);
        QCOMPARE(present.size(), 0);
    }

    void stoppedBackendIgnoresCommands()
    {
        SimReaderBackend sim(demoCards(), 0);
        QSignalSpy present(&sim, &ReaderBackend::cardPresent);
        sim.placeCard(0);
        QCOMPARE(present.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSimReader)
#include "tst_simreader.moc"
