// Runs the tst_*.qml files of this folder with the app's own QML modules linked in statically.
#include "app/assist/AssistChannel.h"
#include "app/assist/AssistController.h"
#include "app/input/KeyboardSetup.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(OneWindowPlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_ThemePlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_ScreensPlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_AdminPlugin)

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // Qt 6.4: static modules live under qrc:/
        onewindow::input::install(*engine);             // OneWindow.Input (the kiosk keyboard)
        // The real 人工帮办 controller on a kiosk without a hub: every press ends "offline".
        onewindow::assist::AssistController::Dependencies d;
        d.channel = &m_channel;
        d.kioskId = QStringLiteral("kiosk-qml");
        m_assist = std::make_unique<onewindow::assist::AssistController>(d);
        engine->rootContext()->setContextProperty(QStringLiteral("realAssist"), m_assist.get());
    }

private:
    onewindow::assist::AssistChannel m_channel{nullptr, 1000};
    std::unique_ptr<onewindow::assist::AssistController> m_assist;

public Q_SLOTS:
    void cleanupTestCase() { m_assist.reset(); }
};

QUICK_TEST_MAIN_WITH_SETUP(onewindow_qml, Setup)
#include "tst_qml.moc"
