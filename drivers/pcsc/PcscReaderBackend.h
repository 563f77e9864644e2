#pragma once

#include "drivers/pcsc/ApduMapReader.h"
#include "drivers/pcsc/PcscMonitor.h"
#include "drivers/reader/ReaderBackend.h"
#include "drivers/reader/ReaderProfile.h"

#include <QMap>
#include <memory>
#include <optional>

namespace onewindow {

// PC/SC readers through pcsc-lite (DESIGN.md §5). Lives on the ReaderManager thread.
//
// - A PcscMonitor thread with its own context blocks in SCardGetStatusChange and posts reader
//   list and card events here as queued calls; this thread never waits for a card to arrive.
// - Card transactions (connect, the profile's APDU map) run here, bounded by the card and the
//   profile's per-APDU budget ("apdu_budget_ms").
// - Profile per reader: the forced one, else a name match when the reader appears, else an
//   ATR match when a card arrives, else probe generic-sam then chip-serial-only with the
//   first card (the one that answers sticks); nothing answers → status Unsupported.
// - A chip-serial-only reader reports capabilities {"chip_serial"}. On a card it emits
//   cardPresent, then ReaderBackend::chipSerialRead(reader, serial) — no cardRead: an identity without
//   name or number would fail the manager's consistency check, and the session would show a
//   resident that is not there. readFailed only when the serial cannot be read
//   (CardMoved / UnsupportedDocument for a non-ID card / ReaderFailure).
// - pcscd gone (no service, stopped, invalid handle, reader unavailable): every reader is
//   reported Failed (and a card on it removed), contexts are re-created with backoff, and
//   the readers come back as readerChanged(Ready) — or readerRemoved if they do not return.
class PcscReaderBackend : public ReaderBackend
{
    Q_OBJECT
public:
    // `profiles`: the PC/SC profiles to use (others are ignored). `forcedProfile`: use this
    // one for every reader (onewindow-tool --profile); unknown names leave readers Unsupported.
    explicit PcscReaderBackend(QList<ReaderProfile> profiles, QString forcedProfile = {},
                               QObject* parent = nullptr);
    ~PcscReaderBackend() override;

    QString backendName() const override { return QStringLiteral("pcsc"); }
    void start() override;
    void stop() override;

    // Reconnect backoff (default 200 ms doubling to 5 s); before start().
    void setBackoff(int startMs, int maxMs);

private:
    struct Reader
    {
        ReaderInfo info;      // what we know now
        ReaderInfo published; // what readerAdded/readerChanged last said
        QString profile;      // fixed (forced / name match) or found by probing
        bool profileFixed = false;
        bool unsupported = false; // probing found no profile (kept until one works)
        bool cardPresent = false;
        quint32 eventCount = 0;
    };

    void onReadersListed(const QStringList& names);
    void onCardChanged(const PcscMonitor::CardState& state);
    void onServiceLost(long rc);

    void cardInserted(const QString& name, const QByteArray& atr);
    void cardLeft(const QString& name);
    void readCard(const QString& name, const QByteArray& atr);
    struct Candidates
    {
        QList<const ReaderProfile*> profiles;
        bool probing = false; // fallbacks: the first that answers sticks to the reader
    };
    Candidates candidates(const Reader& reader, const QByteArray& atr) const;
    bool ensureContext();
    void releaseContext();
    // Sets status and detail and emits readerChanged when anything differs from what was
    // last published (capabilities included).
    void publish(Reader& reader, ReaderInfo::Status status, const QString& detail);
    void describeProfile(Reader& reader, const ReaderProfile* profile, const QString& how);

    QList<ReaderProfile> m_profiles;
    QString m_forcedProfile;
    int m_backoffStartMs = 200;
    int m_backoffMaxMs = 5000;
    bool m_started = false;
    std::unique_ptr<PcscMonitor> m_monitor;
    std::optional<long> m_context; // for transactions, on this thread
    QMap<QString, Reader> m_readers;
};

} // namespace onewindow
