// SessionController: what QML can see is masked and translated, follows the document's
// language, and holds nothing of the resident after the wipe.
#include "app/ui/LanguageController.h"
#include "app/ui/SessionController.h"

#include <QCoreApplication>
#include <QMetaProperty>
#include <QSignalSpy>
#include <QTest>

using namespace onewindow;
using namespace std::chrono_literals;

namespace {
const QString kReader = QStringLiteral("r");

Identity makeIdentity(DocumentType type)
{
    Identity id;
    id.documentType = type;
    id.sexCode = QStringLiteral("2");
    id.validFrom = QDate(2016, 3, 1);
    id.validFromRaw = QStringLiteral("20160301");
    id.validLongTerm = true;
    id.validUntilRaw = QStringLiteral("长期");
    switch (type) {
    case DocumentType::HmtPermit:
        id.name = QStringLiteral("陈演示");
        id.idNumber = QStringLiteral("810000199508230029");
        id.birthDate = QDate(1995, 8, 23);
        id.birthDateRaw = QStringLiteral("19950823");
        id.permitNumber = QStringLiteral("H12345678");
        break;
    case DocumentType::Foreign2023:
        id.name = QStringLiteral("玛丽亚");
        id.englishName = QStringLiteral("MARIA EXAMPLE");
        id.idNumber = QStringLiteral("911410199203040020");
        id.birthDate = QDate(1992, 3, 4);
        id.birthDateRaw = QStringLiteral("19920304");
        break;
    default:
        id.name = QStringLiteral("张测试");
        id.ethnicityCode = QStringLiteral("01");
        id.idNumber = QStringLiteral("110105195803120029");
        id.address = QStringLiteral("北京市朝阳区示例路88号");
        id.birthDate = QDate(1958, 3, 12);
        id.birthDateRaw = QStringLiteral("19580312");
        break;
    }
    return id;
}

// Every readable property rendered as text, for scanning.
QString allPropertyText(const QObject& o)
{
    QString text;
    const QMetaObject* mo = o.metaObject();
    for (int i = mo->propertyOffset(); i < mo->propertyCount(); ++i) {
        const QVariant v = mo->property(i).read(&o);
        text += v.typeId() == QMetaType::QStringList ? v.toStringList().join(QLatin1Char('|')) : v.toString();
        text += QLatin1Char('\n');
    }
    return text;
}
} // namespace

class TestSessionController : public QObject
{
    Q_OBJECT

    IdlePolicy policy()
    {
        IdlePolicy p;
        p.warning = 100ms;
        p.limits.insert(int(ResidentSession::State::Identified), 60s);
        return p;
    }

private Q_SLOTS:
    void showsOnlyMaskedTranslatedData()
    {
        ResidentSession session(policy());
        LanguageController language(QStringLiteral("zh_CN"));
        SessionController ui(&session, &language, false);
        session.onCardPresent(kReader);
        QCOMPARE(ui.state(), QStringLiteral("reading"));
        session.onCardRead(kReader, makeIdentity(DocumentType::Resident));
        QCOMPARE(ui.state(), QStringLiteral("identified"));
        QCOMPARE(ui.maskedName(), QStringLiteral("张**"));
        QCOMPARE(ui.maskedIdNumber(), QStringLiteral("110***********0029"));
        QCOMPARE(ui.documentType(), QStringLiteral("居民身份证"));
        QCOMPARE(ui.sex(), QStringLiteral("女"));
        QVERIFY(ui.validity().contains(QStringLiteral("长期")));
        const QString visible = allPropertyText(ui);
        for (const QString& secret : {QStringLiteral("张测试"), QStringLiteral("110105195803120029"),
                                      QStringLiteral("北京市朝阳区示例路88号"), QStringLiteral("19580312")})
            QVERIFY2(!visible.contains(secret), qPrintable(QStringLiteral("property leaks a field")));
    }

    void privateUseNameGetsMaskedFormAndHint()
    {
        // A 生僻字 coded in the Private Use Area (no font draws it) as the first character, the
        // one the mask keeps: the screen shows "*" for it and says why (zh_CN).
        ResidentSession session(policy());
        LanguageController language(QStringLiteral("zh_CN"));
        SessionController ui(&session, &language, false);
        Identity id = makeIdentity(DocumentType::Resident);
        id.name = QString(QChar(0xE4C6)) + QStringLiteral("测试");
        session.onCardPresent(kReader);
        session.onCardRead(kReader, id);
        QCOMPARE(ui.state(), QStringLiteral("identified"));
        QVERIFY(ui.nameHasRareCharacter());
        QCOMPARE(ui.maskedName(), QStringLiteral("***"));
        QVERIFY2(ui.notices().join(QLatin1Char('|')).contains(QStringLiteral("生僻字")),
                 qPrintable(ui.notices().join(QLatin1Char('|'))));
        ui.endSession();
        QVERIFY(!ui.nameHasRareCharacter());
        QVERIFY(ui.holdsNoResidentData());

        // 𠮷 is real Unicode: no hint, and the mask keeps it whole (a surrogate pair).
        id.name = QString::fromUcs4(U"\U00020BB7") + QStringLiteral("野");
        session.onCardPresent(kReader);
        session.onCardRead(kReader, id);
        QVERIFY(!ui.nameHasRareCharacter());
        QCOMPARE(ui.maskedName(), QString::fromUcs4(U"\U00020BB7") + QStringLiteral("*"));
        QVERIFY(!ui.notices().join(QLatin1Char('|')).contains(QStringLiteral("生僻字")));
    }

    void wipeLeavesNothing()
    {
        ResidentSession session(policy());
        LanguageController language(QStringLiteral("zh_CN"));
        SessionController ui(&session, &language, false);
        QSignalSpy display(&ui, &SessionController::displayChanged);
        session.onCardPresent(kReader);
        session.onCardRead(kReader, makeIdentity(DocumentType::Resident));
        QVERIFY(!ui.holdsNoResidentData());
        ui.endSession();
        QCOMPARE(ui.state(), QStringLiteral("attract"));
        QVERIFY(ui.holdsNoResidentData());
        QVERIFY(display.size() >= 2);
        const QString visible = allPropertyText(ui);
        QVERIFY(!visible.contains(QStringLiteral("张")));
        QVERIFY(!visible.contains(QStringLiteral("0029")));
        QVERIFY(session.identity().isEmpty());
    }

    void languageFollowsTheDocument_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("documentLabel");
        QTest::newRow("resident") << int(DocumentType::Resident) << "zh_CN" << QStringLiteral("居民身份证");
        QTest::newRow("hmt") << int(DocumentType::HmtPermit) << "zh_TW" << QStringLiteral("港澳台居民居住證");
        QTest::newRow("foreign") << int(DocumentType::Foreign2023) << "en"
                                 << QStringLiteral("Foreign permanent resident ID card");
    }
    void languageFollowsTheDocument()
    {
        QFETCH(int, type);
        QFETCH(QString, language);
        QFETCH(QString, documentLabel);
        ResidentSession session(policy());
        LanguageController lang(QStringLiteral("zh_CN"));
        SessionController ui(&session, &lang, false);
        session.onCardPresent(kReader);
        session.onCardRead(kReader, makeIdentity(DocumentType(type)));
        QCOMPARE(ui.state(), QStringLiteral("identified"));
        QCOMPARE(lang.language(), language);
        QCOMPARE(ui.documentType(), documentLabel);
        QSignalSpy announced(&ui, &SessionController::announce);
        ui.endSession();
        // "请取回您的证件" in the leaving resident's language while the card lies there, aloud …
        QCOMPARE(lang.language(), language);
        QCOMPARE(announced.size(), 1);
        QVERIFY(!announced.first().first().toString().isEmpty());
        QVERIFY(ui.cardLeftBehind());
        session.onCardRemoved(kReader);
        QCOMPARE(lang.language(), QStringLiteral("zh_CN")); // … the next resident starts fresh
    }

    void residentsChoiceWinsOverTheDocument()
    {
        ResidentSession session(policy());
        LanguageController lang(QStringLiteral("zh_CN"));
        SessionController ui(&session, &lang, false);
        lang.choose(QStringLiteral("en"));
        session.onCardPresent(kReader);
        session.onCardRead(kReader, makeIdentity(DocumentType::HmtPermit));
        QCOMPARE(lang.language(), QStringLiteral("en"));
        QCOMPARE(ui.documentType(),
                 QStringLiteral("Residence permit for Hong Kong, Macao and Taiwan residents"));
        lang.choose(QStringLiteral("xx")); // unsupported: ignored
        QCOMPARE(lang.language(), QStringLiteral("en"));
    }

    void errorsAreTranslatedSentences()
    {
        ResidentSession session(policy());
        LanguageController lang(QStringLiteral("zh_CN"));
        SessionController ui(&session, &lang, false);
        session.onCardPresent(kReader);
        session.onCardRemoved(kReader);
        QCOMPARE(ui.state(), QStringLiteral("card_error"));
        QVERIFY(!ui.errorTitle().isEmpty());
        QVERIFY(ui.errorTitle().contains(QStringLiteral("证件")));
        QVERIFY(!ui.errorHint().isEmpty());
        lang.choose(QStringLiteral("en"));
        QCOMPARE(ui.errorTitle(), QStringLiteral("The card was moved before reading finished"));
    }

    void elderlyModeResetsForTheNextResident()
    {
        ResidentSession session(policy());
        LanguageController lang(QStringLiteral("zh_CN"));
        SessionController ui(&session, &lang, false);
        session.onCardPresent(kReader);
        session.onCardRead(kReader, makeIdentity(DocumentType::Resident));
        ui.setElderlyMode(true);
        QVERIFY(session.elderlyMode());
        ui.endSession();
        QVERIFY(!ui.elderlyMode());
    }
};

QTEST_GUILESS_MAIN(TestSessionController)
#include "tst_sessioncontroller.moc"
