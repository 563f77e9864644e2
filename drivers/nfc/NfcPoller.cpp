#include "drivers/nfc/NfcPoller.h"

#include "drivers/idcard/SecureWipe.h"
#include "drivers/nfc/IdCardChip.h"
#include "drivers/nfc/RelayedRead.h"

#include <QLoggingCategory>
#include <algorithm>

namespace onewindow {

Q_LOGGING_CATEGORY(lcNfc, "onewindow.reader.nfc")

using std::chrono::milliseconds;

namespace {

// A card is declared gone after this many presence checks in a row without an answer, so one
// lost frame (a hand moving near the antenna) does not end the resident's session.
constexpr int kPresenceMissesForRemoval = 2;

} // namespace

QString NfcReaderOptions::connstringFromEnvironment()
{
    for (const char* name : {"LIBNFC_DEVICE", "LIBNFC_DEFAULT_DEVICE"}) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

NfcPoller::NfcPoller(NfcReaderOptions options, NfcPollerSink& sink)
    : m_options(std::move(options)), m_sink(sink), m_reopenDelay(m_options.reopenFirst)
{}

milliseconds NfcPoller::step()
{
    if (!m_device.isOpen())
        return openDevice();
    return m_cardOn ? checkPresence() : pollForCard();
}

void NfcPoller::shutdown()
{
    m_device.close();
    secureWipe(m_serial);
}

milliseconds NfcPoller::openDevice()
{
    auto opened = m_device.open(m_options.connstring, m_options.link);
    if (!opened) {
        const milliseconds wait = m_reopenDelay;
        m_reopenDelay = std::min(m_reopenDelay * 2, m_options.reopenMax);
        if (!m_reportedOpenFailure) {
            // Once per outage: the reader stays Failed until it opens, without a signal storm.
            m_reportedOpenFailure = true;
            qCWarning(lcNfc) << "NFC device not available:" << opened.error();
            m_sink.deviceFailed(opened.error() + QStringLiteral("; reconnecting"));
        }
        return wait;
    }
    m_reopenDelay = m_options.reopenFirst;
    m_reportedOpenFailure = false;
    qCInfo(lcNfc) << "NFC device open:" << opened.value();
    m_sink.deviceReady(opened.value());
    return milliseconds(0);
}

milliseconds NfcPoller::deviceLost(bool midRead)
{
    qCWarning(lcNfc) << "NFC device lost";
    m_device.close();
    if (midRead)
        m_sink.readFailed(ReadError::ReaderFailure);
    if (m_cardOn)
        m_sink.cardRemoved();
    m_cardOn = m_cardActive = false;
    m_presenceMisses = 0;
    secureWipe(m_serial);
    m_reportedOpenFailure = true;
    m_sink.deviceFailed(QStringLiteral("device lost; reconnecting"));
    const milliseconds wait = m_reopenDelay;
    m_reopenDelay = std::min(m_reopenDelay * 2, m_options.reopenMax);
    return wait;
}

milliseconds NfcPoller::pollForCard()
{
    auto atqb = m_device.exchange(idcardchip::reqb());
    if (!atqb)
        return atqb.error() == NfcDevice::Fault::DeviceLost ? deviceLost(false) : m_options.pollInterval;
    if (!idcardchip::isAtqb(atqb.value())) {
        qCDebug(lcNfc) << "answer to REQB is not an ATQB:" << atqb.value().size() << "bytes";
        return m_options.pollInterval;
    }
    m_cardOn = true;
    m_presenceMisses = 0;
    m_sink.cardPresent();
    return readCard(atqb.value());
}

milliseconds NfcPoller::readCard(const QByteArray& atqb)
{
    using Fault = NfcDevice::Fault;
    auto attrib = m_device.exchange(idcardchip::attrib());
    if (!attrib) {
        if (attrib.error() == Fault::DeviceLost)
            return deviceLost(true);
        m_sink.readFailed(ReadError::CardMoved);
        return m_options.pollInterval;
    }
    if (!idcardchip::isAttribAccepted(attrib.value())) {
        // A Type B card, but not the ID card's handshake (a bank or transit card).
        qCInfo(lcNfc) << "Type B card refused the ID card ATTRIB";
        m_sink.readFailed(ReadError::UnsupportedDocument);
        return m_options.pollInterval;
    }
    auto uid = m_device.exchange(idcardchip::getUid());
    if (!uid) {
        if (uid.error() == Fault::DeviceLost)
            return deviceLost(true);
        m_sink.readFailed(ReadError::CardMoved);
        return m_options.pollInterval;
    }
    const auto serial = idcardchip::chipSerial(uid.value());
    if (!serial) {
        qCInfo(lcNfc) << "GET UID answered" << uid.value().size() << "bytes, SW"
                      << idcardchip::statusWord(uid.value()).constData();
        m_sink.readFailed(ReadError::UnsupportedDocument);
        return m_options.pollInterval;
    }
    m_cardActive = true;
    m_serial = *serial;
    m_sink.chipSerialRead(m_serial);

    if (!m_options.relay) {
        // Without a SAM nothing but the chip serial can be read (reference §4.1): the card is
        // identified as a chip, not as a person. Say so, rather than leave the session waiting.
        m_sink.readFailed(ReadError::UnsupportedDocument);
        return m_options.pollInterval;
    }
    RelayedRead read(
        *m_options.relay, [this](const QByteArray& apdu) { return m_device.exchange(apdu); },
        m_options.relayBudget, m_options.relayServerRetries);
    auto identity = read.run(CardHello{atqb, m_serial});
    if (!identity) {
        if (identity.error().deviceLost)
            return deviceLost(true);
        if (identity.error().error == ReadError::CardMoved)
            m_cardActive = false;
        m_sink.readFailed(identity.error().error);
        return m_options.pollInterval;
    }
    m_sink.cardRead(std::move(identity).value());
    return m_options.pollInterval;
}

milliseconds NfcPoller::checkPresence()
{
    bool present = false;
    if (m_cardActive) {
        auto uid = m_device.exchange(idcardchip::getUid());
        if (!uid && uid.error() == NfcDevice::Fault::DeviceLost)
            return deviceLost(false);
        const auto serial = uid ? idcardchip::chipSerial(uid.value()) : std::nullopt;
        present = serial && *serial == m_serial;
    } else {
        // Not in the handshake's state (a failed read or a foreign card): restart it with a
        // field reset and ask again.
        if (!m_device.resetField())
            return deviceLost(false);
        auto atqb = m_device.exchange(idcardchip::reqb());
        if (!atqb && atqb.error() == NfcDevice::Fault::DeviceLost)
            return deviceLost(false);
        present = atqb && idcardchip::isAtqb(atqb.value());
    }
    if (present) {
        m_presenceMisses = 0;
        return m_options.pollInterval;
    }
    if (++m_presenceMisses < kPresenceMissesForRemoval)
        return milliseconds(0);
    m_cardOn = m_cardActive = false;
    m_presenceMisses = 0;
    secureWipe(m_serial);
    m_sink.cardRemoved();
    return milliseconds(0); // the next card may already be there
}

} // namespace onewindow
