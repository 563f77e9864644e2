#include "app/ui/LocalProgressSource.h"

#include "app/storage/StorageService.h"

namespace onewindow {

namespace {
ProgressEntry fromStub(const storage::OutboxEntry& e)
{
    return {e.queryCode, e.serviceItemName, QString::fromLatin1(storage::outboxStateName(e.state)),
            e.promisedDate, e.applicantMask};
}
} // namespace

LocalProgressSource::LocalProgressSource(storage::StorageService* storage, QObject* parent)
    : ProgressSource(parent), m_storage(storage)
{
    qRegisterMetaType<QList<ProgressEntry>>();
}

void LocalProgressSource::lookupByQueryCode(const QString& queryCode)
{
    if (!m_storage) {
        Q_EMIT answered({}, false);
        return;
    }
    m_storage
        ->post([code = queryCode.trimmed().toUpper()](storage::StorageWorker& w) -> QList<ProgressEntry> {
            if (!w.isOpen())
                return {};
            auto e = w.outbox().entryByQueryCode(code);
            if (!e.ok() || e->kind != QLatin1String("submission"))
                return {};
            return {fromStub(e.value())};
        })
        .then(this, [this](const QList<ProgressEntry>& entries) { Q_EMIT answered(entries, false); });
}

void LocalProgressSource::lookupByIdNumber(const QString& idNumber)
{
    if (!m_storage) {
        Q_EMIT answered({}, false);
        return;
    }
    m_storage
        ->post([id = idNumber](storage::StorageWorker& w) -> QList<ProgressEntry> {
            QList<ProgressEntry> out;
            if (!w.isOpen())
                return out;
            auto list = w.outbox().entriesForApplicant(id);
            if (list.ok()) {
                for (const storage::OutboxEntry& e : list.value()) {
                    if (e.kind == QLatin1String("submission"))
                        out.append(fromStub(e));
                }
            }
            return out;
        })
        .then(this, [this](const QList<ProgressEntry>& entries) { Q_EMIT answered(entries, false); });
}

} // namespace onewindow
