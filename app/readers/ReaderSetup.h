#pragma once

#include "app/platform/KioskConfig.h"
#include "drivers/nfc/RemoteSamRelay.h"
#include "drivers/reader/ReaderManager.h"
#include "drivers/sim/SimIdentities.h"

#include <QStringList>
#include <memory>

namespace onewindow {

// Which reader backends run and with what settings: built from the configuration (the kiosk)
// or from the command line (onewindow-tool), then registered on a ReaderManager. The one
// place that knows every backend's constructor, so main.cpp and the tool agree.
struct ReaderSetup
{
    QStringList backends;    // names to start: sim, pcsc, serial, nfc
    QStringList serialPorts; // [serial] ports
    QString nfcConnstring;   // [nfc] device, else LIBNFC_DEVICE / LIBNFC_DEFAULT_DEVICE
    // Remote SAM for NFC readers ([nfc] relay=hub, through the hub: app/sync/HubSamRelay);
    // without one an NFC reader reports the chip serial only.
    std::shared_ptr<RemoteSamRelay> nfcRelay;
    QString relayProblem; // why a configured relay could not be built
    QString pcscProfile;  // [readers] pcsc_profile: force one profile for every PC/SC reader
    QString profilesDir;  // [readers] profiles_dir: site profiles overriding the built-in ones
    QList<SimCard> simCards;
    int simReadDelayMs = 400;

    // The kiosk: everything from the configuration.
    static ReaderSetup fromConfig(const KioskConfig& config);
    // onewindow-tool without a configuration file (DESIGN.md §9): PC/SC always, libnfc when its
    // environment names a device, serial SAMs for the given ports.
    static ReaderSetup forTool(const QStringList& serialPorts);
};

// Registers a factory for every backend the setup names. Returns problems worth showing a
// technician (bad profile files, a backend without the settings it needs); the others still run.
QStringList registerReaderBackends(ReaderManager& manager, const ReaderSetup& setup);

} // namespace onewindow
