#pragma once

#include "app/sync/HubClient.h"
#include "app/ui/ProgressSource.h"

#include <QPointer>
#include <memory>

namespace onewindow {

// 办件查询 from the hub when it answers (POST /v1/cases:lookup), from this kiosk's own outbox
// stubs when it does not (and the screen says so). Query codes are this kiosk's: they are
// answered from the local stubs, whose states the sync engine keeps current.
class HubProgressSource : public ProgressSource
{
    Q_OBJECT
public:
    HubProgressSource(std::shared_ptr<sync::HubClient> hub, ProgressSource* offline,
                      QObject* parent = nullptr);

    void lookupByQueryCode(const QString& queryCode) override;
    void lookupByIdNumber(const QString& idNumber) override;

private:
    void onHubAnswer(const sync::HubResponse& response, const QString& idNumber);

    std::shared_ptr<sync::HubClient> m_hub;
    QPointer<ProgressSource> m_offline;
};

} // namespace onewindow
