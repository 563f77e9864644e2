#include "app/ui/DemoController.h"

#include "app/ui/LanguageController.h"
#include "app/ui/ResidentMessages.h"
#include "drivers/idcard/Masking.h"
#include "drivers/sim/SimReaderBackend.h"

#include <QCoreApplication>

namespace onewindow {

namespace {
std::optional<ReadError> readErrorFromKey(const QString& key)
{
    for (ReadError e : {ReadError::CardMoved, ReadError::CardUnreadable, ReadError::UnsupportedDocument,
                        ReadError::InconsistentData, ReadError::ReaderFailure, ReadError::Timeout}) {
        if (key == QLatin1String(readErrorKey(e)))
            return e;
    }
    return std::nullopt;
}

void onSim(ReaderManager* readers, std::function<void(SimReaderBackend*)> fn)
{
    if (!readers)
        return;
    readers->invokeOnBackend(QStringLiteral("sim"), [fn = std::move(fn)](ReaderBackend* backend) {
        if (auto* sim = qobject_cast<SimReaderBackend*>(backend))
            fn(sim);
    });
}
} // namespace

DemoController::DemoController(bool enabled, ReaderManager* readers, const QList<SimCard>& cards,
                               LanguageController* language, QObject* parent)
    : QObject(parent), m_enabled(enabled), m_readers(readers)
{
    for (const SimCard& card : cards) {
        const Identity& id = card.identity;
        m_entries.append({id.documentType, maskName(id.name.isEmpty() ? id.englishName : id.name),
                          id.isExpired(QDate::currentDate())});
    }
    if (language)
        connect(language, &LanguageController::languageChanged, this, &DemoController::cardsChanged);
}

QStringList DemoController::cards() const
{
    QStringList labels;
    for (const Entry& e : m_entries) {
        QString label = ResidentMessages::documentType(e.type) + QStringLiteral(" · ") + e.maskedName;
        if (e.expired)
            label += QStringLiteral(" · ") + QCoreApplication::translate("DemoController", "expired");
        labels.append(label);
    }
    return labels;
}

void DemoController::placeCard(int index)
{
    if (m_enabled)
        onSim(m_readers, [index](SimReaderBackend* sim) { sim->placeCard(index); });
}

void DemoController::removeCard()
{
    if (m_enabled)
        onSim(m_readers, [](SimReaderBackend* sim) { sim->removeCard(); });
}

void DemoController::failNextRead(const QString& errorKey)
{
    const auto error = readErrorFromKey(errorKey);
    if (m_enabled && error)
        onSim(m_readers, [e = *error](SimReaderBackend* sim) { sim->failNextRead(e); });
}

} // namespace onewindow
