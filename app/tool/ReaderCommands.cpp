#include "app/tool/ReaderCommands.h"

#include "app/readers/ReaderSetup.h"
#include "app/tool/IdentityJson.h"
#include "drivers/idcard/CrossCheck.h"
#include "drivers/idcard/Masking.h"
#include "drivers/reader/ReaderManager.h"
#include "drivers/reader/ReaderProfile.h"
#include "drivers/reader/UsbDevices.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace onewindow::tool {

namespace {

constexpr int kReadersDefaultTimeout = 3;   // seconds to let readers appear and settle
constexpr int kReadCardDefaultTimeout = 10; // seconds to wait for a card
constexpr int kSettleMs = 600;              // no reader event for this long = settled

ReaderSetup setupFor(const ReaderCommands::Request& request, const KioskConfig& config)
{
    ReaderSetup setup = request.configFile ? ReaderSetup::fromConfig(config) : ReaderSetup::forTool({});
    setup.backends.removeAll(QStringLiteral("sim")); // the tool talks to hardware only
    for (const QString& port : request.serialPorts) {
        if (!setup.serialPorts.contains(port))
            setup.serialPorts << port;
    }
    if (!setup.serialPorts.isEmpty() && !setup.backends.contains(QStringLiteral("serial")))
        setup.backends << QStringLiteral("serial");
    if (!request.profile.isEmpty())
        setup.pcscProfile = request.profile;
    return setup;
}

QJsonObject readerJson(const ReaderInfo& info)
{
    return {{QStringLiteral("name"), info.name},
            {QStringLiteral("backend"), info.backend},
            {QStringLiteral("status"), QString::fromLatin1(ReaderInfo::statusKey(info.status))},
            {QStringLiteral("capabilities"), QJsonArray::fromStringList(info.capabilities)},
            {QStringLiteral("detail"), info.detail}};
}

QByteArray render(const QJsonObject& object, bool json, const QString& text)
{
    if (json)
        return QJsonDocument(object).toJson(QJsonDocument::Indented);
    return text.toUtf8();
}

// Matches --reader: the exact name, else the only reader whose name starts with it.
// Returns the name, "" when nothing matches yet, or sets *ambiguous.
QString matchReader(const QList<ReaderInfo>& readers, const QString& wanted, bool* ambiguous)
{
    *ambiguous = false;
    QStringList prefixed;
    for (const ReaderInfo& r : readers) {
        if (r.name == wanted)
            return r.name;
        if (r.name.startsWith(wanted))
            prefixed << r.name;
    }
    if (prefixed.size() > 1)
        *ambiguous = true;
    return prefixed.size() == 1 ? prefixed.first() : QString();
}

} // namespace

QString ReaderCommands::readersUsage()
{
    return QStringLiteral(
        "Usage: onewindow-tool readers [--json] [--serial PATH]... [--timeout S]\n"
        "\n"
        "Lists the card readers the configured backends see: name, backend, status\n"
        "(ready, card_present, unsupported, failed), capabilities and a detail line.\n"
        "Without a configuration file: PC/SC, libnfc when LIBNFC_DEVICE is set, and a serial\n"
        "SAM for every --serial PATH. Waits until no reader changed for 0.6 s (at most\n"
        "--timeout seconds, default 3). Exit 0 with at least one reader, 1 with none.\n");
}

QString ReaderCommands::readCardUsage()
{
    return QStringLiteral("Usage: onewindow-tool read-card [--reader NAME] [--timeout S] [--profile NAME]\n"
                          "                                [--serial PATH]... [--json] [--reveal]\n"
                          "\n"
                          "Waits for a card (default 10 s) and prints its identity, masked unless --reveal,\n"
                          "with the reader, backend, chip serial (when read) and timings. --reader takes a\n"
                          "reader's exact name or a unique prefix; --profile forces a PC/SC reader profile.\n"
                          "Exit 0 read, 1 no card or the read failed, 2 unknown or ambiguous reader.\n");
}

CommandResult ReaderCommands::readers(const Request& request, const KioskConfig& config)
{
    const ReaderSetup setup = setupFor(request, config);
    ReaderManager manager;
    const QStringList problems = registerReaderBackends(manager, setup);
    QEventLoop loop;
    QTimer settle;
    settle.setSingleShot(true);
    QObject::connect(&settle, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&manager, &ReaderManager::readersChanged, &settle,
                     [&settle] { settle.start(kSettleMs); });
    QTimer::singleShot((request.timeoutSeconds >= 0 ? request.timeoutSeconds : kReadersDefaultTimeout) * 1000,
                       &loop, &QEventLoop::quit);
    settle.start(kSettleMs * 2); // a backend that finds nothing says nothing
    manager.start(setup.backends);
    loop.exec();
    QList<ReaderInfo> readers = manager.readers();
    manager.stop();
    std::sort(readers.begin(), readers.end(),
              [](const ReaderInfo& a, const ReaderInfo& b) { return a.name < b.name; });

    QJsonArray list;
    QString text;
    for (const ReaderInfo& r : readers) {
        list.append(readerJson(r));
        text += QStringLiteral("%1\t%2\t%3\t%4\n")
                    .arg(r.name, r.backend, QString::fromLatin1(ReaderInfo::statusKey(r.status)),
                         r.capabilities.join(QLatin1Char(',')));
    }
    if (readers.isEmpty())
        text = QStringLiteral("no reader found\n");
    // Smart-card readers plugged in over USB, and whether any backend's reader uses them:
    // "attached but unsupported" (no driver, no profile) is not the same as "no reader".
    ProfileSet profileSet = builtinReaderProfiles();
    QJsonArray usb;
    const QString sysfs = qEnvironmentVariable("ONEWINDOW_USB_SYSFS", QStringLiteral("/sys/bus/usb/devices"));
    for (const UsbDevice& d : attachedCardReaders(profileSet.profiles, sysfs)) {
        const bool inUse =
            !d.product.isEmpty() && std::any_of(readers.cbegin(), readers.cend(), [&d](const ReaderInfo& r) {
                return r.name.contains(d.product, Qt::CaseInsensitive) &&
                       r.status != ReaderInfo::Status::Unsupported;
            });
        usb.append(QJsonObject{
            {QStringLiteral("id"), d.idString()},
            {QStringLiteral("product"), d.product},
            {QStringLiteral("ccid"), d.smartCardInterface},
            {QStringLiteral("profile"), d.profile.isEmpty() ? QJsonValue() : QJsonValue(d.profile)},
            {QStringLiteral("in_use"), inUse}});
        if (!inUse)
            text += QStringLiteral("USB card reader %1 (%2) is attached but no backend uses it "
                                   "(driver missing or unsupported)\n")
                        .arg(d.idString(), d.product.isEmpty() ? QStringLiteral("unnamed") : d.product);
    }
    QJsonObject object{{QStringLiteral("readers"), list},
                       {QStringLiteral("usb"), usb},
                       {QStringLiteral("backends"), QJsonArray::fromStringList(setup.backends)},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
    CommandResult result;
    result.output = render(object, request.json, text);
    result.exitCode = readers.isEmpty() ? ExitNegative : ExitSuccess;
    return result;
}

CommandResult ReaderCommands::readCard(const Request& request, const KioskConfig& config)
{
    const ReaderSetup setup = setupFor(request, config);
    if (setup.backends.isEmpty())
        return CommandResult::usageError(QStringLiteral("no reader backend configured"));
    ReaderManager manager;
    const QStringList problems = registerReaderBackends(manager, setup);
    if (!request.profile.isEmpty() &&
        problems.contains(QStringLiteral("no reader profile named %1").arg(request.profile)))
        return CommandResult::usageError(QStringLiteral("unknown reader profile (see resources/readers)"));

    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QString chosen; // the reader the card is taken from
    bool ambiguous = false;
    qint64 presentAt = -1; // ms since start
    qint64 doneAt = -1;
    std::optional<Identity> identity;
    QByteArray chipSerial;
    std::optional<ReadError> failure;

    auto accepts = [&](const QString& reader) {
        if (request.readerName.isEmpty())
            return chosen.isEmpty() || chosen == reader;
        if (chosen.isEmpty())
            chosen = matchReader(manager.readers(), request.readerName, &ambiguous);
        if (ambiguous)
            loop.quit();
        return !chosen.isEmpty() && chosen == reader;
    };
    QObject::connect(&manager, &ReaderManager::readersChanged, &loop, [&] {
        if (!request.readerName.isEmpty() && chosen.isEmpty()) {
            chosen = matchReader(manager.readers(), request.readerName, &ambiguous);
            if (ambiguous)
                loop.quit();
        }
    });
    QObject::connect(&manager, &ReaderManager::cardPresent, &loop, [&](const QString& reader) {
        if (!accepts(reader))
            return;
        chosen = reader;
        presentAt = clock.elapsed();
    });
    QObject::connect(&manager, &ReaderManager::cardRead, &loop,
                     [&](const QString& reader, const Identity& id) {
                         if (!accepts(reader))
                             return;
                         chosen = reader;
                         identity = id;
                         doneAt = clock.elapsed();
                         loop.quit();
                     });
    QObject::connect(&manager, &ReaderManager::chipSerialRead, &loop,
                     [&](const QString& reader, const QByteArray& serial) {
                         if (!accepts(reader))
                             return;
                         chosen = reader;
                         chipSerial = serial;
                         // A chip-serial-only reader delivers nothing more; an identity reader
                         // sends the identity next, so wait for it briefly.
                         if (!manager.readerMayReadIdentity(reader)) {
                             doneAt = clock.elapsed();
                             loop.quit();
                         }
                     });
    QObject::connect(&manager, &ReaderManager::readFailed, &loop, [&](const QString& reader, ReadError e) {
        if (!accepts(reader))
            return;
        chosen = reader;
        failure = e;
        // A card lifted or moved mid-read (or one pcscd still believed present) is the usual
        // case while a technician places a card: keep waiting for the next attempt. Anything
        // else will not improve by waiting.
        if (e != ReadError::CardMoved && !(chipSerial.size() && !manager.readerMayReadIdentity(reader)))
            loop.quit();
    });
    QTimer::singleShot((request.timeoutSeconds >= 0 ? request.timeoutSeconds : kReadCardDefaultTimeout) *
                           1000,
                       &loop, &QEventLoop::quit);
    manager.start(setup.backends);
    loop.exec();
    QString backend;
    for (const ReaderInfo& r : manager.readers()) {
        if (r.name == chosen)
            backend = r.backend;
    }
    const bool readerKnown = !request.readerName.isEmpty() && !chosen.isEmpty();
    const QList<ReaderInfo> seen = manager.readers();
    manager.stop();

    if (ambiguous)
        return CommandResult::usageError(QStringLiteral("--reader matches more than one reader"));
    if (!request.readerName.isEmpty() && !readerKnown) {
        bool amb = false;
        if (matchReader(seen, request.readerName, &amb).isEmpty())
            return CommandResult::usageError(
                QStringLiteral("no reader matches --reader (try 'onewindow-tool readers')"));
    }
    // A chip-serial-only reader's answer is complete without an identity; any other reader
    // must deliver the identity.
    bool chipOnly = false;
    for (const ReaderInfo& r : seen) {
        if (r.name == chosen)
            chipOnly = !r.capabilities.isEmpty() && !r.capabilities.contains(QStringLiteral("identity"));
    }
    if (!identity && !(chipOnly && !chipSerial.isEmpty())) {
        if (failure)
            return CommandResult::failure(
                ExitNegative, QStringLiteral("read failed: %1").arg(QLatin1String(readErrorKey(*failure))));
        return CommandResult::failure(ExitNegative, QStringLiteral("no card within the timeout"));
    }

    QJsonObject object;
    QString text;
    if (identity) {
        const QList<CheckFinding> findings = crossCheck(*identity);
        object = identityToJson(*identity, findings, request.reveal);
        text = identityJsonToText(object);
        if (chipSerial.isEmpty())
            chipSerial = identity->chipSerial;
        identity->wipe();
    } else {
        // Chip serial only: the document fields are unknown.
        for (const char* key : {"document_type", "name", "english_name", "sex_code", "sex", "ethnicity_code",
                                "ethnicity", "birth_date", "address", "id_number", "issuer", "valid_from",
                                "valid_until", "nationality", "permit_number", "issue_count"})
            object.insert(QLatin1String(key), QJsonValue::Null);
        object.insert(QStringLiteral("warnings"), QJsonArray());
    }
    object.insert(QStringLiteral("reader"), chosen);
    object.insert(QStringLiteral("backend"), backend);
    // The chip serial identifies the resident's card for life: masked like an ID number.
    const QString serialHex = QString::fromLatin1(chipSerial.toHex());
    const QString serialShown = request.reveal ? serialHex : maskIdNumber(serialHex);
    object.insert(QStringLiteral("chip_serial"),
                  chipSerial.isEmpty() ? QJsonValue() : QJsonValue(serialShown));
    QJsonObject timings{{QStringLiteral("start_to_done"), doneAt}};
    if (presentAt >= 0)
        timings.insert(QStringLiteral("present_to_done"), doneAt - presentAt);
    object.insert(QStringLiteral("timings_ms"), timings);
    text += QStringLiteral("Reader:       %1 (%2)\n").arg(chosen, backend);
    if (!chipSerial.isEmpty())
        text += QStringLiteral("Chip serial:  %1\n").arg(serialShown);

    CommandResult result;
    result.output = render(object, request.json, text);
    return result;
}

} // namespace onewindow::tool
