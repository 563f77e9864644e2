#include "drivers/pcsc/ApduMapReader.h"

#include "drivers/idcard/SecureWipe.h"
#include "drivers/idcard/TextBlock.h"

#include <QElapsedTimer>

namespace onewindow {

namespace {

QString swText(quint16 sw)
{
    return QStringLiteral("%1").arg(sw, 4, 16, QLatin1Char('0')).toUpper();
}

MapFailure transportFailure(TransmitFailure f, const ApduStep& step)
{
    MapFailure m;
    const QString cmd = toHexString(step.command);
    switch (f) {
    case TransmitFailure::CardGone:
        m.error = ReadError::CardMoved;
        m.detail = cmd + QStringLiteral(": card removed");
        break;
    case TransmitFailure::Timeout:
        m.error = ReadError::Timeout;
        m.detail = cmd + QStringLiteral(": no answer within the APDU budget");
        break;
    case TransmitFailure::ServiceLost:
        m.error = ReadError::ReaderFailure;
        m.serviceLost = true;
        m.detail = cmd + QStringLiteral(": smart-card service lost");
        break;
    case TransmitFailure::Other:
        m.error = ReadError::ReaderFailure;
        m.detail = cmd + QStringLiteral(": transport error");
        break;
    }
    return m;
}

// What an absent item means depends on the item: no text means this is no card the SAM
// knows, a missing photo part means the card could not be read completely.
enum class Item
{
    Text,
    Photo,
    Address,
    Serial
};

// Sends one step and cuts its data out of the answer. `first` marks the command that
// decides whether the reader speaks this map at all.
Expected<QByteArray, MapFailure> runStep(const ApduStep& step, const StatusWordMap& sws,
                                         const CardChannel& channel, Item item, bool first)
{
    using Result = Expected<QByteArray, MapFailure>;
    auto response = channel(step.command);
    if (!response)
        return Result::failure(transportFailure(response.error(), step));
    ApduResponse r = std::move(response).value();
    const QString what = toHexString(step.command) + QStringLiteral(" -> SW ") + swText(r.sw);
    MapFailure m;
    m.detail = what;
    switch (sws.meaning(r.sw)) {
    case StatusWordMap::Meaning::Ok:
        if (r.data.size() < step.offset + step.length) {
            m.error = ReadError::ReaderFailure;
            m.profileMismatch = first;
            m.detail =
                what +
                QStringLiteral(", %1 bytes, expected %2").arg(r.data.size()).arg(step.offset + step.length);
            secureWipe(r.data);
            return Result::failure(m);
        } else {
            QByteArray out = r.data.mid(step.offset, step.length);
            secureWipe(r.data);
            return out;
        }
    case StatusWordMap::Meaning::ItemAbsent:
        m.itemAbsent = true;
        m.error = (item == Item::Text || item == Item::Serial) ? ReadError::UnsupportedDocument
                                                               : ReadError::CardUnreadable;
        break;
    case StatusWordMap::Meaning::ReadFailed:
        m.error = ReadError::CardMoved;
        break;
    case StatusWordMap::Meaning::SamNotReady:
        m.error = ReadError::ReaderFailure;
        m.detail = what + QStringLiteral(" (SAM not ready)");
        break;
    case StatusWordMap::Meaning::Unknown:
        m.error = ReadError::ReaderFailure;
        m.profileMismatch = first;
        break;
    }
    secureWipe(r.data);
    return Result::failure(m);
}

qint64 lap(QElapsedTimer& t)
{
    const qint64 us = t.nsecsElapsed() / 1000;
    t.restart();
    return us;
}

} // namespace

Expected<Identity, MapFailure> readIdentityWithMap(const PcscApduMap& map, const CardChannel& channel,
                                                   MapTimings* timings)
{
    using Result = Expected<Identity, MapFailure>;
    MapTimings local;
    MapTimings& t = timings ? *timings : local;
    if (!map.text)
        return Result::failure(MapFailure{ReadError::UnsupportedDocument, true, false, false,
                                          QStringLiteral("profile reads no text")});

    QElapsedTimer clock;
    clock.start();
    auto text = runStep(*map.text, map.statusWords, channel, Item::Text, true);
    t.textUs = lap(clock);
    if (!text)
        return Result::failure(text.error());
    QByteArray block = std::move(text).value();

    QByteArray photo;
    for (const ApduStep& step : map.photo) {
        auto chunk = runStep(step, map.statusWords, channel, Item::Photo, false);
        if (!chunk) {
            secureWipe(block);
            secureWipe(photo);
            return Result::failure(chunk.error());
        }
        QByteArray bytes = std::move(chunk).value();
        photo.append(bytes);
        secureWipe(bytes);
    }
    t.photoUs = lap(clock);

    QByteArray address;
    if (map.appendedAddress) {
        auto a = runStep(*map.appendedAddress, map.statusWords, channel, Item::Address, false);
        if (a) {
            address = std::move(a).value();
        } else if (!a.error().itemAbsent) { // absent (6A 82) just means "no appended address"
            secureWipe(block);
            secureWipe(photo);
            return Result::failure(a.error());
        }
    }
    t.addressUs = lap(clock);

    QByteArray serial;
    if (map.chipSerial) {
        auto s = runStep(*map.chipSerial, map.statusWords, channel, Item::Serial, false);
        if (s) {
            serial = std::move(s).value();
        } else if (s.error().error == ReadError::CardMoved || s.error().serviceLost) {
            // The card left (or the service died) after the text: nothing of it is trusted.
            secureWipe(block);
            secureWipe(photo);
            secureWipe(address);
            return Result::failure(s.error());
        }
    }
    t.serialUs = lap(clock);

    auto decoded = decodeTextBlock(block);
    secureWipe(block);
    if (!decoded) {
        secureWipe(photo);
        secureWipe(address);
        secureWipe(serial);
        return Result::failure(MapFailure{
            ReadError::UnsupportedDocument, false, false, false,
            QStringLiteral("text block: %1").arg(QLatin1String(textBlockErrorName(decoded.error())))});
    }
    Identity identity = std::move(decoded).value();
    identity.photo = photo;
    if (!address.isEmpty())
        identity.appendedAddress = decodeAppendedAddress(address);
    identity.chipSerial = serial;
    secureWipe(photo);
    secureWipe(address);
    secureWipe(serial);
    t.decodeUs = lap(clock);
    return identity;
}

Expected<QByteArray, MapFailure> readChipSerialWithMap(const PcscApduMap& map, const CardChannel& channel)
{
    if (!map.chipSerial)
        return Expected<QByteArray, MapFailure>::failure(
            MapFailure{ReadError::UnsupportedDocument, true, false, false,
                       QStringLiteral("profile reads no chip serial")});
    return runStep(*map.chipSerial, map.statusWords, channel, Item::Serial, true);
}

} // namespace onewindow
