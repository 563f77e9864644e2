#include "drivers/sim/SimReaderBackend.h"

#include "drivers/idcard/SecureWipe.h"
#include "drivers/idcard/TextBlock.h"

#include <QLoggingCategory>

namespace onewindow {

Q_LOGGING_CATEGORY(lcSim, "onewindow.reader.sim")

SimReaderBackend::SimReaderBackend(QList<SimCard> cards, int readDelayMs, QObject* parent)
    : ReaderBackend(parent), m_cards(std::move(cards)), m_readDelayMs(readDelayMs)
{
    m_readTimer.setSingleShot(true);
    connect(&m_readTimer, &QTimer::timeout, this, &SimReaderBackend::finishRead);
    m_info.name = QString::fromLatin1(kReaderName);
    m_info.backend = backendName();
    m_info.capabilities = {QStringLiteral("identity"), QStringLiteral("photo")};
    m_info.detail = QStringLiteral("%1 synthetic cards").arg(m_cards.size());
}

SimReaderBackend::~SimReaderBackend()
{
    for (SimCard& card : m_cards)
        card.identity.wipe();
}

void SimReaderBackend::start()
{
    if (m_started)
        return;
    m_started = true;
    Q_EMIT readerAdded(m_info);
}

void SimReaderBackend::stop()
{
    if (!m_started)
        return;
    m_readTimer.stop();
    m_cardOnReader.reset();
    m_started = false;
}

void SimReaderBackend::placeCard(int index)
{
    if (!m_started)
        return;
    if (index < 0 || index >= m_cards.size()) {
        qCWarning(lcSim) << "no simulated card at index" << index;
        return;
    }
    if (m_cardOnReader)
        removeCard();
    m_cardOnReader = index;
    m_pendingFailure = std::exchange(m_nextFailure, std::nullopt);
    setStatus(ReaderInfo::Status::CardPresent);
    Q_EMIT cardPresent(m_info.name);
    m_readTimer.start(m_readDelayMs);
}

void SimReaderBackend::removeCard()
{
    if (!m_cardOnReader)
        return;
    m_readTimer.stop();
    m_cardOnReader.reset();
    setStatus(ReaderInfo::Status::Ready);
    Q_EMIT cardRemoved(m_info.name);
}

void SimReaderBackend::failNextRead(ReadError error)
{
    m_nextFailure = error;
}

void SimReaderBackend::finishRead()
{
    if (!m_cardOnReader)
        return;
    if (m_pendingFailure) {
        Q_EMIT readFailed(m_info.name, *std::exchange(m_pendingFailure, std::nullopt));
        return;
    }
    const Identity& source = m_cards.at(*m_cardOnReader).identity;
    // Round trip through the card format, as a real reader delivers it.
    QByteArray block = encodeTextBlock(source);
    auto decoded = decodeTextBlock(block);
    secureWipe(block);
    if (!decoded) {
        Q_EMIT readFailed(m_info.name, ReadError::UnsupportedDocument);
        return;
    }
    Identity identity = std::move(decoded).value();
    if (!source.appendedAddress.isEmpty()) {
        QByteArray appended = encodeAppendedAddress(source.appendedAddress);
        identity.appendedAddress = decodeAppendedAddress(appended);
        secureWipe(appended);
    }
    identity.photo = QByteArray(1024, '\0'); // a WLT-sized blank: the demo shows the placeholder
    Q_EMIT cardRead(m_info.name, identity);
    identity.wipe();
}

void SimReaderBackend::setStatus(ReaderInfo::Status status)
{
    if (m_info.status == status)
        return;
    m_info.status = status;
    Q_EMIT readerChanged(m_info);
}

} // namespace onewindow
