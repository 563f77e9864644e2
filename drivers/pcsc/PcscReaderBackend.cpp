#include "drivers/pcsc/PcscReaderBackend.h"

#include "drivers/idcard/SecureWipe.h"
#include "drivers/pcsc/PcscCardConnection.h"
#include "drivers/pcsc/PcscError.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <winscard.h>

namespace onewindow {

Q_LOGGING_CATEGORY(lcPcsc, "onewindow.reader.pcsc")

namespace {

const QString kGenericSam = QStringLiteral("generic-sam");
const QString kChipSerialOnly = QStringLiteral("chip-serial-only");
constexpr int kDefaultApduBudgetMs = 3000;

ReadError connectError(long rc)
{
    switch (classifyPcscError(rc)) {
    case PcscErrorClass::CardGone:
        return ReadError::CardMoved;
    case PcscErrorClass::CardMute:
        return ReadError::CardUnreadable;
    case PcscErrorClass::Timeout:
        return ReadError::Timeout;
    default:
        return ReadError::ReaderFailure;
    }
}

} // namespace

PcscReaderBackend::PcscReaderBackend(QList<ReaderProfile> profiles, QString forcedProfile, QObject* parent)
    : ReaderBackend(parent), m_forcedProfile(std::move(forcedProfile))
{
    for (ReaderProfile& p : profiles) {
        if (p.backend == QLatin1String("pcsc"))
            m_profiles.append(std::move(p));
    }
    if (!m_forcedProfile.isEmpty() && !findProfile(m_profiles, m_forcedProfile))
        qCWarning(lcPcsc) << "forced reader profile" << m_forcedProfile << "does not exist";
}

PcscReaderBackend::~PcscReaderBackend()
{
    stop();
}

void PcscReaderBackend::setBackoff(int startMs, int maxMs)
{
    m_backoffStartMs = startMs;
    m_backoffMaxMs = maxMs;
}

void PcscReaderBackend::start()
{
    if (m_started)
        return;
    m_started = true;
    // The monitor calls these on its own thread; each hops to ours as a queued call. `this`
    // as the context object drops calls still queued when the backend is destroyed; stop()
    // joins the monitor first, and m_started filters calls queued before a stop.
    PcscMonitor::Callbacks callbacks;
    callbacks.readersListed = [this](const QStringList& names) {
        QMetaObject::invokeMethod(
            this, [this, names] { onReadersListed(names); }, Qt::QueuedConnection);
    };
    callbacks.cardChanged = [this](const PcscMonitor::CardState& state) {
        QMetaObject::invokeMethod(
            this, [this, state] { onCardChanged(state); }, Qt::QueuedConnection);
    };
    callbacks.serviceLost = [this](long rc) {
        QMetaObject::invokeMethod(
            this, [this, rc] { onServiceLost(rc); }, Qt::QueuedConnection);
    };
    m_monitor = std::make_unique<PcscMonitor>(std::move(callbacks), m_backoffStartMs, m_backoffMaxMs);
    m_monitor->start();
}

void PcscReaderBackend::stop()
{
    if (!m_started)
        return;
    m_started = false;
    if (m_monitor)
        m_monitor->stop();
    m_monitor.reset();
    releaseContext();
    m_readers.clear();
}

bool PcscReaderBackend::ensureContext()
{
    if (m_context)
        return true;
    SCARDCONTEXT ctx = 0;
    const LONG rc = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx);
    if (rc != SCARD_S_SUCCESS) {
        qCWarning(lcPcsc) << "no PC/SC context:" << pcscErrorText(rc);
        return false;
    }
    m_context = long(ctx);
    return true;
}

void PcscReaderBackend::releaseContext()
{
    if (m_context)
        SCardReleaseContext(SCARDCONTEXT(*m_context));
    m_context.reset();
}

void PcscReaderBackend::publish(Reader& reader, ReaderInfo::Status status, const QString& detail)
{
    reader.info.status = status;
    reader.info.detail = detail;
    if (reader.info == reader.published)
        return;
    reader.published = reader.info;
    Q_EMIT readerChanged(reader.info);
}

void PcscReaderBackend::describeProfile(Reader& reader, const ReaderProfile* profile, const QString& how)
{
    reader.info.capabilities = profile ? profile->capabilities() : QStringList();
    reader.info.detail = profile ? QStringLiteral("profile %1 (%2)").arg(profile->name, how) : how;
}

void PcscReaderBackend::onReadersListed(const QStringList& names)
{
    if (!m_started)
        return;
    // Readers that went away.
    for (auto it = m_readers.begin(); it != m_readers.end();) {
        if (names.contains(it.key())) {
            ++it;
            continue;
        }
        const QString name = it.key();
        const bool hadCard = it->cardPresent;
        it = m_readers.erase(it);
        if (hadCard)
            Q_EMIT cardRemoved(name);
        qCInfo(lcPcsc) << "reader removed:" << name;
        Q_EMIT readerRemoved(name);
    }
    for (const QString& name : names) {
        auto existing = m_readers.find(name);
        if (existing != m_readers.end()) {
            // Back after an outage.
            if (existing->info.status == ReaderInfo::Status::Failed) {
                const ReaderProfile* p = findProfile(m_profiles, existing->profile);
                describeProfile(*existing, p,
                                existing->profileFixed ? QStringLiteral("reconnected")
                                                       : QStringLiteral("probed"));
                publish(*existing,
                        existing->unsupported ? ReaderInfo::Status::Unsupported : ReaderInfo::Status::Ready,
                        existing->info.detail);
                qCInfo(lcPcsc) << "reader back:" << name;
            }
            continue;
        }
        Reader r;
        r.info.name = name;
        r.info.backend = backendName();
        r.info.status = ReaderInfo::Status::Ready;
        if (!m_forcedProfile.isEmpty()) {
            const ReaderProfile* p = findProfile(m_profiles, m_forcedProfile);
            r.profileFixed = true;
            if (p) {
                r.profile = p->name;
                describeProfile(r, p, QStringLiteral("forced"));
            } else {
                r.unsupported = true;
                r.info.status = ReaderInfo::Status::Unsupported;
                r.info.detail = QStringLiteral("forced profile %1 does not exist").arg(m_forcedProfile);
            }
        } else if (const ReaderProfile* p =
                       matchProfile(m_profiles, {backendName(), name, {}, std::nullopt})) {
            r.profile = p->name;
            r.profileFixed = true;
            describeProfile(r, p, QStringLiteral("matched by name"));
        } else {
            describeProfile(
                r, nullptr,
                QStringLiteral("no profile matched; the first card decides (ATR, then %1, then %2)")
                    .arg(kGenericSam, kChipSerialOnly));
        }
        qCInfo(lcPcsc) << "reader added:" << name << r.info.detail;
        r.published = r.info;
        m_readers.insert(name, r);
        Q_EMIT readerAdded(r.info);
    }
}

void PcscReaderBackend::onServiceLost(long rc)
{
    if (!m_started)
        return;
    // The transaction context is as dead as the monitor's; a fresh one is made on demand.
    releaseContext();
    for (auto it = m_readers.begin(); it != m_readers.end(); ++it) {
        if (it->cardPresent) {
            // We cannot vouch that the card after the outage is the same one.
            it->cardPresent = false;
            Q_EMIT cardRemoved(it.key());
        }
        publish(*it, ReaderInfo::Status::Failed,
                QStringLiteral("smart-card service unavailable (%1); reconnecting").arg(pcscErrorText(rc)));
    }
}

void PcscReaderBackend::onCardChanged(const PcscMonitor::CardState& state)
{
    if (!m_started)
        return;
    auto it = m_readers.find(state.reader);
    if (it == m_readers.end())
        return;
    const bool swapped = state.present && it->cardPresent && state.eventCount != it->eventCount;
    it->eventCount = state.eventCount;
    if (swapped)
        cardLeft(state.reader); // lifted and put back between two polls: a new card
    if (state.present && !m_readers.value(state.reader).cardPresent)
        cardInserted(state.reader, state.atr);
    else if (!state.present && it->cardPresent)
        cardLeft(state.reader);
}

void PcscReaderBackend::cardLeft(const QString& name)
{
    auto it = m_readers.find(name);
    if (it == m_readers.end() || !it->cardPresent)
        return;
    it->cardPresent = false;
    publish(*it, it->unsupported ? ReaderInfo::Status::Unsupported : ReaderInfo::Status::Ready,
            it->info.detail);
    Q_EMIT cardRemoved(name);
}

void PcscReaderBackend::cardInserted(const QString& name, const QByteArray& atr)
{
    auto it = m_readers.find(name);
    if (it == m_readers.end())
        return;
    it->cardPresent = true;
    publish(*it, ReaderInfo::Status::CardPresent, it->info.detail);
    Q_EMIT cardPresent(name);
    readCard(name, atr);
}

PcscReaderBackend::Candidates PcscReaderBackend::candidates(const Reader& reader, const QByteArray& atr) const
{
    if (reader.profileFixed || !reader.profile.isEmpty()) {
        const ReaderProfile* p = findProfile(m_profiles, reader.profile);
        return {p ? QList<const ReaderProfile*>{p} : QList<const ReaderProfile*>{}, false};
    }
    // An ATR match is about this card, not the reader: it does not stick.
    if (const ReaderProfile* p = matchProfile(m_profiles, {backendName(), {}, atr, std::nullopt}))
        return {{p}, false};
    Candidates out{{}, true};
    for (const QString& fallback : {kGenericSam, kChipSerialOnly}) {
        if (const ReaderProfile* p = findProfile(m_profiles, fallback))
            out.profiles.append(p);
    }
    return out;
}

void PcscReaderBackend::readCard(const QString& name, const QByteArray& atr)
{
    Reader& reader = m_readers[name];
    const Candidates chosen = candidates(reader, atr);
    const QList<const ReaderProfile*>& profiles = chosen.profiles;
    const bool probing = chosen.probing;
    if (profiles.isEmpty()) {
        reader.unsupported = true;
        publish(reader, ReaderInfo::Status::CardPresent, QStringLiteral("no reader profile available"));
        Q_EMIT readFailed(name, ReadError::UnsupportedDocument);
        return;
    }
    if (!ensureContext()) {
        Q_EMIT readFailed(name, ReadError::ReaderFailure);
        return;
    }

    QElapsedTimer clock;
    clock.start();
    auto connection = PcscCardConnection::connect(*m_context, name);
    const qint64 connectUs = clock.nsecsElapsed() / 1000;
    if (!connection) {
        const long rc = connection.error();
        qCInfo(lcPcsc) << "connect on" << name << "failed:" << pcscErrorText(rc);
        if (classifyPcscError(rc) == PcscErrorClass::ServiceLost)
            releaseContext(); // the monitor reports the outage and the readers
        Q_EMIT readFailed(name, connectError(rc));
        return;
    }
    PcscCardConnection card = std::move(connection).value();

    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const ReaderProfile& profile = *profiles[i];
        const int budget = profile.intSetting(QStringLiteral("apdu_budget_ms"), kDefaultApduBudgetMs);
        int apdus = 0;
        const CardChannel channel = [&card, budget, &apdus](const QByteArray& command) {
            ++apdus;
            return card.transmit(command, budget);
        };

        MapFailure failure;
        if (profile.apdu.readsIdentity()) {
            MapTimings t;
            auto identity = readIdentityWithMap(profile.apdu, channel, &t);
            // Timings and counts only: never the data.
            qCDebug(lcPcsc).nospace()
                << "read on " << name << " with " << profile.name << " (µs): connect " << connectUs
                << ", text " << t.textUs << ", photo " << t.photoUs << ", address " << t.addressUs
                << ", serial " << t.serialUs << ", decode " << t.decodeUs << ", " << apdus << " APDUs";
            if (identity) {
                if (probing) {
                    reader.profile = profile.name;
                    reader.unsupported = false;
                    describeProfile(reader, &profile, QStringLiteral("probed"));
                }
                publish(reader, ReaderInfo::Status::CardPresent, reader.info.detail);
                Identity id = std::move(identity).value();
                Q_EMIT cardRead(name, id);
                id.wipe();
                return;
            }
            failure = identity.error();
        } else {
            auto serial = readChipSerialWithMap(profile.apdu, channel);
            qCDebug(lcPcsc).nospace()
                << "chip serial on " << name << " with " << profile.name << " (µs): connect " << connectUs
                << ", total " << clock.nsecsElapsed() / 1000;
            if (serial) {
                if (probing) {
                    reader.profile = profile.name;
                    reader.unsupported = false;
                    describeProfile(reader, &profile, QStringLiteral("probed"));
                }
                publish(reader, ReaderInfo::Status::CardPresent, reader.info.detail);
                QByteArray bytes = std::move(serial).value();
                Q_EMIT chipSerialRead(name, bytes);
                secureWipe(bytes);
                return;
            }
            failure = serial.error();
        }

        qCInfo(lcPcsc) << "read on" << name << "with" << profile.name
                       << "failed:" << readErrorKey(failure.error) << failure.detail;
        if (card.lastError())
            qCDebug(lcPcsc) << "last PC/SC error on" << name << pcscErrorText(card.lastError());
        if (failure.serviceLost)
            releaseContext();
        if (probing && failure.profileMismatch) {
            if (i + 1 < profiles.size())
                continue; // this reader does not speak that map: try the next fallback
            reader.unsupported = true;
            describeProfile(reader, nullptr,
                            QStringLiteral("attached but unsupported: no profile answers (last: %1)")
                                .arg(failure.detail));
            publish(reader, ReaderInfo::Status::Unsupported, reader.info.detail);
            Q_EMIT readFailed(name, ReadError::UnsupportedDocument);
            return;
        }
        Q_EMIT readFailed(name, failure.error);
        return;
    }
}

} // namespace onewindow
