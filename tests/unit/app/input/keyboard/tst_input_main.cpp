// QtQuickTest for the pinyin keyboard: a small window with a TextField and the real Qt Virtual
// Keyboard InputPanel, our layouts, style and input method, offscreen.
#include "app/input/KeyboardSetup.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(OneWindow_ThemePlugin)

#if defined(__SANITIZE_ADDRESS__)
// Debian's libgooglepinyin 0.1.2 frees a new[] array with delete (SpellingTrie::build_ym_info):
// harmless with glibc's allocator, but ASan stops on it. Everything else stays checked.
extern "C" const char* __asan_default_options()
{
    return "alloc_dealloc_mismatch=0";
}
#endif

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the static Theme module lives there
        onewindow::input::install(*engine);
        engine->rootContext()->setContextProperty(QStringLiteral("screenshotPath"),
                                                  qEnvironmentVariable("ONEWINDOW_INPUT_SCREENSHOT"));
    }
};

int main(int argc, char** argv)
{
    onewindow::input::setupEnvironment(); // before QGuiApplication, which quick_test_main makes
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "input", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_input_main.moc"
