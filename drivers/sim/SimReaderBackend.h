#pragma once

#include "drivers/reader/ReaderBackend.h"
#include "drivers/sim/SimIdentities.h"

#include <QTimer>
#include <optional>

namespace onewindow {

// A reader with a card that exists only in memory, for the demo, UI tests and the technician's
// "test card". A read goes through the real GA/T 490 encoder and decoder, so the simulated
// path exercises the same parsing as a real card. Commands arrive through
// ReaderManager::invokeOnBackend("sim", …) and run on the reader thread.
class SimReaderBackend : public ReaderBackend
{
    Q_OBJECT
public:
    static constexpr const char* kReaderName = "OneWindow Simulated Reader";

    SimReaderBackend(QList<SimCard> cards, int readDelayMs, QObject* parent = nullptr);
    ~SimReaderBackend() override;

    QString backendName() const override { return QStringLiteral("sim"); }
    void start() override;
    void stop() override;

    int cardCount() const { return int(m_cards.size()); }
    // Puts card `index` on the reader (a card already there is lifted first). Out-of-range
    // indexes are ignored with a warning.
    void placeCard(int index);
    // Lifts the card; during a read this aborts it (the resident pulled the card).
    void removeCard();
    // The next read fails with `error` after the usual delay (demo and fault tests).
    void failNextRead(ReadError error);

private:
    void finishRead();
    void setStatus(ReaderInfo::Status status);

    QList<SimCard> m_cards;
    int m_readDelayMs = 0;
    bool m_started = false;
    std::optional<int> m_cardOnReader;
    std::optional<ReadError> m_nextFailure;
    std::optional<ReadError> m_pendingFailure;
    QTimer m_readTimer;
    ReaderInfo m_info;
};

} // namespace onewindow
