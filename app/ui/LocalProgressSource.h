#pragma once

#include "app/ui/ProgressSource.h"

#include <QPointer>

namespace onewindow::storage {
class StorageService;
}

namespace onewindow {

// Progress from the kiosk's outbox stubs (offline). Says online=false in every answer so the
// screen tells the resident that only this kiosk's knowledge is shown.
class LocalProgressSource : public ProgressSource
{
    Q_OBJECT
public:
    explicit LocalProgressSource(storage::StorageService* storage, QObject* parent = nullptr);
    void lookupByQueryCode(const QString& queryCode) override;
    void lookupByIdNumber(const QString& idNumber) override;

private:
    QPointer<storage::StorageService> m_storage;
};

} // namespace onewindow
