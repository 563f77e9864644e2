#include "app/catalog/MaterialCheck.h"

namespace onewindow::catalog {

QList<MaterialStatus> checkMaterials(const ServiceItem& item, const BindingResolver& licenses)
{
    QList<MaterialStatus> out;
    for (const Material& m : item.materials) {
        MaterialStatus s;
        s.material = &m;
        const ELicense* found = nullptr;
        for (const QString& type : m.licenseTypes) {
            if ((found = licenses.usableLicense(type)))
                break;
        }
        if (found) {
            s.mode = MaterialStatus::Mode::License;
            s.licenseId = found->licenseId;
            s.licenseTypeName = found->typeName;
        } else {
            switch (m.alternative) {
            case Material::Alternative::Card:
                s.mode = MaterialStatus::Mode::Card;
                break;
            case Material::Alternative::Tolerance:
                s.mode = MaterialStatus::Mode::Tolerance;
                break;
            case Material::Alternative::Promise:
                s.mode = MaterialStatus::Mode::Promise;
                break;
            case Material::Alternative::Counter:
                s.mode = MaterialStatus::Mode::Counter;
                break;
            }
        }
        out.append(s);
    }
    return out;
}

const char* materialModeKey(MaterialStatus::Mode m)
{
    switch (m) {
    case MaterialStatus::Mode::License:
        return "license";
    case MaterialStatus::Mode::Card:
        return "card";
    case MaterialStatus::Mode::Counter:
        return "counter";
    case MaterialStatus::Mode::Tolerance:
        return "tolerance";
    case MaterialStatus::Mode::Promise:
        return "promise";
    }
    return "counter";
}

} // namespace onewindow::catalog
