#pragma once

#include "app/catalog/Binding.h"
#include "app/catalog/ServiceItem.h"

namespace onewindow::catalog {

// How one material is provided for this resident: by a licence they hold (已引用电子证照，
// 免提交), by the card just read, or by the item's alternative (counter, 容缺, 告知承诺).
struct MaterialStatus
{
    enum class Mode
    {
        License,
        Card,
        Counter,
        Tolerance,
        Promise,
    };
    const Material* material = nullptr;
    Mode mode = Mode::Counter;
    QString licenseId; // Mode::License
    QString licenseTypeName;
};

QList<MaterialStatus> checkMaterials(const ServiceItem& item, const BindingResolver& licenses);
const char* materialModeKey(MaterialStatus::Mode m); // "license", "card", "counter", "tolerance", "promise"

} // namespace onewindow::catalog
