// Runs the tst_*.qml files of this folder with the app's own QML modules linked in statically.
#include "app/input/KeyboardSetup.h"

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
    }
};

QUICK_TEST_MAIN_WITH_SETUP(onewindow_qml, Setup)
#include "tst_qml.moc"
