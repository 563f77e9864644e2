// The hub-supplied validation.pattern runs on the GUI thread at every keystroke
// (FormController::setValue → validateField). A catastrophic pattern must not be able to stall
// it: such patterns are refused when the catalogue is parsed, the work of every match has a
// step budget (not a timer), and long values are not matched at all. docs/field-patterns.md.
#include "app/catalog/FieldValidator.h"
#include "app/catalog/FormSchema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace onewindow::catalog;

namespace {

FormSchema schemaWith(const QString& pattern, QStringList* errors)
{
    const QJsonObject field{
        {QStringLiteral("key"), QStringLiteral("f")},
        {QStringLiteral("type"), QStringLiteral("text")},
        {QStringLiteral("validation"), QJsonObject{{QStringLiteral("pattern"), pattern}}}};
    return FormSchema::fromJson(QJsonObject{{QStringLiteral("fields"), QJsonArray{field}}}, errors);
}

} // namespace

class TestFieldPattern : public QObject
{
    Q_OBJECT
private slots:
    void catastrophicPatternsAreRefused_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("nested plus") << QStringLiteral("(a+)+$");
        QTest::newRow("nested star") << QStringLiteral("(a*)*b");
        QTest::newRow("overlapping alternation") << QStringLiteral("(a|aa)+");
        QTest::newRow("words") << QStringLiteral("(\\w+\\s?)*$");
        QTest::newRow("bounded outer") << QStringLiteral("(?:[a-z]+,){1,20}x");
        QTest::newRow("named group") << QStringLiteral("(?<x>[0-9]+)*z");
        QTest::newRow("backreference") << QStringLiteral("(a+)\\1");
        QTest::newRow("recursion") << QStringLiteral("a(?R)?b");
        QTest::newRow("verb") << QStringLiteral("(*LIMIT_MATCH=99999999)a");
        QTest::newRow("too long") << QString(QStringLiteral("[0-9]")).repeated(60);
    }
    void catastrophicPatternsAreRefused()
    {
        QFETCH(QString, pattern);
        QStringList errors;
        const FormSchema schema = schemaWith(pattern, &errors);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(QStringLiteral("f: ")), qPrintable(errors.first()));
        // The field stays usable, without the refused check (like an invalid pattern).
        QCOMPARE(schema.fields.size(), 1);
        QVERIFY(schema.fields.first().pattern.isEmpty());
    }

    void catastrophicInputIsRefusedQuickly()
    {
        // The classic: 2^40 ways to split the a's before the '!' fails the match. Without the
        // refusal above, a field built in code (not from a catalogue) still cannot stall: the
        // pattern is checked at match time too and the value is refused as bad_format.
        FormField f;
        f.pattern = QStringLiteral("(a+)+$");
        QCOMPARE(validateField(f, QString(40, QLatin1Char('a')) + QLatin1Char('!')), FieldProblem::BadFormat);
        QCOMPARE(validateField(f, QString(40, QLatin1Char('a'))), FieldProblem::BadFormat);
    }

    void matchWorkIsBudgeted()
    {
        // No nesting, so not refused, but polynomial: the first alternative explores about
        // C(44,4) ≈ 136 000 ways to split 40 letters before it fails, then the second matches.
        // With the step budget the match gives up and the value is refused (fails closed);
        // without it the value would be accepted after all that work.
        QStringList errors;
        const FormSchema schema =
            schemaWith(QStringLiteral("[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*1|[a-z]+"), &errors);
        QVERIFY(errors.isEmpty());
        const FormField& f = schema.fields.first();
        QCOMPARE(validateField(f, QStringLiteral("abc")), FieldProblem::None);
        QCOMPARE(validateField(f, QString(40, QLatin1Char('a'))), FieldProblem::BadFormat);
    }

    void longValuesAreNotMatched()
    {
        QStringList errors;
        const FormSchema schema = schemaWith(QStringLiteral("[a-z]*"), &errors);
        const FormField& f = schema.fields.first();
        QCOMPARE(validateField(f, QString(256, QLatin1Char('a'))), FieldProblem::None);
        QCOMPARE(validateField(f, QString(257, QLatin1Char('a'))), FieldProblem::BadFormat);
    }

    void patternsThatBreakTheAnchorsAreInvalid()
    {
        // \Q quotes to the end of the pattern, so it would swallow the anchors added around
        // it: valid alone, never matching once anchored. Reported like any invalid pattern.
        QStringList errors;
        const FormSchema schema = schemaWith(QStringLiteral("\\Qabc"), &errors);
        QCOMPARE(errors, QStringList{QStringLiteral("f: invalid pattern")});
        QVERIFY(schema.fields.first().pattern.isEmpty());
    }

    void ordinaryPatternsStillWork_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("good");
        QTest::addColumn<QString>("bad");
        QTest::newRow("bank card") << QStringLiteral("^[0-9]{16,19}$")
                                   << QStringLiteral("6222020200112233445") << QStringLiteral("62220202");
        QTest::newRow("year") << QStringLiteral("(19|20)[0-9]{2}") << QStringLiteral("2026")
                              << QStringLiteral("2126");
        QTest::newRow("plate") << QStringLiteral("[\\x{4e00}-\\x{9fa5}][A-Z][A-Z0-9]{5}")
                               << QStringLiteral("京A12345") << QStringLiteral("AA12345");
        QTest::newRow("repeated pair")
            << QStringLiteral("(?:[A-Z][0-9])+") << QStringLiteral("A1B2") << QStringLiteral("A1B");
        QTest::newRow("class with paren")
            << QStringLiteral("[()+*]{1,3}x") << QStringLiteral("(+x") << QStringLiteral("(+");
        QTest::newRow("escaped paren")
            << QStringLiteral("\\(\\d+\\)") << QStringLiteral("(12)") << QStringLiteral("12");
        QTest::newRow("no multiline end")
            << QStringLiteral("[0-9]+") << QStringLiteral("12") << QStringLiteral("12\n3");
    }
    void ordinaryPatternsStillWork()
    {
        QFETCH(QString, pattern);
        QStringList errors;
        const FormSchema schema = schemaWith(pattern, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QStringLiteral("; "))));
        const FormField& f = schema.fields.first();
        QCOMPARE(f.pattern, pattern);
        QFETCH(QString, good);
        QFETCH(QString, bad);
        QCOMPARE(validateField(f, good), FieldProblem::None);
        QCOMPARE(validateField(f, bad), FieldProblem::BadFormat);
    }
};

QTEST_GUILESS_MAIN(TestFieldPattern)
#include "tst_fieldpattern.moc"
