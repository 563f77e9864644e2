// Every resident-facing text is translated: the .ts files have no unfinished entry in zh_CN
// and zh_TW, and the compiled catalogues load and translate at run time.
#include <QDir>
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
    }
    void catalogueIsComplete()
    {
        QFETCH(QString, language);
        const QString path = qEnvironmentVariable("ONEWINDOW_SOURCE_DIR") +
                             QStringLiteral("/resources/i18n/onewindow_%1.ts").arg(language);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList missing;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                if (type == QLatin1String("obsolete") || type == QLatin1String("vanished")) {
                    --messages;
                    continue;
                }
                // Plural forms are <numerusform> children; readElementText with IncludeChildElements.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                if (type == QLatin1String("unfinished") || text.isEmpty())
                    missing << source;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 30);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("untranslated: ") + missing.join(QStringLiteral(" | "))));
    }

    void compiledCataloguesTranslate()
    {
        QTranslator cn;
        QVERIFY(cn.load(QStringLiteral(":/i18n/onewindow_zh_CN.qm")));
        QCOMPARE(cn.translate("ResidentMessages", "Resident ID card"), QStringLiteral("居民身份证"));
        QTranslator tw;
        QVERIFY(tw.load(QStringLiteral(":/i18n/onewindow_zh_TW.qm")));
        QCOMPARE(tw.translate("ResidentMessages", "Resident ID card"), QStringLiteral("居民身分證"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
