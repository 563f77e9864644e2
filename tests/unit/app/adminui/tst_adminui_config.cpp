// The configuration page's model (ConfigEditor) and the override file it writes
// (app/platform/ConfigOverrides): validation, save, what is read back, atomic mode 0600.
#include "app/adminui/ConfigEditor.h"
#include "app/platform/ConfigOverrides.h"
#include "app/platform/KioskConfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using namespace onewindow::adminui;

class TestAdminUiConfig : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QVariantMap current() const
    {
        return {{QStringLiteral("hub/url"), QString()},
                {QStringLiteral("hub/connect_timeout_ms"), QStringLiteral("10000")},
                {QStringLiteral("hub/total_timeout_ms"), QStringLiteral("120000")},
                {QStringLiteral("ui/default_language"), QStringLiteral("zh_CN")},
                {QStringLiteral("ui/elderly_default"), QStringLiteral("false")},
                {QStringLiteral("printer/name"), QString()},
                {QStringLiteral("session/idle_identified"), QStringLiteral("60")},
                {QStringLiteral("session/idle_form"), QStringLiteral("180")}};
    }

private Q_SLOTS:
    void validation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("https url") << "hub/url"
                                   << "https://hub.example.gov.cn" << true;
        QTest::newRow("no hub") << "hub/url"
                                << "" << true;
        QTest::newRow("http url") << "hub/url"
                                  << "http://hub.example.gov.cn" << false;
        QTest::newRow("no host") << "hub/url"
                                 << "https://" << false;
        QTest::newRow("garbage url") << "hub/url"
                                     << "hub example" << false;
        QTest::newRow("timeout ok") << "hub/connect_timeout_ms"
                                    << "5000" << true;
        QTest::newRow("timeout low") << "hub/connect_timeout_ms"
                                     << "10" << false;
        QTest::newRow("timeout text") << "hub/total_timeout_ms"
                                      << "2 min" << false;
        QTest::newRow("language") << "ui/default_language"
                                  << "zh_TW" << true;
        QTest::newRow("language bad") << "ui/default_language"
                                      << "fr" << false;
        QTest::newRow("bool") << "ui/elderly_default"
                              << "true" << true;
        QTest::newRow("bool bad") << "ui/elderly_default"
                                  << "yes please" << false;
        QTest::newRow("idle high") << "session/idle_form"
                                   << "99999" << false;
        QTest::newRow("not editable") << "kiosk/state_dir"
                                      << "/tmp" << false;
        QTest::newRow("not editable key") << "hub/key"
                                          << "/tmp/k.pem" << false;
    }
    void validation()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, ok);
        QCOMPARE(ConfigEditor::validate(key, value).isEmpty(), ok);
    }

    void saveWritesOnlyChangedEditableKeysAndIsReadBack()
    {
        QVERIFY(m_dir.isValid());
        const QString path = ConfigOverrides::pathFor(m_dir.path());
        ConfigEditor editor(current(), path, {QStringLiteral("receipts")});
        QVERIFY(!editor.dirty());
        editor.setValue(QStringLiteral("hub/url"), QStringLiteral("http://insecure"));
        QVERIFY(editor.dirty());
        QVERIFY(!editor.valid());
        QStringList changed;
        QString error;
        QVERIFY(!editor.save(&changed, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(path));

        editor.setValue(QStringLiteral("hub/url"), QStringLiteral("https://hub.example.gov.cn"));
        editor.setValue(QStringLiteral("ui/default_language"), QStringLiteral("en"));
        editor.setValue(QStringLiteral("kiosk/state_dir"), QStringLiteral("/tmp/evil")); // ignored
        QVERIFY(editor.valid());
        QVERIFY2(editor.save(&changed, &error), qPrintable(error));
        changed.sort();
        QCOMPARE(changed, (QStringList{QStringLiteral("hub/url"), QStringLiteral("ui/default_language")}));
        QVERIFY(!editor.dirty());
        QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        KioskConfig config = KioskConfig::load(QString());
        ConfigOverrides::applyTo(config, path);
        QCOMPARE(config.value(QStringLiteral("hub/url")).toString(),
                 QStringLiteral("https://hub.example.gov.cn"));
        QCOMPARE(config.defaultLanguage(), QStringLiteral("en"));
    }

    void aHandEditedOverrideCannotWidenAdminPowers()
    {
        const QString path = m_dir.filePath(QStringLiteral("hand.conf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[kiosk]\nstate_dir=/tmp/elsewhere\nout_of_service=true\n[hub]\nkey=/tmp/key.pem\n"
                "[privacy]\nallow_reveal=true\n");
        f.close();
        KioskConfig config = KioskConfig::load(QString());
        const QString stateBefore = config.stateDir();
        ConfigOverrides::applyTo(config, path);
        QCOMPARE(config.stateDir(), stateBefore);
        QVERIFY(config.value(QStringLiteral("hub/key")).toString().isEmpty());
        QVERIFY(!config.allowReveal() || KioskConfig::load(QString()).allowReveal());
        QCOMPARE(config.value(QStringLiteral("kiosk/out_of_service")).toString(), QStringLiteral("true"));
    }

    void revertRestoresTheSavedValues()
    {
        ConfigEditor editor(current(), m_dir.filePath(QStringLiteral("x.conf")), {});
        editor.setValue(QStringLiteral("session/idle_form"), QStringLiteral("5"));
        QVERIFY(!editor.valid());
        editor.revert();
        QVERIFY(editor.valid());
        QVERIFY(!editor.dirty());
    }
};

QTEST_GUILESS_MAIN(TestAdminUiConfig)
#include "tst_adminui_config.moc"
