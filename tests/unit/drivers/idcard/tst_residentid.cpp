#include "drivers/idcard/ResidentId.h"

#include <QRandomGenerator>
#include <QTest>

using namespace onewindow;

namespace {

// Independent check character: the closed form used by python-stdnum,
// check = (1 − 2·int(first17, base 13)) mod 11, 10 → 'X' (reference/idcard.md §3).
QChar referenceCheck(const QString& first17)
{
    int v = 0;
    for (const QChar c : first17)
        v = (v * 13 + (c.unicode() - u'0')) % 11;
    const int check = ((1 - 2 * v) % 11 + 11) % 11;
    return check == 10 ? QLatin1Char('X') : QChar(u'0' + check);
}

QString withCheck(const QString& first17)
{
    return first17 + referenceCheck(first17);
}

// The same number with a wrong check character.
QString withWrongCheck(const QString& first17)
{
    const QChar right = referenceCheck(first17);
    return first17 + (right == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0'));
}

const QDate kToday(2024, 6, 1);

using K = ResidentId::Kind;
using E = ResidentId::Error;
using S = ResidentId::Sex;

} // namespace

class TstResidentId : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void checkCharacter_data();
    void checkCharacter();
    void checkCharacterAgreesWithClosedForm();
    void todayBoundary();
    void nullTodaySkipsFutureCheck();
    void names();
    void provinceCodes();
};

void TstResidentId::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<int>("sex");
    QTest::addColumn<QString>("region");

    auto ok = [](const char* name, const QString& in, K kind, const QString& number, QDate birth, S sex,
                 const QString& region) {
        QTest::newRow(name) << in << int(E::None) << int(kind) << number << birth << int(sex) << region;
    };
    auto bad = [](const char* name, const QString& in, E error, K kind = K::Unknown,
                  const QString& number = QString()) {
        QTest::newRow(name) << in << int(error) << int(kind) << number << QDate() << -1 << QString();
    };

    // The vectors of reference/idcard.md §3.
    ok("110105 1949-12-31 female X", QStringLiteral("11010519491231002X"), K::Resident,
       QStringLiteral("11010519491231002X"), QDate(1949, 12, 31), S::Female, QStringLiteral("110105"));
    ok("440308 male", QStringLiteral("440308199901101512"), K::Resident, QStringLiteral("440308199901101512"),
       QDate(1999, 1, 10), S::Male, QStringLiteral("440308"));
    ok("hong kong 810000", QStringLiteral("810000199408230021"), K::Hmt, QStringLiteral("810000199408230021"),
       QDate(1994, 8, 23), S::Female, QStringLiteral("810000"));
    ok("taiwan 830000", QStringLiteral("830000199201300022"), K::Hmt, QStringLiteral("830000199201300022"),
       QDate(1992, 1, 30), S::Female, QStringLiteral("830000"));
    const QString macau = withCheck(QStringLiteral("82000019880705003"));
    ok("macau 820000", macau, K::Hmt, macau, QDate(1988, 7, 5), S::Male, QStringLiteral("820000"));

    // Normalisation.
    ok("lowercase x", QStringLiteral("11010519491231002x"), K::Resident, QStringLiteral("11010519491231002X"),
       QDate(1949, 12, 31), S::Female, QStringLiteral("110105"));
    ok("surrounding whitespace", QStringLiteral(" \t11010519491231002X\r\n "), K::Resident,
       QStringLiteral("11010519491231002X"), QDate(1949, 12, 31), S::Female, QStringLiteral("110105"));

    // Leap days and calendar dates (check characters computed here, so only the date matters).
    const QString leap2000 = withCheck(QStringLiteral("11010520000229001"));
    ok("2000-02-29 (leap)", leap2000, K::Resident, leap2000, QDate(2000, 2, 29), S::Male,
       QStringLiteral("110105"));
    const QString leap1996 = withCheck(QStringLiteral("11010519960229002"));
    ok("1996-02-29 (leap)", leap1996, K::Resident, leap1996, QDate(1996, 2, 29), S::Female,
       QStringLiteral("110105"));
    bad("1900-02-29 (not leap)", withCheck(QStringLiteral("11010519000229001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010519000229001")));
    bad("2023-02-29", withCheck(QStringLiteral("11010520230229001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010520230229001")));
    bad("month 13", withCheck(QStringLiteral("11010519491301001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010519491301001")));
    bad("month 00", withCheck(QStringLiteral("11010519490001001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010519490001001")));
    bad("day 00", withCheck(QStringLiteral("11010519491200001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010519491200001")));
    bad("April 31", withCheck(QStringLiteral("11010519490431001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010519490431001")));
    bad("day 32", withCheck(QStringLiteral("11010519490132001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010519490132001")));
    bad("year 1799", withCheck(QStringLiteral("11010517991231001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010517991231001")));
    const QString y1800 = withCheck(QStringLiteral("11010518000101001"));
    ok("year 1800", y1800, K::Resident, y1800, QDate(1800, 1, 1), S::Male, QStringLiteral("110105"));
    bad("born after today", withCheck(QStringLiteral("11010520240602001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010520240602001")));
    bad("year 0000", withCheck(QStringLiteral("11010500000101001")), E::Date, K::Resident,
        withCheck(QStringLiteral("11010500000101001")));

    // An address code that is not (or no longer) in any list is still a valid number.
    const QString oddRegion = withCheck(QStringLiteral("12345619800101001"));
    ok("unlisted region code", oddRegion, K::Resident, oddRegion, QDate(1980, 1, 1), S::Male,
       QStringLiteral("123456"));

    // Checksum.
    bad("wrong check digit", QStringLiteral("110105194912310021"), E::Checksum, K::Resident,
        QStringLiteral("110105194912310021"));
    bad("X where a digit belongs", QStringLiteral("44030819990110151X"), E::Checksum, K::Resident,
        QStringLiteral("44030819990110151X"));
    bad("swapped digits", QStringLiteral("440308199901105112"), E::Checksum, K::Resident,
        QStringLiteral("440308199901105112"));

    // Length.
    bad("empty", QString(), E::Length);
    bad("blank", QStringLiteral("   "), E::Length);
    bad("3 digits", QStringLiteral("123"), E::Length);
    bad("16 digits", QStringLiteral("1101051949123100"), E::Length);
    bad("17 digits", QStringLiteral("11010519491231002"), E::Length);
    bad("19 digits", QStringLiteral("110105194912310021X"), E::Length);
    bad("20 digits", QStringLiteral("11010519491231002100"), E::Length);

    // Format.
    bad("letter as check", QStringLiteral("11010519491231002A"), E::Format);
    bad("letter inside", QStringLiteral("1101051949A231002X"), E::Format);
    bad("X not last", QStringLiteral("1101051949123100X2"), E::Format);
    bad("X first", QStringLiteral("X10105194912310021"), E::Format);
    bad("inner space", QStringLiteral("110105 19491231002X"), E::Format);
    bad("dash", QStringLiteral("110105-19491231-002X"), E::Format);
    bad("full-width digits", QStringLiteral("１１０１０５１９４９１２３１００２Ｘ"), E::Format);
    bad("arabic-indic digits", QStringLiteral("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"), E::Format);
    bad("nul inside",
        QString::fromUtf16(u"1101051949\0"
                           "1231002X",
                           18),
        E::Format);

    // Legacy 15-digit numbers: 19YYMMDD, sex from the last digit, no check character.
    ok("legacy 15 female", QStringLiteral("110105491231002"), K::Legacy15, QStringLiteral("110105491231002"),
       QDate(1949, 12, 31), S::Female, QStringLiteral("110105"));
    ok("legacy 15 male", QStringLiteral("440308990110151"), K::Legacy15, QStringLiteral("440308990110151"),
       QDate(1999, 1, 10), S::Male, QStringLiteral("440308"));
    ok("legacy 15 1900-03-01", QStringLiteral("110105000301003"), K::Legacy15,
       QStringLiteral("110105000301003"), QDate(1900, 3, 1), S::Male, QStringLiteral("110105"));
    bad("legacy 15 1900-02-29", QStringLiteral("110105000229001"), E::Date, K::Legacy15,
        QStringLiteral("110105000229001"));
    bad("legacy 15 with X", QStringLiteral("11010549123100X"), E::Format);

    // 2023 foreigner permanent residence numbers: 9, accepting province, nationality, date, …
    const QString foreign = withCheck(QStringLiteral("91184019850315002"));
    ok("foreign 2023 female", foreign, K::Foreign2023, foreign, QDate(1985, 3, 15), S::Female,
       QStringLiteral("110000"));
    const QString foreignMale = withCheck(QStringLiteral("93115619900720005"));
    ok("foreign 2023 male", foreignMale, K::Foreign2023, foreignMale, QDate(1990, 7, 20), S::Male,
       QStringLiteral("310000"));
    bad("foreign 2023 wrong check", withWrongCheck(QStringLiteral("91184019850315002")), E::Checksum,
        K::Foreign2023, withWrongCheck(QStringLiteral("91184019850315002")));
    bad("foreign 2023 bad date", withCheck(QStringLiteral("91184019851315002")), E::Date, K::Foreign2023,
        withCheck(QStringLiteral("91184019851315002")));

    // Province codes come from a closed set (finding 6 of issue 16): the review's number, a
    // "foreigner" number of province 90, is refused as a format error.
    bad("foreign 2023 province 90", QStringLiteral("990426199112010074"), E::Format);
    bad("foreign 2023 province 00", withCheck(QStringLiteral("90084019850315002")), E::Format);
    bad("resident province 00", withCheck(QStringLiteral("00010519491231002")), E::Format);
    bad("resident province 16", withCheck(QStringLiteral("16010519491231002")), E::Format);
    bad("resident province 72 (Taiwan is 71)", withCheck(QStringLiteral("72010519491231002")), E::Format);
    bad("resident province 99", withCheck(QStringLiteral("99010519491231002")), E::Format);
    bad("legacy 15 province 39", QStringLiteral("390105491231002"), E::Format);
    // A province that exists with a prefecture/county that no longer does stays valid.
    const QString formerSichuanCounty = withCheck(QStringLiteral("51392119800101001"));
    ok("abolished county in an existing province", formerSichuanCounty, K::Resident, formerSichuanCounty,
       QDate(1980, 1, 1), S::Male, QStringLiteral("513921"));
}

void TstResidentId::provinceCodes()
{
    // GB/T 2260 provinces: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83. Every two-digit
    // code is tried as a resident's first two digits and as a 2023 foreigner's digits 2–3.
    const QList<int> provinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                  44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
    for (int code = 0; code < 100; ++code) {
        const QString two = QStringLiteral("%1").arg(code, 2, 10, QLatin1Char('0'));
        const bool known = provinces.contains(code);
        const ResidentId resident =
            ResidentId::parse(withCheck(two + QStringLiteral("010519491231002")), kToday);
        const ResidentId foreigner = ResidentId::parse(
            withCheck(QStringLiteral("9") + two + QStringLiteral("84019850315002")), kToday);
        const ResidentId legacy = ResidentId::parse(two + QStringLiteral("0105491231002"), kToday);
        if (code / 10 == 9) { // an 18-digit 9… is the foreigner form (tested below); 15 digits have none
            QCOMPARE(int(legacy.error()), int(E::Format));
        } else {
            QVERIFY2(resident.isValid() == known, qPrintable(two));
            QVERIFY2(legacy.isValid() == known, qPrintable(two));
            if (!known) {
                QCOMPARE(int(resident.error()), int(E::Format));
                QCOMPARE(int(legacy.error()), int(E::Format));
            }
        }
        QVERIFY2(foreigner.isValid() == known, qPrintable(two));
        if (known)
            QCOMPARE(foreigner.regionCode(), two + QStringLiteral("0000"));
        else
            QCOMPARE(int(foreigner.error()), int(E::Format));
    }
}

void TstResidentId::parse()
{
    QFETCH(QString, input);
    QFETCH(int, error);
    QFETCH(int, kind);
    QFETCH(QString, number);
    QFETCH(QDate, birth);
    QFETCH(int, sex);
    QFETCH(QString, region);

    const ResidentId id = ResidentId::parse(input, kToday);
    QCOMPARE(int(id.error()), error);
    QCOMPARE(id.isValid(), error == int(E::None));
    QCOMPARE(id.number(), number);
    if (error == int(E::Format) || error == int(E::Length)) {
        QVERIFY(id.number().isEmpty());
        return;
    }
    QCOMPARE(int(id.kind()), kind);
    if (error == int(E::None)) {
        QCOMPARE(id.birthDate(), birth);
        QCOMPARE(int(id.sex()), sex);
        QCOMPARE(id.regionCode(), region);
    }
    if (error == int(E::Date))
        QVERIFY(id.birthDate().isNull());
}

void TstResidentId::checkCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<char>("expected");
    QTest::newRow("110105…002 → X") << QStringLiteral("11010519491231002") << 'X';
    QTest::newRow("440308…151 → 2") << QStringLiteral("44030819990110151") << '2';
    QTest::newRow("810000…002 → 1") << QStringLiteral("81000019940823002") << '1';
    QTest::newRow("830000…002 → 2") << QStringLiteral("83000019920130002") << '2';
    QTest::newRow("all zeros → 1") << QStringLiteral("00000000000000000") << '1';
    QTest::newRow("16 digits") << QStringLiteral("1101051949123100") << '\0';
    QTest::newRow("18 digits") << QStringLiteral("110105194912310021") << '\0';
    QTest::newRow("letter") << QStringLiteral("1101051949123100A") << '\0';
    QTest::newRow("X inside") << QStringLiteral("1101051949123100X") << '\0';
    QTest::newRow("empty") << QString() << '\0';
}

void TstResidentId::checkCharacter()
{
    QFETCH(QString, first17);
    QFETCH(char, expected);
    QCOMPARE(ResidentId::checkCharacter(first17), expected);
}

void TstResidentId::checkCharacterAgreesWithClosedForm()
{
    // The weighted-sum implementation against the base-13 closed form, as in §10.
    QRandomGenerator rng(11643);
    int xs = 0;
    for (int i = 0; i < 20000; ++i) {
        QString first17;
        for (int d = 0; d < 17; ++d)
            first17.append(QChar(u'0' + int(rng.bounded(10))));
        const char c = ResidentId::checkCharacter(first17);
        QCOMPARE(QChar::fromLatin1(c), referenceCheck(first17));
        xs += c == 'X' ? 1 : 0;
        // MOD 11-2 catches every single-digit substitution.
        if (i < 300) {
            for (int p = 0; p < 17; ++p) {
                for (int d = 0; d < 10; ++d) {
                    QString changed = first17;
                    changed[p] = QChar(u'0' + d);
                    if (changed != first17)
                        QVERIFY(ResidentId::checkCharacter(changed) != c);
                }
            }
        }
    }
    QVERIFY(xs > 1000); // about 1 in 11 numbers ends in X
}

void TstResidentId::todayBoundary()
{
    const QString bornToday = withCheck(QStringLiteral("11010520240601001"));
    QVERIFY(ResidentId::parse(bornToday, kToday).isValid());
    QCOMPARE(ResidentId::parse(bornToday, kToday.addDays(-1)).error(), ResidentId::Error::Date);
}

void TstResidentId::nullTodaySkipsFutureCheck()
{
    const QString future = withCheck(QStringLiteral("11010530000101001"));
    QCOMPARE(ResidentId::parse(future, kToday).error(), ResidentId::Error::Date);
    QVERIFY(ResidentId::parse(future, QDate()).isValid());
    // The default `today` is the real date: 1949 is in the past on any machine.
    QVERIFY(ResidentId::parse(QStringLiteral("11010519491231002X")).isValid());
}

void TstResidentId::names()
{
    QCOMPARE(QByteArray(ResidentId::kindName(K::Resident)), QByteArray("resident"));
    QCOMPARE(QByteArray(ResidentId::kindName(K::Hmt)), QByteArray("hmt"));
    QCOMPARE(QByteArray(ResidentId::kindName(K::Foreign2023)), QByteArray("foreign_2023"));
    QCOMPARE(QByteArray(ResidentId::kindName(K::Legacy15)), QByteArray("legacy15"));
    QCOMPARE(QByteArray(ResidentId::kindName(K::Unknown)), QByteArray("unknown"));
    QVERIFY(ResidentId::errorName(E::None) == nullptr);
    QCOMPARE(QByteArray(ResidentId::errorName(E::Format)), QByteArray("format"));
    QCOMPARE(QByteArray(ResidentId::errorName(E::Length)), QByteArray("length"));
    QCOMPARE(QByteArray(ResidentId::errorName(E::Date)), QByteArray("date"));
    QCOMPARE(QByteArray(ResidentId::errorName(E::Checksum)), QByteArray("checksum"));
}

QTEST_GUILESS_MAIN(TstResidentId)
#include "tst_residentid.moc"
