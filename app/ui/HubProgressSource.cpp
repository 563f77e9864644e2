#include "app/ui/HubProgressSource.h"

#include "app/ui/CaseLookupAnswer.h"
#include "drivers/idcard/SecureWipe.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow {

namespace {
constexpr qint64 kLookupTimeoutMs = 5000; // a resident is waiting: fall back quickly
}

HubProgressSource::HubProgressSource(std::shared_ptr<sync::HubClient> hub, ProgressSource* offline,
                                     QObject* parent)
    : ProgressSource(parent), m_hub(std::move(hub)), m_offline(offline)
{
    qRegisterMetaType<QList<ProgressEntry>>();
    if (m_offline)
        connect(m_offline, &ProgressSource::answered, this, &ProgressSource::answered);
}

void HubProgressSource::lookupByQueryCode(const QString& queryCode)
{
    if (m_offline)
        m_offline->lookupByQueryCode(queryCode);
    else
        Q_EMIT answered({}, false);
}

void HubProgressSource::lookupByIdNumber(const QString& idNumber)
{
    sync::HubRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/cases:lookup");
    request.body =
        QJsonDocument(QJsonObject{{QStringLiteral("id_number"), idNumber}}).toJson(QJsonDocument::Compact);
    request.totalTimeoutMs = kLookupTimeoutMs;
    QPointer<HubProgressSource> self(this);
    // The callback runs on the hub client's thread; the answer is handled on ours.
    m_hub->submit(std::move(request), [self, idNumber](sync::HubResponse response) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, response = std::move(response), idNumber]() mutable {
                if (self)
                    self->onHubAnswer(response, idNumber);
            },
            Qt::QueuedConnection);
    });
}

void HubProgressSource::onHubAnswer(const sync::HubResponse& response, const QString& idNumber)
{
    auto entries = parseCaseLookup(response.httpStatus, response.body);
    if (!entries) {
        // Offline, or a hub that cannot answer: this kiosk's own records, marked offline.
        if (m_offline)
            m_offline->lookupByIdNumber(idNumber);
        else
            Q_EMIT answered({}, false);
        return;
    }
    Q_EMIT answered(*entries, true);
}

} // namespace onewindow
