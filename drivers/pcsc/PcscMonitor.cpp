#include "drivers/pcsc/PcscMonitor.h"

#include "drivers/pcsc/PcscError.h"

#include <QLoggingCategory>
#include <map>
#include <vector>
#include <winscard.h>

namespace onewindow {

Q_LOGGING_CATEGORY(lcPcscMonitor, "onewindow.reader.pcsc.monitor")

namespace {

constexpr const char* kPnpReader = "\\\\?PnP?\\Notification";

// SCARDCONTEXT is LONG on pcsc-lite; the header keeps it as long to stay free of winscard.h.
static_assert(sizeof(SCARDCONTEXT) == sizeof(long));

// SCardListReaders into names; NO_READERS_AVAILABLE is an empty list, not an error.
LONG listReaders(SCARDCONTEXT ctx, QStringList& names)
{
    names.clear();
    DWORD size = 0;
    LONG rc = SCardListReaders(ctx, nullptr, nullptr, &size);
    if (rc == SCARD_E_NO_READERS_AVAILABLE)
        return SCARD_S_SUCCESS;
    if (rc != SCARD_S_SUCCESS)
        return rc;
    std::vector<char> buffer(size + 1, '\0');
    rc = SCardListReaders(ctx, nullptr, buffer.data(), &size);
    if (rc == SCARD_E_NO_READERS_AVAILABLE)
        return SCARD_S_SUCCESS;
    if (rc != SCARD_S_SUCCESS)
        return rc;
    for (const char* p = buffer.data(); *p != '\0'; p += qstrlen(p) + 1)
        names.append(QString::fromUtf8(p));
    return SCARD_S_SUCCESS;
}

} // namespace

PcscMonitor::PcscMonitor(Callbacks callbacks, int backoffStartMs, int backoffMaxMs)
    : m_callbacks(std::move(callbacks)), m_backoffStartMs(backoffStartMs), m_backoffMaxMs(backoffMaxMs)
{}

PcscMonitor::~PcscMonitor()
{
    stop();
}

void PcscMonitor::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_finished = false;
    m_thread = std::thread([this] {
        run();
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_wake.notify_all();
    });
}

void PcscMonitor::stop()
{
    if (!m_thread.joinable())
        return;
    std::unique_lock lock(m_mutex);
    m_stopping = true;
    while (!m_finished) {
        if (m_hasContext)
            SCardCancel(SCARDCONTEXT(m_context));
        m_wake.notify_all();
        m_wake.wait_for(lock, std::chrono::milliseconds(20));
    }
    lock.unlock();
    m_thread.join();
}

bool PcscMonitor::sleepFor(int ms)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stopping.load(); });
    return !m_stopping;
}

void PcscMonitor::dropContext()
{
    std::lock_guard lock(m_mutex);
    if (m_hasContext)
        SCardReleaseContext(SCARDCONTEXT(m_context));
    m_hasContext = false;
    m_context = 0;
}

void PcscMonitor::run()
{
    int backoff = m_backoffStartMs;
    bool outageReported = false;
    bool freshContext = false;
    QStringList lastNames;
    std::map<QString, DWORD> knownState; // last dwEventState per reader (counter in the high word)

    const auto serviceLost = [&](LONG rc) {
        dropContext();
        if (!outageReported) {
            qCWarning(lcPcscMonitor) << "smart-card service lost:" << pcscErrorText(rc);
            outageReported = true;
            if (m_callbacks.serviceLost)
                m_callbacks.serviceLost(rc);
        }
    };

    while (!m_stopping) {
        {
            std::unique_lock lock(m_mutex);
            if (!m_hasContext) {
                SCARDCONTEXT ctx = 0;
                const LONG rc = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx);
                if (rc != SCARD_S_SUCCESS) {
                    lock.unlock();
                    serviceLost(rc);
                    if (!sleepFor(backoff))
                        break;
                    backoff = std::min(backoff * 2, m_backoffMaxMs);
                    continue;
                }
                m_context = long(ctx);
                m_hasContext = true;
                freshContext = true;
                knownState.clear();
            }
        }
        const SCARDCONTEXT ctx = SCARDCONTEXT(m_context); // only this thread changes it

        QStringList names;
        LONG rc = listReaders(ctx, names);
        if (classifyPcscError(rc) == PcscErrorClass::ServiceLost ||
            classifyPcscError(rc) == PcscErrorClass::CommError) {
            serviceLost(rc);
            continue;
        }
        if (rc != SCARD_S_SUCCESS) {
            qCWarning(lcPcscMonitor) << "listing readers failed:" << pcscErrorText(rc);
            if (!sleepFor(backoff))
                break;
            continue;
        }
        if (freshContext) {
            if (outageReported)
                qCInfo(lcPcscMonitor) << "smart-card service back";
            backoff = m_backoffStartMs;
            outageReported = false;
        }
        if (freshContext || names != lastNames) {
            lastNames = names;
            for (auto it = knownState.begin(); it != knownState.end();)
                it = names.contains(it->first) ? std::next(it) : knownState.erase(it);
            if (m_callbacks.readersListed)
                m_callbacks.readersListed(names);
        }
        freshContext = false;

        std::vector<QByteArray> utf8Names;
        utf8Names.reserve(names.size() + 1);
        std::vector<SCARD_READERSTATE> states(names.size() + 1);
        for (qsizetype i = 0; i < names.size(); ++i) {
            utf8Names.push_back(names[i].toUtf8());
            states[i].szReader = utf8Names.back().constData();
            const auto known = knownState.find(names[i]);
            states[i].dwCurrentState = known == knownState.end() ? SCARD_STATE_UNAWARE : known->second;
        }
        SCARD_READERSTATE& pnp = states.back();
        pnp.szReader = kPnpReader;
        // pcsc-lite keeps the reader count in the high word: it reports a change as soon as
        // the count differs from what we pass.
        pnp.dwCurrentState = DWORD(names.size()) << 16;

        rc = SCardGetStatusChange(ctx, INFINITE, states.data(), DWORD(states.size()));
        if (m_stopping)
            break;
        switch (classifyPcscError(rc)) {
        case PcscErrorClass::Success:
            break;
        case PcscErrorClass::Cancelled:
        case PcscErrorClass::Timeout:
            continue;
        case PcscErrorClass::ServiceLost:
        case PcscErrorClass::CommError: // no card is involved in a wait: it is the daemon link
            serviceLost(rc);
            continue;
        default:
            // E.g. SCARD_E_UNKNOWN_READER when a reader vanished between list and wait:
            // list again (after a short pause, so a persistent error cannot spin).
            qCDebug(lcPcscMonitor) << "status wait:" << pcscErrorText(rc);
            if (!sleepFor(m_backoffStartMs))
                return;
            continue;
        }

        for (qsizetype i = 0; i < names.size(); ++i) {
            const SCARD_READERSTATE& s = states[i];
            if (!(s.dwEventState & SCARD_STATE_CHANGED))
                continue;
            const DWORD state = s.dwEventState & ~DWORD(SCARD_STATE_CHANGED);
            const auto known = knownState.find(names[i]);
            const DWORD before = known == knownState.end() ? DWORD(SCARD_STATE_UNAWARE) : known->second;
            knownState[names[i]] = state;
            if (state & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE))
                continue; // the reader is going away: the next listing says so
            const bool present = state & SCARD_STATE_PRESENT;
            const bool wasPresent = before & SCARD_STATE_PRESENT;
            const quint32 count = quint32(state >> 16);
            if (present == wasPresent && (!present || count == quint32(before >> 16)) &&
                before != DWORD(SCARD_STATE_UNAWARE))
                continue; // e.g. only the "in use" bit changed
            CardState card;
            card.reader = names[i];
            card.present = present;
            card.eventCount = count;
            if (present)
                card.atr = QByteArray(reinterpret_cast<const char*>(s.rgbAtr),
                                      int(qMin<DWORD>(s.cbAtr, MAX_ATR_SIZE)));
            if (m_callbacks.cardChanged)
                m_callbacks.cardChanged(card);
        }
    }
    dropContext();
}

} // namespace onewindow
