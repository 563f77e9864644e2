#include "drivers/nfc/NfcDevice.h"

#include <QLoggingCategory>
#include <nfc/nfc.h>

namespace onewindow {

Q_LOGGING_CATEGORY(lcNfcDevice, "onewindow.reader.nfc.device")

namespace {

// PN53x extended frames carry at most 264 data bytes; the card's answers are far smaller.
constexpr size_t kMaxFrame = 264;

} // namespace

NfcDevice::~NfcDevice()
{
    close();
}

Expected<QString, QString> NfcDevice::open(const QString& connstring, NfcLinkTimings timings)
{
    close();
    m_timings = timings;
    const QByteArray cs = connstring.toLocal8Bit();
    if (cs.isEmpty() || cs.size() >= qsizetype(sizeof(nfc_connstring)))
        return Expected<QString, QString>::failure(QStringLiteral("invalid connstring"));
    nfc_init(&m_context);
    if (!m_context)
        return Expected<QString, QString>::failure(QStringLiteral("libnfc could not start"));
    m_device = nfc_open(m_context, cs.constData());
    if (!m_device) {
        close();
        return Expected<QString, QString>::failure(QStringLiteral("cannot open %1").arg(connstring));
    }
    const QString problem = configureRawTypeB();
    if (!problem.isEmpty()) {
        close();
        return Expected<QString, QString>::failure(problem);
    }
    return QString::fromLocal8Bit(nfc_device_get_name(m_device));
}

QString NfcDevice::configureRawTypeB()
{
    if (nfc_initiator_init(m_device) < 0)
        return QStringLiteral("initiator init failed: %1")
            .arg(QString::fromLocal8Bit(nfc_strerror(m_device)));
    struct BoolProperty
    {
        nfc_property property;
        bool value;
        const char* name;
    };
    // Order matters little, but each must succeed: a half-configured chip would send ISO
    // 14443-4 blocks or Type A frames the card never answers.
    const BoolProperty bools[] = {
        {NP_INFINITE_SELECT, false, "infinite select"}, // nfc_initiator_init turns it on: never wait forever
        {NP_AUTO_ISO14443_4, false, "auto ISO 14443-4"},
        {NP_HANDLE_PARITY, true, "parity"},
        {NP_HANDLE_CRC, true, "CRC"},
        {NP_FORCE_ISO14443_B, true, "Type B framing"},
        {NP_FORCE_SPEED_106, true, "106 kbit/s"},
        {NP_EASY_FRAMING, false, "raw framing"},
    };
    for (const BoolProperty& p : bools) {
        if (nfc_device_set_property_bool(m_device, p.property, p.value) < 0)
            return QStringLiteral("cannot set %1").arg(QLatin1String(p.name));
    }
    if (nfc_device_set_property_int(m_device, NP_TIMEOUT_COMMAND, int(m_timings.command.count())) < 0 ||
        nfc_device_set_property_int(m_device, NP_TIMEOUT_COM, int(m_timings.rf.count())) < 0)
        return QStringLiteral("cannot set timeouts");
    return {};
}

void NfcDevice::close()
{
    if (m_device) {
        nfc_close(m_device);
        m_device = nullptr;
    }
    if (m_context) {
        nfc_exit(m_context);
        m_context = nullptr;
    }
}

Expected<QByteArray, NfcDevice::Fault> NfcDevice::exchange(const QByteArray& frame)
{
    using Result = Expected<QByteArray, Fault>;
    if (!m_device)
        return Result::failure(Fault::DeviceLost);
    uint8_t rx[kMaxFrame];
    const int n =
        nfc_initiator_transceive_bytes(m_device, reinterpret_cast<const uint8_t*>(frame.constData()),
                                       size_t(frame.size()), rx, sizeof rx, int(m_timings.command.count()));
    if (n >= 0)
        return QByteArray(reinterpret_cast<const char*>(rx), n);
    // libnfc 1.8 returns NFC_ERFTRANS when the chip reported an RF problem (its status byte:
    // timeout, CRC, framing...): the chip is fine, the card is not there or not listening.
    // Anything else (NFC_EIO, NFC_ETIMEOUT, ...) means the chip did not answer properly.
    if (n == NFC_ERFTRANS)
        return Result::failure(Fault::CardSilent);
    qCWarning(lcNfcDevice) << "exchange failed:" << nfc_strerror(m_device);
    return Result::failure(Fault::DeviceLost);
}

bool NfcDevice::resetField()
{
    if (!m_device)
        return false;
    return nfc_device_set_property_bool(m_device, NP_ACTIVATE_FIELD, false) >= 0 &&
           nfc_device_set_property_bool(m_device, NP_ACTIVATE_FIELD, true) >= 0;
}

} // namespace onewindow
