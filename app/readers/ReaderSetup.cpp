#include "app/readers/ReaderSetup.h"

#include "app/sync/HubSamRelay.h"
#include "drivers/nfc/NfcReaderBackend.h"
#include "drivers/pcsc/PcscReaderBackend.h"
#include "drivers/reader/ReaderProfile.h"
#include "drivers/serial/SerialSamBackend.h"
#include "drivers/sim/SimReaderBackend.h"

namespace onewindow {

namespace {
QStringList listValue(const KioskConfig& config, const QString& key)
{
    const QVariant v = config.value(key);
    QStringList list =
        v.typeId() == QMetaType::QStringList ? v.toStringList() : v.toString().split(QLatin1Char(','));
    for (QString& s : list)
        s = s.trimmed();
    list.removeAll(QString());
    return list;
}
} // namespace

ReaderSetup ReaderSetup::fromConfig(const KioskConfig& config)
{
    ReaderSetup setup;
    setup.backends = config.readerBackends();
    setup.serialPorts = listValue(config, QStringLiteral("serial/ports"));
    setup.nfcConnstring = config.value(QStringLiteral("nfc/device")).toString();
    if (setup.nfcConnstring.isEmpty())
        setup.nfcConnstring = NfcReaderOptions::connstringFromEnvironment();
    setup.pcscProfile = config.value(QStringLiteral("readers/pcsc_profile")).toString();
    // Cloud decoding for NFC readers through the hub's remote SAM ([nfc] relay=hub).
    if (config.value(QStringLiteral("nfc/relay")).toString() == QLatin1String("hub")) {
        const sync::HubConfig hub = sync::HubConfig::fromKioskConfig(config);
        if (hub.problem().isEmpty())
            setup.nfcRelay = std::make_shared<sync::HubSamRelay>(std::make_shared<sync::HubClient>(hub));
        else
            setup.relayProblem = QStringLiteral("nfc relay=hub, but %1").arg(hub.problem());
    }
    setup.profilesDir = config.value(QStringLiteral("readers/profiles_dir")).toString();
    setup.simReadDelayMs = config.simReadDelayMs();
    return setup;
}

ReaderSetup ReaderSetup::forTool(const QStringList& serialPorts)
{
    ReaderSetup setup;
    setup.backends << QStringLiteral("pcsc");
    setup.nfcConnstring = NfcReaderOptions::connstringFromEnvironment();
    if (!setup.nfcConnstring.isEmpty())
        setup.backends << QStringLiteral("nfc");
    setup.serialPorts = serialPorts;
    if (!serialPorts.isEmpty())
        setup.backends << QStringLiteral("serial");
    return setup;
}

QStringList registerReaderBackends(ReaderManager& manager, const ReaderSetup& setup)
{
    QStringList problems;
    if (!setup.relayProblem.isEmpty())
        problems << setup.relayProblem;
    if (setup.backends.contains(QStringLiteral("sim"))) {
        manager.registerBackend(QStringLiteral("sim"),
                                [cards = setup.simCards, delay = setup.simReadDelayMs] {
                                    return std::make_unique<SimReaderBackend>(cards, delay);
                                });
    }
    if (setup.backends.contains(QStringLiteral("pcsc"))) {
        ProfileSet builtin = builtinReaderProfiles();
        for (const ProfileError& e : builtin.errors)
            problems << e.toString();
        QList<ReaderProfile> profiles = builtin.profiles;
        if (!setup.profilesDir.isEmpty()) {
            ProfileSet site = loadReaderProfiles(setup.profilesDir);
            for (const ProfileError& e : site.errors)
                problems << e.toString();
            profiles = mergeProfiles(profiles, site.profiles);
        }
        if (!setup.pcscProfile.isEmpty() && !findProfile(profiles, setup.pcscProfile))
            problems << QStringLiteral("no reader profile named %1").arg(setup.pcscProfile);
        manager.registerBackend(QStringLiteral("pcsc"), [profiles, forced = setup.pcscProfile] {
            return std::make_unique<PcscReaderBackend>(profiles, forced);
        });
    }
    if (setup.backends.contains(QStringLiteral("serial"))) {
        if (setup.serialPorts.isEmpty()) {
            problems << QStringLiteral("serial backend configured without [serial] ports");
        } else {
            manager.registerBackend(QStringLiteral("serial"), [ports = setup.serialPorts] {
                return std::make_unique<SerialSamBackend>(ports);
            });
        }
    }
    if (setup.backends.contains(QStringLiteral("nfc"))) {
        if (setup.nfcConnstring.isEmpty()) {
            problems << QStringLiteral("nfc backend configured without [nfc] device or LIBNFC_DEVICE");
        } else {
            manager.registerBackend(QStringLiteral("nfc"),
                                    [connstring = setup.nfcConnstring, relay = setup.nfcRelay] {
                                        NfcReaderOptions options;
                                        options.connstring = connstring;
                                        options.relay = relay;
                                        return std::make_unique<NfcReaderBackend>(options);
                                    });
        }
    }
    return problems;
}

} // namespace onewindow
