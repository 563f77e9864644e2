#include "drivers/idcard/CrossCheck.h"

#include <QTest>

using namespace onewindow;

namespace {

// Independent MOD 11-2 check character (closed form, reference/idcard.md §3).
QString withCheck(const QString& first17)
{
    int v = 0;
    for (const QChar c : first17)
        v = (v * 13 + (c.unicode() - u'0')) % 11;
    const int check = ((1 - 2 * v) % 11 + 11) % 11;
    return first17 + (check == 10 ? QLatin1Char('X') : QChar(u'0' + check));
}

const QDate kToday(2024, 6, 1);

Identity resident()
{
    Identity id;
    id.documentType = DocumentType::Resident;
    id.name = QStringLiteral("李秀英");
    id.sexCode = QStringLiteral("2");
    id.ethnicityCode = QStringLiteral("01");
    id.birthDate = QDate(1949, 12, 31);
    id.birthDateRaw = QStringLiteral("19491231");
    id.address = QStringLiteral("北京市东城区景山前街4号");
    id.idNumber = QStringLiteral("11010519491231002X");
    id.issuer = QStringLiteral("北京市公安局东城分局");
    id.validFrom = QDate(2015, 1, 1);
    id.validFromRaw = QStringLiteral("20150101");
    id.validLongTerm = true;
    id.validUntilRaw = QStringLiteral("长期");
    return id;
}

Identity hmtPermit()
{
    Identity id;
    id.documentType = DocumentType::HmtPermit;
    id.name = QStringLiteral("陈美玲");
    id.sexCode = QStringLiteral("2");
    id.birthDate = QDate(1994, 8, 23);
    id.idNumber = QStringLiteral("810000199408230021");
    id.permitNumber = QStringLiteral("H12345678");
    id.issueCount = QStringLiteral("01");
    id.validFrom = QDate(2020, 1, 1);
    id.validUntil = QDate(2025, 1, 1);
    return id;
}

Identity foreign2017()
{
    Identity id;
    id.documentType = DocumentType::Foreign2017;
    id.englishName = QStringLiteral("SMITH JOHN");
    id.sexCode = QStringLiteral("1");
    id.birthDate = QDate(1980, 1, 1);
    id.idNumber = QStringLiteral("USA110080010112");
    id.nationality = QStringLiteral("USA");
    id.validFrom = QDate(2017, 6, 15);
    id.validUntil = QDate(2027, 6, 14);
    return id;
}

Identity foreign2023()
{
    Identity id;
    id.documentType = DocumentType::Foreign2023;
    id.name = QStringLiteral("安娜");
    id.englishName = QStringLiteral("ANNA MARIA SMITH");
    id.sexCode = QStringLiteral("2");
    id.birthDate = QDate(1985, 3, 15);
    id.idNumber = withCheck(QStringLiteral("91184019850315002"));
    id.nationality = QStringLiteral("840");
    id.validFrom = QDate(2023, 12, 1);
    id.validUntil = QDate(2033, 11, 30);
    return id;
}

template <typename F> Identity with(Identity id, F change)
{
    change(id);
    return id;
}

} // namespace

class TstCrossCheck : public QObject
{
    Q_OBJECT

private slots:
    void findings_data();
    void findings();
    void severityOfEveryCode_data();
    void severityOfEveryCode();
    void helpers();
};

void TstCrossCheck::findings_data()
{
    QTest::addColumn<Identity>("identity");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QStringList>("warnings");

    const QStringList none;
    auto row = [](const char* name, const Identity& id, const QStringList& errors,
                  const QStringList& warnings, QDate today = kToday) {
        QTest::newRow(name) << id << today << errors << warnings;
    };

    // Clean documents of every type.
    row("resident clean", resident(), none, none);
    row("hmt permit clean", hmtPermit(), none, none);
    row("foreign 2017 clean", foreign2017(), none, none);
    row("foreign 2023 clean", foreign2023(), none, none);

    // id_invalid
    row("resident wrong check digit",
        with(resident(), [](Identity& i) { i.idNumber = QStringLiteral("110105194912310021"); }),
        {QStringLiteral("id_invalid")}, none);
    row("resident empty number", with(resident(), [](Identity& i) { i.idNumber.clear(); }),
        {QStringLiteral("id_invalid")}, none);
    row("resident letters in number",
        with(resident(), [](Identity& i) { i.idNumber = QStringLiteral("1101051949123100AX"); }),
        {QStringLiteral("id_invalid")}, none);
    row("resident number born after today", resident(), {QStringLiteral("id_invalid")},
        {QStringLiteral("not_yet_valid")}, QDate(1949, 12, 30));
    row("foreign 2017 lowercase letters",
        with(foreign2017(), [](Identity& i) { i.idNumber = QStringLiteral("usa110080010112"); }),
        {QStringLiteral("id_invalid")}, none);
    row("foreign 2017 digit in letter part",
        with(foreign2017(), [](Identity& i) { i.idNumber = QStringLiteral("US1110080010112"); }),
        {QStringLiteral("id_invalid")}, none);
    row("foreign 2017 too short",
        with(foreign2017(), [](Identity& i) { i.idNumber = QStringLiteral("USA11008001011"); }),
        {QStringLiteral("id_invalid")}, none);
    row("foreign 2017 given an 18-digit number",
        with(foreign2017(), [](Identity& i) { i.idNumber = QStringLiteral("11010519491231002X"); }),
        {QStringLiteral("id_invalid")}, none);
    row("foreign 2023 wrong check",
        with(foreign2023(),
             [](Identity& i) {
                 i.idNumber[17] = i.idNumber[17] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
             }),
        {QStringLiteral("id_invalid")}, none);

    // id_kind_mismatch
    row("resident card with an HMT number",
        with(resident(),
             [](Identity& i) {
                 i.idNumber = QStringLiteral("810000199408230021");
                 i.birthDate = QDate(1994, 8, 23);
             }),
        {QStringLiteral("id_kind_mismatch")}, none);
    row("hmt permit with a mainland number",
        with(hmtPermit(),
             [](Identity& i) {
                 i.idNumber = QStringLiteral("11010519491231002X");
                 i.birthDate = QDate(1949, 12, 31);
             }),
        {QStringLiteral("id_kind_mismatch")}, none);
    row("foreign 2023 with a mainland number",
        with(foreign2023(),
             [](Identity& i) {
                 i.idNumber = QStringLiteral("11010519491231002X");
                 i.birthDate = QDate(1949, 12, 31);
             }),
        {QStringLiteral("id_kind_mismatch")}, none);
    row("resident card with a legacy 15-digit number",
        with(resident(), [](Identity& i) { i.idNumber = QStringLiteral("110105491231002"); }),
        {QStringLiteral("id_kind_mismatch")}, none);

    // birth_date_mismatch / sex_mismatch
    row("birth date differs", with(resident(), [](Identity& i) { i.birthDate = QDate(1949, 12, 30); }),
        {QStringLiteral("birth_date_mismatch")}, none);
    row("sex differs (1 vs even digit)",
        with(resident(), [](Identity& i) { i.sexCode = QStringLiteral("1"); }),
        {QStringLiteral("sex_mismatch")}, none);
    row("sex differs (2 vs odd digit)",
        with(resident(),
             [](Identity& i) {
                 i.idNumber = QStringLiteral("440308199901101512");
                 i.birthDate = QDate(1999, 1, 10);
             }),
        {QStringLiteral("sex_mismatch")}, none);
    row("hmt birth and sex differ",
        with(hmtPermit(),
             [](Identity& i) {
                 i.sexCode = QStringLiteral("1");
                 i.birthDate = QDate(1994, 8, 24);
             }),
        {QStringLiteral("birth_date_mismatch"), QStringLiteral("sex_mismatch")}, none);
    row("foreign 2023 sex differs", with(foreign2023(), [](Identity& i) { i.sexCode = QStringLiteral("1"); }),
        {QStringLiteral("sex_mismatch")}, none);
    row("foreign 2017 has no parity check",
        with(foreign2017(), [](Identity& i) { i.sexCode = QStringLiteral("2"); }), none, none);

    // Sex codes 0 and 9 are legitimate and have no parity.
    row("sex code 0", with(resident(), [](Identity& i) { i.sexCode = QStringLiteral("0"); }), none, none);
    row("sex code 9", with(resident(), [](Identity& i) { i.sexCode = QStringLiteral("9"); }), none, none);
    row("unknown sex code", with(resident(), [](Identity& i) { i.sexCode = QStringLiteral("3"); }), none,
        {QStringLiteral("unknown_sex_code")});
    row("empty sex code", with(hmtPermit(), [](Identity& i) { i.sexCode.clear(); }), none,
        {QStringLiteral("unknown_sex_code")});

    // Ethnicity (resident card only).
    row("ethnicity 97", with(resident(), [](Identity& i) { i.ethnicityCode = QStringLiteral("97"); }), none,
        none);
    row("unknown ethnicity", with(resident(), [](Identity& i) { i.ethnicityCode = QStringLiteral("77"); }),
        none, {QStringLiteral("unknown_ethnicity_code")});
    row("missing ethnicity", with(resident(), [](Identity& i) { i.ethnicityCode.clear(); }), none,
        {QStringLiteral("unknown_ethnicity_code")});

    // Dates.
    row("invalid birth date",
        with(resident(),
             [](Identity& i) {
                 i.birthDate = QDate();
                 i.birthDateRaw = QStringLiteral("19491340");
             }),
        none, {QStringLiteral("invalid_birth_date")});
    row("invalid validity start", with(resident(), [](Identity& i) { i.validFrom = QDate(); }), none,
        {QStringLiteral("invalid_validity_date")});
    row("invalid validity end", with(hmtPermit(), [](Identity& i) { i.validUntil = QDate(); }), none,
        {QStringLiteral("invalid_validity_date")});
    row("expired", hmtPermit(), none, {QStringLiteral("expired")}, QDate(2025, 1, 2));
    row("last valid day", hmtPermit(), none, none, QDate(2025, 1, 1));
    row("long-term never expires", resident(), none, none, QDate(2200, 1, 1));
    row("not yet valid", foreign2023(), none, {QStringLiteral("not_yet_valid")}, QDate(2023, 11, 30));
    row("first valid day", foreign2023(), none, none, QDate(2023, 12, 1));
    row("foreign 2017 expired", foreign2017(), none, {QStringLiteral("expired")}, QDate(2030, 1, 1));

    // 生僻字 coded in the Private Use Area (the old way, before Unicode had them): kept as they
    // are, but no font here draws them, so the resident is warned.
    row("name with a BMP private-use character",
        with(resident(),
             [](Identity& i) { i.name = QStringLiteral("李") + QChar(0xE4C6) + QStringLiteral("英"); }),
        none, {QStringLiteral("name_private_use")});
    row("name that is private-use at the first and last code point",
        with(resident(), [](Identity& i) { i.name = QString(QChar(0xE000)) + QChar(0xF8FF); }), none,
        {QStringLiteral("name_private_use")});
    row("name with a supplementary private-use character (plane 15)",
        with(resident(),
             [](Identity& i) { i.name = QStringLiteral("王") + QString::fromUcs4(U"\U000F0041"); }),
        none, {QStringLiteral("name_private_use")});
    row("name with a plane 16 private-use character",
        with(resident(),
             [](Identity& i) { i.name = QStringLiteral("王") + QString::fromUcs4(U"\U0010FFFD"); }),
        none, {QStringLiteral("name_private_use")});
    row("english name with a private-use character",
        with(foreign2017(), [](Identity& i) { i.englishName += QChar(0xE123); }), none,
        {QStringLiteral("name_private_use")});
    // Real Unicode for rare characters is no warning: 𠮷 (U+20BB7, outside the BMP) and 䶮
    // (U+4DAE, extension A) have code points of their own and the installed fonts draw them.
    row("name with U+20BB7 outside the BMP",
        with(resident(),
             [](Identity& i) { i.name = QString::fromUcs4(U"\U00020BB7") + QStringLiteral("野"); }),
        none, none);
    row("name with U+4DAE",
        with(resident(), [](Identity& i) { i.name = QStringLiteral("刘") + QChar(0x4DAE); }), none, none);
    row("U+F900 (a compatibility ideograph, just after the area) is no warning",
        with(resident(), [](Identity& i) { i.name = QStringLiteral("李") + QChar(0xF900); }), none, none);
}

void TstCrossCheck::findings()
{
    QFETCH(Identity, identity);
    QFETCH(QDate, today);
    QFETCH(QStringList, errors);
    QFETCH(QStringList, warnings);

    const QList<CheckFinding> f = crossCheck(identity, today);
    QStringList gotErrors = findingCodes(f, CheckFinding::Severity::Error);
    QStringList gotWarnings = findingCodes(f, CheckFinding::Severity::Warning);
    gotErrors.sort();
    gotWarnings.sort();
    errors.sort();
    warnings.sort();
    QCOMPARE(gotErrors, errors);
    QCOMPARE(gotWarnings, warnings);
    QCOMPARE(hasErrors(f), !errors.isEmpty());
    QCOMPARE(f.size(), errors.size() + warnings.size());
}

void TstCrossCheck::severityOfEveryCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("isError");
    QTest::newRow("id_invalid") << QStringLiteral("id_invalid") << true;
    QTest::newRow("birth_date_mismatch") << QStringLiteral("birth_date_mismatch") << true;
    QTest::newRow("sex_mismatch") << QStringLiteral("sex_mismatch") << true;
    QTest::newRow("id_kind_mismatch") << QStringLiteral("id_kind_mismatch") << true;
    QTest::newRow("expired") << QStringLiteral("expired") << false;
    QTest::newRow("not_yet_valid") << QStringLiteral("not_yet_valid") << false;
    QTest::newRow("unknown_sex_code") << QStringLiteral("unknown_sex_code") << false;
    QTest::newRow("unknown_ethnicity_code") << QStringLiteral("unknown_ethnicity_code") << false;
    QTest::newRow("invalid_birth_date") << QStringLiteral("invalid_birth_date") << false;
    QTest::newRow("invalid_validity_date") << QStringLiteral("invalid_validity_date") << false;
    QTest::newRow("name_private_use") << QStringLiteral("name_private_use") << false;
}

void TstCrossCheck::severityOfEveryCode()
{
    QFETCH(QString, code);
    QFETCH(bool, isError);
    // One identity that triggers every code at once.
    Identity id = resident();
    id.documentType = DocumentType::Resident;
    id.idNumber = QStringLiteral("810000199408230021"); // HMT number on a resident card
    id.birthDate = QDate(1994, 8, 24);                  // ≠ 19940823
    id.sexCode = QStringLiteral("1");                   // ≠ even digit
    id.ethnicityCode = QStringLiteral("77");
    id.validLongTerm = false;
    id.validUntil = QDate(2000, 1, 1);
    id.name += QChar(0xE000);
    const QList<CheckFinding> a = crossCheck(id, kToday);

    Identity other = foreign2017();
    other.idNumber = QStringLiteral("bad");
    other.sexCode = QStringLiteral("x");
    other.birthDate = QDate();
    other.validFrom = QDate(2030, 1, 1);
    other.validUntil = QDate();
    const QList<CheckFinding> b = crossCheck(other, kToday);

    const QList<CheckFinding> all = a + b;
    bool found = false;
    for (const CheckFinding& f : all) {
        if (f.code != code)
            continue;
        found = true;
        QCOMPARE(f.severity == CheckFinding::Severity::Error, isError);
    }
    QVERIFY2(found, qPrintable(code));
}

void TstCrossCheck::helpers()
{
    QList<CheckFinding> f;
    QVERIFY(!hasErrors(f));
    QVERIFY(findingCodes(f, CheckFinding::Severity::Error).isEmpty());
    f.append({CheckFinding::Severity::Warning, QStringLiteral("expired")});
    QVERIFY(!hasErrors(f));
    f.append({CheckFinding::Severity::Error, QStringLiteral("sex_mismatch")});
    QVERIFY(hasErrors(f));
    QCOMPARE(findingCodes(f, CheckFinding::Severity::Warning), QStringList{QStringLiteral("expired")});
    QCOMPARE(findingCodes(f, CheckFinding::Severity::Error), QStringList{QStringLiteral("sex_mismatch")});
}

QTEST_GUILESS_MAIN(TstCrossCheck)
#include "tst_crosscheck.moc"
