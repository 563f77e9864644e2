// The composition root (DESIGN.md §2): every manager is built here, explicitly, and handed to
// QML as an initial property. No singletons, no service locator.

#include "app/platform/KioskConfig.h"
#include "app/platform/Logging.h"
#include "app/platform/StatePaths.h"
#include "app/readers/ReaderSetup.h"
#include "app/session/ResidentSession.h"
#include "app/ui/ActivityFilter.h"
#include "app/ui/DemoConsole.h"
#include "app/ui/DemoController.h"
#include "app/ui/LanguageController.h"
#include "app/ui/SessionController.h"
#include "drivers/reader/ReaderManager.h"
#include "drivers/sim/SimIdentities.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(OneWindowPlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_ThemePlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_ScreensPlugin)

using namespace onewindow;
using namespace std::chrono_literals;

namespace {

IdlePolicy idlePolicyFrom(const KioskConfig& config)
{
    using State = ResidentSession::State;
    auto seconds = [&config](const char* screen) {
        return std::chrono::milliseconds{config.idleSeconds(QString::fromLatin1(screen)) * 1000LL};
    };
    IdlePolicy policy;
    policy.warning = std::chrono::milliseconds{config.idleWarningSeconds() * 1000LL};
    policy.elderlyFactor = config.elderlyIdleFactor();
    policy.limits.insert(int(State::Reading), 15s); // a read never takes this long
    policy.limits.insert(int(State::Identified), seconds("identified"));
    policy.limits.insert(int(State::CardError), seconds("card_error"));
    policy.limits.insert(int(State::ChoosingService), seconds("choosing_service"));
    policy.limits.insert(int(State::FillingForm), seconds("form"));
    policy.limits.insert(int(State::Reviewing), seconds("identified"));
    policy.limits.insert(int(State::Receipt), seconds("identified"));
    policy.limits.insert(int(State::Rating), seconds("choosing_service"));
    return policy;
}

int fail(const QString& message)
{
    std::fprintf(stderr, "onewindow-kiosk: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    installRedactingMessageHandler();
    QGuiApplication app(argc, argv);
    // Basic is the one style that renders our own backgrounds identically everywhere.
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QGuiApplication::setApplicationName(QStringLiteral("onewindow"));
    QGuiApplication::setApplicationVersion(QStringLiteral(ONEWINDOW_VERSION));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("OneWindow self-service kiosk"));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption configOpt(QStringLiteral("config"), QStringLiteral("Configuration file."),
                                       QStringLiteral("path"));
    const QCommandLineOption demoOpt(QStringLiteral("demo"),
                                     QStringLiteral("Demo mode: simulated reader, synthetic residents, "
                                                    "per-user state directory."));
    const QCommandLineOption stateOpt(QStringLiteral("state-dir"), QStringLiteral("State directory."),
                                      QStringLiteral("path"));
    const QCommandLineOption controlOpt(QStringLiteral("sim-control"),
                                        QStringLiteral("Read demo commands from stdin (tests, headless demo)."));
    const QCommandLineOption sizeOpt(QStringLiteral("window-size"), QStringLiteral("Window size, e.g. 1080x1920."),
                                     QStringLiteral("WxH"));
    cli.addOptions({configOpt, demoOpt, stateOpt, controlOpt, sizeOpt});
    cli.process(app);

    KioskConfig config = KioskConfig::load(KioskConfig::locate(cli.value(configOpt)));
    if (!config.ok())
        return fail(config.errorString());
    const bool demo = cli.isSet(demoOpt) || config.demoMode();
    if (demo) {
        // The demo never touches a real device and keeps its state in the user's home.
        config.setValue(QStringLiteral("readers/backends"), QStringLiteral("sim"));
        if (!config.value(QStringLiteral("kiosk/state_dir")).isValid())
            config.setValue(QStringLiteral("kiosk/state_dir"), StatePaths::perUserDefault() + QStringLiteral("-demo"));
    }
    if (cli.isSet(stateOpt))
        config.setValue(QStringLiteral("kiosk/state_dir"), cli.value(stateOpt));
    if (const QString error = StatePaths::ensure(config.stateDir()); !error.isEmpty())
        return fail(error);

    // Readers: which backends run, and their settings, come from the configuration.
    ReaderSetup readerSetup = ReaderSetup::fromConfig(config);
    if (readerSetup.backends.contains(QStringLiteral("sim")) || demo) {
        const QString path =
            config.simIdentitiesPath().isEmpty() ? builtInSimIdentitiesPath() : config.simIdentitiesPath();
        auto loaded = loadSimCards(path);
        if (!loaded)
            return fail(loaded.error());
        readerSetup.simCards = std::move(loaded).value();
    }
    ReaderManager readers;
    for (const QString& problem : registerReaderBackends(readers, readerSetup))
        qCWarning(lcReader) << problem;

    ResidentSession session(idlePolicyFrom(config));
    // Only readers that can decode a person start a session; a chip-serial-only reader's
    // cardPresent would leave the resident waiting on "Reading".
    QObject::connect(&readers, &ReaderManager::cardPresent, &session, [&readers, &session](const QString& name) {
        if (readers.readerMayReadIdentity(name))
            session.onCardPresent(name);
    });
    QObject::connect(&readers, &ReaderManager::cardRead, &session, &ResidentSession::onCardRead);
    QObject::connect(&readers, &ReaderManager::readFailed, &session, &ResidentSession::onReadFailed);
    QObject::connect(&readers, &ReaderManager::cardRemoved, &session, &ResidentSession::onCardRemoved);
    QObject::connect(&readers, &ReaderManager::chipSerialRead, &session, &ResidentSession::onChipSerialOnly);

    LanguageController language(config.defaultLanguage());
    SessionController sessionController(&session, &language, config.elderlyModeDefault());
    DemoController demoController(demo, &readers, readerSetup.simCards, &language);

    QQmlApplicationEngine engine;
    // Qt 6.4 puts our static QML modules under qrc:/ (the :/qt/qml prefix arrives in 6.5).
    engine.addImportPath(QStringLiteral("qrc:/"));
    language.setEngine(&engine);
    engine.setInitialProperties({
        {QStringLiteral("session"), QVariant::fromValue(&sessionController)},
        {QStringLiteral("language"), QVariant::fromValue(&language)},
        {QStringLiteral("demo"), QVariant::fromValue(&demoController)},
    });
    engine.load(QUrl(QStringLiteral("qrc:/OneWindow/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return fail(QStringLiteral("the user interface failed to load"));
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window)
        return fail(QStringLiteral("the root QML object is not a window"));
    if (cli.isSet(sizeOpt)) {
        const QStringList wh = cli.value(sizeOpt).split(QLatin1Char('x'));
        if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
            window->resize(wh[0].toInt(), wh[1].toInt());
    }

    ActivityFilter activity(&session);
    window->installEventFilter(&activity);

    std::unique_ptr<DemoConsole> console;
    if (cli.isSet(controlOpt)) {
        console = std::make_unique<DemoConsole>(&session, &demoController, &language);
        console->setWindow(window);
    }

    QObject::connect(&readers, &ReaderManager::backendUnavailable, &session,
                     [&session] { session.setOutOfService(true); });
    readers.start(config.readerBackends());

    const int rc = QGuiApplication::exec();
    readers.stop();
    return rc;
}
