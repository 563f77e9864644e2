// Issue 19 item 8: a Hong Kong number (91234567) was refused as "not 11 digits". Each region's
// numbers, valid and invalid, through the real libphonenumber; the picker's default per document.
#include "app/catalog/FieldValidator.h"
#include "app/phone/PhoneNumbers.h"
#include "app/phone/PhoneRegionDefault.h"

#include <QElapsedTimer>
#include <QTest>

using namespace onewindow;
using namespace onewindow::phone;

class TestPhoneNumbers : public QObject
{
    Q_OBJECT

private slots:
    void typedPerRegion_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("display");
        QTest::newRow("hk mobile (the issue)") << "HK"
                                               << "91234567" << true << "+85291234567"
                                               << "+852 9123 4567";
        QTest::newRow("hk mobile 6") << "HK"
                                     << "61234567" << true << "+85261234567"
                                     << "+852 6123 4567";
        QTest::newRow("hk landline") << "HK"
                                     << "21234567" << true << "+85221234567"
                                     << "+852 2123 4567";
        QTest::newRow("hk 7 digits") << "HK"
                                     << "9123456" << false << "+8529123456"
                                     << "9123456";
        QTest::newRow("hk 9 digits") << "HK"
                                     << "912345678" << false << "+852912345678"
                                     << "912345678";
        QTest::newRow("hk 1xxx") << "HK"
                                 << "12345678" << false << "+85212345678"
                                 << "12345678";
        QTest::newRow("mo mobile") << "MO"
                                   << "66123456" << true << "+85366123456"
                                   << "+853 6612 3456";
        QTest::newRow("mo 7 digits") << "MO"
                                     << "6612345" << false << "+8536612345"
                                     << "6612345";
        QTest::newRow("tw mobile 09") << "TW"
                                      << "0912345678" << true << "+886912345678"
                                      << "+886 912 345 678";
        QTest::newRow("tw mobile 9") << "TW"
                                     << "912345678" << true << "+886912345678"
                                     << "+886 912 345 678";
        QTest::newRow("tw short") << "TW"
                                  << "091234567" << false << "+88691234567"
                                  << "091234567";
        QTest::newRow("cn mobile") << "CN"
                                   << "13800138000" << true << "+8613800138000"
                                   << "+86 138 0013 8000";
        QTest::newRow("cn landline") << "CN"
                                     << "010-12345678" << true << "+861012345678"
                                     << "+86 10 1234 5678";
        QTest::newRow("cn 10 digits") << "CN"
                                      << "1380013800" << false << "+861380013800"
                                      << "1380013800";
        QTest::newRow("hk number as cn") << "CN"
                                         << "91234567" << false << "+8691234567"
                                         << "91234567";
        QTest::newRow("us (nationality)") << "US"
                                          << "4155552671" << true << "+14155552671"
                                          << "+1 415-555-2671";
        QTest::newRow("other: us") << "ZZ"
                                   << "14155552671" << true << "+14155552671"
                                   << "+1 415-555-2671";
        QTest::newRow("other: uk") << "ZZ"
                                   << "447911123456" << true << "+447911123456"
                                   << "+44 7911 123456";
        QTest::newRow("other: too short") << "ZZ"
                                          << "44791" << false << "+44791"
                                          << "+44791";
        QTest::newRow("empty") << "HK"
                               << "" << false << ""
                               << "";
    }
    void typedPerRegion()
    {
        QFETCH(QString, region);
        QFETCH(QString, typed);
        QFETCH(bool, valid);
        QFETCH(QString, e164);
        QFETCH(QString, display);
        const PhoneCheck c = checkTyped(region, typed);
        QCOMPARE(c.valid, valid);
        QCOMPARE(c.e164, e164);
        QCOMPARE(c.display, display);
        if (!e164.isEmpty()) // the stored form reads back the same way
            QCOMPARE(checkStored(c.e164).valid, valid);
    }

    void storedValues()
    {
        QCOMPARE(checkStored(QStringLiteral("+85291234567")).region, QStringLiteral("HK"));
        QCOMPARE(checkStored(QStringLiteral("13800138000")).e164,
                 QStringLiteral("+8613800138000")); // older records
        const PhoneCheck wrong = checkStored(QStringLiteral("+8691234567"));
        QVERIFY(!wrong.valid);
        QCOMPARE(wrong.region, QStringLiteral("CN")); // the message names the mainland format
        QVERIFY(!checkStored(QStringLiteral("+")).valid);
        QVERIFY(!checkStored(QStringLiteral("+abc")).valid);
        QCOMPARE(nationalDigits(QStringLiteral("+886912345678")), QStringLiteral("912345678"));
    }

    void validatorAcceptsEveryRegion_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("key");
        QTest::newRow("hk") << "+85291234567" << int(catalog::FieldProblem::None) << "";
        QTest::newRow("mo") << "+85366123456" << int(catalog::FieldProblem::None) << "";
        QTest::newRow("tw") << "+886912345678" << int(catalog::FieldProblem::None) << "";
        QTest::newRow("us") << "+14155552671" << int(catalog::FieldProblem::None) << "";
        QTest::newRow("cn bare") << "13800138000" << int(catalog::FieldProblem::None) << "";
        QTest::newRow("cn bad") << "+861380013800" << int(catalog::FieldProblem::BadPhone) << "bad_phone_cn";
        QTest::newRow("hk bad") << "+8529123456" << int(catalog::FieldProblem::BadPhone) << "bad_phone_hk";
        QTest::newRow("mo bad") << "+8536612345" << int(catalog::FieldProblem::BadPhone) << "bad_phone_mo";
        QTest::newRow("tw bad") << "+88691234567" << int(catalog::FieldProblem::BadPhone) << "bad_phone_tw";
        QTest::newRow("intl bad") << "+44791" << int(catalog::FieldProblem::BadPhone) << "bad_phone_intl";
    }
    void validatorAcceptsEveryRegion()
    {
        QFETCH(QString, value);
        QFETCH(int, problem);
        QFETCH(QString, key);
        catalog::FormField f;
        f.key = QStringLiteral("phone");
        f.type = catalog::FormField::Type::Phone;
        QCOMPARE(int(catalog::validateField(f, value)), problem);
        if (!key.isEmpty())
            QCOMPARE(QString::fromLatin1(catalog::phoneProblemKey(value)), key);
    }

    void pickerDefaultPerDocument_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("permit");
        QTest::addColumn<QString>("idNumber");
        QTest::addColumn<QString>("nationality");
        QTest::addColumn<QString>("region");
        QTest::newRow("resident card") << int(DocumentType::Resident) << ""
                                       << "110105198001019010"
                                       << ""
                                       << "CN";
        QTest::newRow("hk permit H") << int(DocumentType::HmtPermit) << "H12345678"
                                     << "810000199001010012"
                                     << ""
                                     << "HK";
        QTest::newRow("macao permit M") << int(DocumentType::HmtPermit) << "M1234567801"
                                        << "820000199001010012"
                                        << ""
                                        << "MO";
        QTest::newRow("taiwan permit") << int(DocumentType::HmtPermit) << "12345678"
                                       << "830000199001010012"
                                       << ""
                                       << "TW";
        QTest::newRow("hk by number only") << int(DocumentType::HmtPermit) << ""
                                           << "810000199001010012"
                                           << ""
                                           << "HK";
        QTest::newRow("foreigner USA") << int(DocumentType::Foreign2017) << ""
                                       << "USA310000000000"
                                       << "USA"
                                       << "US";
        QTest::newRow("foreigner GBR") << int(DocumentType::Foreign2017) << ""
                                       << ""
                                       << "GBR"
                                       << "GB";
        QTest::newRow("foreigner 2023 numeric") << int(DocumentType::Foreign2023) << ""
                                                << ""
                                                << "392"
                                                << "JP";
        QTest::newRow("foreigner unmappable") << int(DocumentType::Foreign2017) << ""
                                              << ""
                                              << "XXA"
                                              << "ZZ";
    }
    void pickerDefaultPerDocument()
    {
        QFETCH(int, type);
        QFETCH(QString, permit);
        QFETCH(QString, idNumber);
        QFETCH(QString, nationality);
        QFETCH(QString, region);
        Identity id;
        id.documentType = DocumentType(type);
        id.permitNumber = permit;
        id.idNumber = idNumber;
        id.nationality = nationality;
        QCOMPARE(defaultRegionFor(id), region);
    }

    void pickerChoices()
    {
        QCOMPARE(pickerRegions(QStringLiteral("US")), (QStringList{"CN", "HK", "MO", "TW", "US", "ZZ"}));
        QCOMPARE(pickerRegions(QStringLiteral("HK")), (QStringList{"CN", "HK", "MO", "TW", "ZZ"}));
        QCOMPARE(pickerRegions(QStringLiteral("ZZ")), (QStringList{"CN", "HK", "MO", "TW", "ZZ"}));
    }

    // The first use loads libphonenumber's metadata: measured, so a regression shows (the kiosk
    // warms it up on a pool thread after the first frame).
    void firstUseCost()
    {
        QElapsedTimer t;
        t.start();
        warmUp();
        const qint64 first = t.restart();
        warmUp();
        const qint64 again = t.elapsed();
        qInfo("libphonenumber first use %lld ms, then %lld ms", first, again);
        QVERIFY(again <= first + 1);
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumbers)
#include "tst_phone_numbers.moc"
