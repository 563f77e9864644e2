// The composition root (DESIGN.md §2): every manager is built here, explicitly, and handed to
// QML as an initial property. No singletons, no service locator.

#include "app/adminui/AdminEntry.h"
#include "app/adminui/AdminMode.h"
#include "app/adminui/AdminPages.h"
#include "app/assist/AssistController.h"
#include "app/assist/HallCall.h"
#include "app/catalog/Catalog.h"
#include "app/catalog/LocalizedText.h"
#include "app/diagnostics/DiagnosticsBundle.h"
#include "app/diagnostics/DiagnosticsReport.h"
#include "app/health/HealthMonitor.h"
#include "app/health/HealthWatchdog.h"
#include "app/input/KeyboardSetup.h"
#include "app/input/ScriptConverter.h"
#include "app/perf/PerfProbes.h" // perf probes (tests/bench)
#include "app/phone/PhoneNumbers.h"
#include "app/platform/ConfigOverrides.h"
#include "app/platform/KioskConfig.h"
#include "app/platform/LogRedaction.h"
#include "app/platform/Logging.h"
#include "app/platform/RecentLog.h"
#include "app/platform/StatePaths.h"
#include "app/platform/SystemdNotifier.h"
#include "app/readers/ReaderSetup.h"
#include "app/session/ResidentSession.h"
#include "app/speech/QtSpeaker.h"
#include "app/storage/StorageConfig.h"
#include "app/storage/StorageService.h"
#include "app/sync/HubConfig.h"
#include "app/sync/SyncService.h"
#include "app/ui/ActivityFilter.h"
#include "app/ui/CatalogController.h"
#include "app/ui/DemoConsole.h"
#include "app/ui/DemoController.h"
#include "app/ui/DemoLicences.h"
#include "app/ui/FormController.h"
#include "app/ui/HubProgressSource.h"
#include "app/ui/JourneyController.h"
#include "app/ui/LanguageController.h"
#include "app/ui/LocalProgressSource.h"
#include "app/ui/SessionController.h"
#include "app/ui/TapGuard.h"
#include "drivers/reader/ReaderManager.h"
#include "drivers/sim/SimIdentities.h"

#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QThreadPool>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <optional>
#include <sys/prctl.h>
#include <sys/resource.h>

Q_IMPORT_QML_PLUGIN(OneWindowPlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_ThemePlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_ScreensPlugin)
Q_IMPORT_QML_PLUGIN(OneWindow_AdminPlugin)

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
    policy.cardAway = std::chrono::milliseconds{config.cardAwaySeconds() * 1000LL};
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

// Demo mode without a configured licence root trusts the demo authority's root instead
// (app/ui DemoLicences); with one configured, the demo licences are not seeded.
QString demoAuthorityDir(KioskConfig& config)
{
    if (!config.value(QStringLiteral("licenses/root_key")).toString().trimmed().isEmpty()) {
        qWarning("demo licences not seeded: [licenses] root_key is configured and does not trust the demo "
                 "authority");
        return {};
    }
    const QString dir = config.stateDir() + QStringLiteral("/demo-authority");
    const QString root = DemoLicences::trustedRoot(dir);
    if (root.isEmpty())
        return {};
    config.setValue(QStringLiteral("licenses/root_key"), root);
    return dir;
}

int fail(const QString& message)
{
    std::fprintf(stderr, "onewindow-kiosk: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    // A resident's identity lives in this process's memory during a session: a crash must not
    // write it to disk in a core dump (nor let another process of our user read our memory).
    ::prctl(PR_SET_DUMPABLE, 0);
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    installRedactingMessageHandler();
    // The on-screen keyboard is an input method: it must be chosen before the application exists.
    // The on-screen keyboard with the pinyin input method (app/input): QT_IM_MODULE and our
    // layout path, unless the caller set them.
    input::setupEnvironment();
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
    const QCommandLineOption controlOpt(
        QStringLiteral("sim-control"),
        QStringLiteral("Read demo commands from stdin (tests, headless demo)."));
    const QCommandLineOption sizeOpt(QStringLiteral("window-size"),
                                     QStringLiteral("Window size, e.g. 1080x1920."), QStringLiteral("WxH"));
    cli.addOptions({configOpt, demoOpt, stateOpt, controlOpt, sizeOpt});
    cli.process(app);

    KioskConfig config = KioskConfig::load(KioskConfig::locate(cli.value(configOpt)));
    if (!config.ok())
        return fail(config.errorString());
    if (const QString problem = applyLoggingConfig(config); !problem.isEmpty())
        qCWarning(lcConfig, "%s", qPrintable(problem));
    const bool demo = cli.isSet(demoOpt) || config.demoMode();
    if (demo) {
        // The demo never touches a real device and keeps its state in the user's home.
        config.setValue(QStringLiteral("readers/backends"), QStringLiteral("sim"));
        if (!config.value(QStringLiteral("kiosk/state_dir")).isValid())
            config.setValue(QStringLiteral("kiosk/state_dir"),
                            StatePaths::perUserDefault() + QStringLiteral("-demo"));
    }
    if (cli.isSet(stateOpt))
        config.setValue(QStringLiteral("kiosk/state_dir"), cli.value(stateOpt));
    if (const QString error = StatePaths::ensure(config.stateDir()); !error.isEmpty())
        return fail(error);
    // What a technician changed in admin mode (the kiosk cannot write /etc/onewindow).
    ConfigOverrides::applyTo(config, ConfigOverrides::pathFor(config.stateDir()));

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
    // BEGIN perf probes (tests/bench, docs/performance.md): nothing is built unless ONEWINDOW_PERF
    // is set. Connected before the session so the marks precede its work.
    const std::unique_ptr<perf::PerfProbes> perfProbes = perf::PerfProbes::fromEnvironment();
    if (perfProbes) {
        perf::JourneyTimings* t = &perfProbes->journey();
        QObject::connect(&readers, &ReaderManager::cardPresent, t, [t] { t->mark(t->CardPresent); });
        QObject::connect(&readers, &ReaderManager::cardRead, t, [t] { t->mark(t->CardRead); });
    }
    // END perf probes
    for (const QString& problem : registerReaderBackends(readers, readerSetup))
        qCWarning(lcReader) << problem;

    ResidentSession session(idlePolicyFrom(config));
    // The resident at the kiosk is masked in every log line while the session lasts (names
    // cannot be recognised by shape); the terms go with the wipe.
    QObject::connect(&session, &ResidentSession::identityChanged, &session, [&session] {
        if (session.identity().isEmpty())
            LogRedaction::clearSessionTerms();
        else
            LogRedaction::setSessionIdentity(session.identity());
    });
    QObject::connect(&session, &ResidentSession::wiped, &session, [] { LogRedaction::clearSessionTerms(); });
    if (config.value(QStringLiteral("kiosk/out_of_service"), false).toBool())
        session.setOutOfService(true); // switched off by a technician in admin mode

    const QString demoAuthority = demo ? demoAuthorityDir(config) : QString();
    // Local data on its own thread: the GUI only queues requests (DESIGN.md §2, §6).
    storage::StorageConfig storageConfig = storage::StorageConfig::fromKioskConfig(config);
    storageConfig.waitForOwnerLock = true; // a running `onewindow-tool sync` finishes first
    storage::StorageService storage(storageConfig);
    storage.start();
    // Device health (issue 7): the reader thread, the databases, the disk and sync, probed
    // without blocking this thread; systemd READY/WATCHDOG and the heartbeat follow it.
    // Declared before the sync service, whose thread calls its heartbeat provider.
    health::HealthMonitor healthMonitor(health::HealthSettings::fromKioskConfig(config));
    healthMonitor.setReaderManager(&readers);
    healthMonitor.setStorage(&storage);
    const QString demoDir = qEnvironmentVariable("ONEWINDOW_DEMO_DIR", QStringLiteral(":/onewindow/demo"));
    if (demo && !demoAuthority.isEmpty())
        DemoLicences::seed(storage, demoDir + QStringLiteral("/licenses.json"), demoAuthority);
    // Sync with the hub when one is configured (issue 5); destroyed before the storage (declared
    // after it). Every enqueue kicks the outbox so a receipt turns 已提交 within seconds online.
    std::unique_ptr<sync::SyncService> syncService;
    if (const sync::HubConfig hub = sync::HubConfig::fromKioskConfig(config); hub.isConfigured()) {
        if (const QString problem = hub.problem(); !problem.isEmpty())
            qWarning("hub configuration: %s", qPrintable(problem));
        sync::SyncSettings syncSettings = sync::SyncSettings::fromKioskConfig(config);
        syncSettings.healthProvider = healthMonitor.heartbeatProvider();
        syncService =
            std::make_unique<sync::SyncService>(hub, syncSettings, sync::SyncService::runnerFor(storage));
        QObject::connect(syncService->engine(), &sync::SyncEngine::statusChanged, &healthMonitor,
                         &health::HealthMonitor::onSyncStatus);
        healthMonitor.setSyncConfigured(true);
        QObject::connect(&storage, &storage::StorageService::submissionQueued, syncService.get(),
                         &sync::SyncService::outboxChanged);
        syncService->start();
    }
    // Admin mode (DESIGN.md §9): PIN pad, admin session, technicians' pages.
    // The sync status as last seen, for the diagnostics report built on a pool thread.
    QMutex syncStatusMutex;
    std::optional<sync::SyncStatus> lastSyncStatus;
    if (syncService)
        QObject::connect(syncService->engine(), &sync::SyncEngine::statusChanged, &app,
                         [&syncStatusMutex, &lastSyncStatus](const sync::SyncStatus& status) {
                             const QMutexLocker lock(&syncStatusMutex);
                             lastSyncStatus = status;
                         });
    // What the admin pages' diagnostics see (called on pool threads: config is read-only from
    // here on, the health monitor's snapshot and the sync status are mutex-guarded).
    auto diagnosticsInputs = [&config, &healthMonitor, &syncStatusMutex, &lastSyncStatus] {
        diagnostics::DiagnosticsInputs in;
        in.config = &config;
        in.healthReport = healthMonitor.snapshotJson();
        const QMutexLocker lock(&syncStatusMutex);
        in.syncStatus = lastSyncStatus;
        return in;
    };
    adminui::AdminHooks adminHooks;
    adminHooks.healthChecks = [&healthMonitor] {
        return healthMonitor.checks();
    };
    adminHooks.collectDiagnostics = [diagnosticsInputs] {
        return diagnostics::DiagnosticsReport::collect(diagnosticsInputs());
    };
    adminHooks.writeBundle = [diagnosticsInputs](const QString& dir, QString* error) -> QString {
        diagnostics::DiagnosticsBundle::Contents contents;
        contents.inputs = diagnosticsInputs();
        contents.recentLines = RecentLog::instance().lines();
        auto written = diagnostics::DiagnosticsBundle::write(dir, contents);
        if (!written.ok()) {
            *error = written.error();
            return {};
        }
        return written.value();
    };
    adminHooks.certificate = [cert = config.value(QStringLiteral("hub/cert")).toString()] {
        return diagnostics::DiagnosticsReport::certificate(cert);
    };
    adminHooks.recentLogLines = [](int max) {
        return RecentLog::instance().lines(max);
    };
    // USB sticks, and the site's export directory when one is configured.
    adminHooks.removableTargets = [exportDir = config.value(QStringLiteral("admin/export_dir")).toString()] {
        QStringList paths;
        if (!exportDir.isEmpty())
            paths << exportDir;
        for (const auto& volume : diagnostics::DiagnosticsBundle::removableTargets())
            paths << volume.rootPath;
        return paths;
    };
    adminui::AdminMode adminMode(config, {&readers, &storage, syncService.get(), &session}, adminHooks);

    // Card events: admin mode takes them while a technician works (and a technician's card);
    // only readers that can decode a person start a session, since a chip-serial-only reader's
    // cardPresent would leave the resident waiting on "Reading".
    QObject::connect(&readers, &ReaderManager::cardPresent, &session,
                     [&readers, &session, &adminMode](const QString& name) {
                         if (!adminMode.takesCards() && readers.readerMayReadIdentity(name))
                             session.onCardPresent(name);
                     });
    QObject::connect(&readers, &ReaderManager::cardRead, &session,
                     [&session, &adminMode](const QString& name, const Identity& identity) {
                         if (!adminMode.routeCardRead(name, identity))
                             session.onCardRead(name, identity);
                     });
    QObject::connect(&readers, &ReaderManager::readFailed, &session,
                     [&session, &adminMode](const QString& name, ReadError error) {
                         if (!adminMode.routeReadFailed(name, error))
                             session.onReadFailed(name, error);
                     });
    QObject::connect(&readers, &ReaderManager::cardRemoved, &session, &ResidentSession::onCardRemoved);
    // A chip serial ends the read only on a reader that cannot read the person; an NFC reader
    // with the hub's remote SAM sends the identity next (as onewindow-tool read-card waits).
    QObject::connect(&readers, &ReaderManager::chipSerialRead, &session,
                     [&readers, &session](const QString& name) {
                         if (!readers.readerMayReadIdentity(name))
                             session.onChipSerialOnly(name);
                     });

    // The catalogue: the demo's file (a hub-synced blob replaces it once issue 5 serves one).
    auto loadedCatalog =
        catalog::Catalog::fromFile(config.value(QStringLiteral("catalog/file")).toString().isEmpty()
                                       ? demoDir + QStringLiteral("/catalog.json")
                                       : config.value(QStringLiteral("catalog/file")).toString());
    if (!loadedCatalog)
        return fail(loadedCatalog.error());

    LanguageController language(config.defaultLanguage());
    SessionController sessionController(&session, &language, config.elderlyModeDefault());
    DemoController demoController(demo, &readers, readerSetup.simCards, &language);
    CatalogController catalogController(std::move(loadedCatalog).value(), &language);
    FormController formController(&language);
    LocalProgressSource localProgress(&storage);
    // 办件查询 asks the hub when one is configured, and falls back to this kiosk's own records.
    std::unique_ptr<HubProgressSource> hubProgress;
    if (const sync::HubConfig hub = sync::HubConfig::fromKioskConfig(config); hub.problem().isEmpty())
        hubProgress =
            std::make_unique<HubProgressSource>(std::make_shared<sync::HubClient>(hub), &localProgress);
    ProgressSource* progress = hubProgress ? static_cast<ProgressSource*>(hubProgress.get()) : &localProgress;
    // Spoken prompts: Qt TextToSpeech when an engine exists and speech is on, silent otherwise.
    std::unique_ptr<Speaker> speaker;
    if (config.value(QStringLiteral("speech/enabled"), true).toBool())
        speaker = QtSpeaker::create(
            config.value(QStringLiteral("speech/engine"), QStringLiteral("speechd")).toString());
    if (!speaker)
        speaker = std::make_unique<SilentSpeaker>();
    speaker->setLanguage(language.language());
    QObject::connect(&language, &LanguageController::languageChanged, speaker.get(),
                     [&language, s = speaker.get()] { s->setLanguage(language.language()); });
    QObject::connect(&session, &ResidentSession::wiped, speaker.get(), [s = speaker.get()] { s->clear(); });
    // The keyboard's composing text and candidates belong to the resident too.
    QObject::connect(&session, &ResidentSession::wiped, &session, [] { input::wipe(); });
    // Voice guidance reads back the chosen candidate (never logged).
    QObject::connect(&input::InputSession::instance(), &input::InputSession::committed, speaker.get(),
                     [s = speaker.get()](const QString& text) { s->speak(text); });
    JourneyController journey(&session, &catalogController, &formController, &storage, progress);
    journey.setPrintTarget(config.value(QStringLiteral("printer/name")).toString());
    // 人工帮办 (app/assist): the request goes through the sync service's hub client, the hall
    // call system gets its local signal, the audit log an entry, the resident a spoken answer.
    assist::HallCall hallCall(assist::HallCallSettings::fromKioskConfig(config));
    assist::AssistChannel assistChannel(syncService ? syncService->sharedHub() : nullptr,
                                        config.value(QStringLiteral("assist/timeout_ms"), 8000).toLongLong());
    assist::AssistController::Dependencies assistDeps;
    assistDeps.channel = &assistChannel;
    assistDeps.hallCall = &hallCall;
    assistDeps.speaker = speaker.get();
    assistDeps.kioskId = sync::HubConfig::fromKioskConfig(config).kioskId;
    if (assistDeps.kioskId.isEmpty())
        assistDeps.kioskId = QStringLiteral("kiosk");
    assistDeps.currentItemCode = [&catalogController] {
        return catalogController.item().value(QStringLiteral("code")).toString();
    };
    assistDeps.audit = [&storage](const storage::AuditEvent& e) {
        storage.post([e](storage::StorageWorker& w) { return w.audit().append(e).ok(); });
    };
    assist::AssistController assistController(std::move(assistDeps));
    QObject::connect(&session, &ResidentSession::wiped, &assistController, &assist::AssistController::reset);
    QObject::connect(&language, &LanguageController::languageChanged, &assistController,
                     &assist::AssistController::retranslate);
    journey.setProgressUrl(config.value(QStringLiteral("receipt/progress_url")).toString());
    QObject::connect(&sessionController, &SessionController::announce, speaker.get(),
                     [s = speaker.get()](const QString& text) { s->speak(text); });

    QQmlApplicationEngine engine;
    // Qt 6.4 puts our static QML modules under qrc:/ (the :/qt/qml prefix arrives in 6.5).
    engine.addImportPath(QStringLiteral("qrc:/"));
    input::install(engine); // OneWindow.Input: KioskKeyboard, the pinyin input method
    // Catalogue texts without a zh_TW version are shown in traditional characters (OpenCC). The
    // converter loads its dictionaries now, on a pool thread: not on a resident's first zh_TW
    // screen, and not in the way of the first frame either (docs/performance.md).
    QThreadPool::globalInstance()->start([] { input::sharedTraditionalConverter(); });
    catalog::LocalizedText::setTraditionalConverter([](const QString& text) {
        const input::ScriptConverter* converter = input::sharedTraditionalConverter();
        return converter ? converter->convert(text) : text;
    });
    language.setEngine(&engine);
    engine.setInitialProperties({
        {QStringLiteral("session"), QVariant::fromValue(&sessionController)},
        {QStringLiteral("language"), QVariant::fromValue(&language)},
        {QStringLiteral("demo"), QVariant::fromValue(&demoController)},
        {QStringLiteral("journey"), QVariant::fromValue(&journey)},
        {QStringLiteral("catalog"), QVariant::fromValue(&catalogController)},
        {QStringLiteral("form"), QVariant::fromValue(&formController)},
        {QStringLiteral("speech"), QVariant::fromValue(speaker.get())},
        {QStringLiteral("adminEntry"), QVariant::fromValue(adminMode.entry())},
        {QStringLiteral("admin"), QVariant::fromValue(adminMode.pages())},
        {QStringLiteral("assist"), QVariant::fromValue(&assistController)},
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

    // libphonenumber loads its metadata on first use: on a pool thread once the first frame is
    // shown, so neither the start-up nor the first phone field waits for it.
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [] { QThreadPool::globalInstance()->start([] { phone::warmUp(); }); }, Qt::SingleShotConnection);

    ActivityFilter activity(&session);
    window->installEventFilter(&activity);
    // A new screen ignores taps for a moment (double taps, taps aimed at the previous screen).
    TapGuard tapGuard(config.tapGuardMs());
    window->installEventFilter(&tapGuard);
    QObject::connect(window, SIGNAL(currentScreenChanged()), &tapGuard, SLOT(screenShown()));
    QObject::connect(&session, &ResidentSession::stateChanged, &tapGuard, &TapGuard::screenShown);

    std::unique_ptr<DemoConsole> console;
    if (cli.isSet(controlOpt)) {
        console = std::make_unique<DemoConsole>(&session, &demoController, &language);
        console->setWindow(window);
        console->setJourney(&journey);
        console->setTapGuard(&tapGuard);
        console->setInspected({&sessionController, &journey, &catalogController, &formController});
    }
    // BEGIN perf probes (second half): the window, the journey's steps, the console commands.
    if (perfProbes) {
        perfProbes->attach(window);
        perf::JourneyTimings* t = &perfProbes->journey();
        QObject::connect(&journey, &JourneyController::stepChanged, t, [t, &journey] {
            if (journey.step() == QLatin1String("loading"))
                t->mark(t->LookupStarted);
            else if (journey.step() == QLatin1String("form"))
                t->mark(t->FormShown);
        });
        for (const QString& name : perf::PerfProbes::commandNames()) {
            if (console)
                console->addCommand(
                    name, [p = perfProbes.get(), name](const QString& arg) { return p->command(name, arg); });
        }
    }
    // END perf probes

    QObject::connect(&readers, &ReaderManager::backendUnavailable, &session,
                     [&session] { session.setOutOfService(true); });
    readers.start(config.readerBackends());

    // Type=notify + WatchdogSec (packaging/systemd): READY once the window is up and the first
    // health round is healthy; the pings come from this event loop and only while healthy, so
    // a hung GUI thread, a stuck reader thread or an unwritable database gets the kiosk
    // restarted (docs/admin-guide.md §9).
    SystemdNotifier systemd;
    health::HealthWatchdog healthWatchdog(&healthMonitor, &systemd);
    healthMonitor.start();
    const int rc = QGuiApplication::exec();
    healthMonitor.stop();
    systemd.notifyStopping();
    readers.stop();
    return rc;
}
