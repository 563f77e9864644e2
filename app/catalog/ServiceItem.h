#pragma once

#include "app/catalog/FormSchema.h"
#include "app/catalog/LocalizedText.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace onewindow::catalog {

// A material (申请材料) of a service item; `licenseTypes` makes it 免提交 when the resident
// holds a usable licence of one of those types (gov-standards.md §7.3).
struct Material
{
    enum class Alternative
    {
        Counter,   // hand the paper in at the counter
        Tolerance, // 容缺: may follow later
        Promise,   // 告知承诺: the resident's written promise replaces it
        Card,      // the ID card just read is the material
    };
    QString code;
    LocalizedText name;
    QStringList licenseTypes;
    bool required = true;
    Alternative alternative = Alternative::Counter;
};

struct ServiceItem
{
    QString implementCode; // 实施编码: the key everywhere
    QString basicCode;
    LocalizedText name;
    QString categoryKey;
    QString departmentKey;
    LocalizedText departmentName;
    QString type;
    LocalizedText conditions;
    int promisedDays = 0;
    int legalDays = 0;
    LocalizedText fee;
    LocalizedText location;
    LocalizedText hours;
    LocalizedText resultPickup;
    bool selfService = true;
    LocalizedText whereInstead; // for items the kiosk cannot handle
    QList<Material> materials;
    FormSchema form;
};

} // namespace onewindow::catalog
