// Catalogue texts in three languages: a missing zh_TW text is derived from zh_CN with the real
// OpenCC converter the kiosk installs (app/input), and an explicit zh_TW text always wins.
#include "app/catalog/LocalizedText.h"
#include "app/input/ScriptConverter.h"

#include <QJsonObject>
#include <QTest>

using namespace onewindow;
using namespace onewindow::catalog;

class TestLocalizedText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { LocalizedText::setTraditionalConverter({}); }

    void fallsBackWithoutAConverter()
    {
        const LocalizedText t =
            LocalizedText::fromJson(QJsonObject{{QStringLiteral("zh_CN"), QStringLiteral("户口迁入")},
                                                {QStringLiteral("en"), QStringLiteral("Move in")}});
        QCOMPARE(t.in(QStringLiteral("zh_TW")), QStringLiteral("户口迁入"));
        QCOMPARE(t.in(QStringLiteral("en")), QStringLiteral("Move in"));
    }

    void derivesTraditionalWithOpenCC()
    {
        auto converter = input::ScriptConverter::openSimplifiedToTaiwan();
        QVERIFY2(converter, qPrintable(converter ? QString() : converter.error()));
        std::shared_ptr<input::ScriptConverter> shared = std::move(converter).value();
        int calls = 0;
        LocalizedText::setTraditionalConverter([shared, &calls](const QString& s) {
            ++calls;
            return shared->convert(s);
        });
        const LocalizedText t = LocalizedText::fromJson(
            QJsonObject{{QStringLiteral("zh_CN"), QStringLiteral("户口迁入（夫妻投靠）")}});
        QCOMPARE(t.in(QStringLiteral("zh_TW")), QStringLiteral("戶口遷入（夫妻投靠）"));
        QCOMPARE(t.in(QStringLiteral("zh_TW")), QStringLiteral("戶口遷入（夫妻投靠）"));
        QCOMPARE(calls, 1); // converted once, then kept
        QCOMPARE(t.in(QStringLiteral("zh_CN")), QStringLiteral("户口迁入（夫妻投靠）"));

        const LocalizedText own =
            LocalizedText::fromJson(QJsonObject{{QStringLiteral("zh_CN"), QStringLiteral("居住证")},
                                                {QStringLiteral("zh_TW"), QStringLiteral("居留證明")}});
        QCOMPARE(own.in(QStringLiteral("zh_TW")), QStringLiteral("居留證明"));
    }
};

QTEST_GUILESS_MAIN(TestLocalizedText)
#include "tst_localizedtext.moc"
