#include "app/ui/FormController.h"

#include "app/catalog/FieldValidator.h"
#include "app/phone/PhoneRegionDefault.h"
#include "app/ui/LanguageController.h"
#include "app/ui/ResidentMessages.h"
#include "drivers/idcard/Masking.h"
#include "drivers/idcard/SecureWipe.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onewindow {

using namespace catalog;

FormController::FormController(LanguageController* language, QObject* parent)
    : QObject(parent), m_language(language)
{
    if (language) {
        connect(language, &LanguageController::languageChanged, this, [this] {
            Q_EMIT fieldsChanged();
            // Shown problems are sentences: re-render them in the new language.
            for (auto it = m_shownErrors.begin(); it != m_shownErrors.end(); ++it) {
                if (const FormField* f = m_item ? m_item->form.field(it.key()) : nullptr)
                    it.value() = problemFor(*f);
            }
            Q_EMIT errorsChanged();
        });
    }
}

FormController::~FormController()
{
    wipe();
}

QString FormController::lang() const
{
    return m_language ? m_language->language() : QStringLiteral("zh_CN");
}

void FormController::start(const ServiceItem& item, const Identity& identity, const QList<ELicense>& licenses,
                           QDate today)
{
    wipe();
    m_item = &item;
    const BindingResolver resolver(identity, licenses, today);
    for (const FormField& f : item.form.fields) {
        if (!f.binding.isReadOnly())
            continue;
        const ResolvedValue r = resolver.resolve(f.binding);
        if (!r.found)
            continue; // no usable licence: the resident types it (or asks for help)
        m_bound.insert(f.key,
                       {r.value, r.licenseTypeName, r.licenseId, f.binding.kind == Binding::Kind::IdCard});
    }
    m_materials = checkMaterials(item, resolver);
    m_phones.start(item.form, phone::defaultRegionFor(identity));
    Q_EMIT fieldsChanged();
    Q_EMIT errorsChanged();
}

QVariantList FormController::fields() const
{
    QVariantList out;
    if (!m_item)
        return out;
    const QString l = lang();
    for (const FormField& f : m_item->form.fields) {
        const auto bound = m_bound.constFind(f.key);
        const bool readOnly = bound != m_bound.constEnd();
        QVariantList options;
        for (const FormField::Option& o : f.options)
            options.append(
                QVariantMap{{QStringLiteral("value"), o.value}, {QStringLiteral("label"), o.label.in(l)}});
        QString source;
        if (readOnly)
            source = bound->fromCard           ? ResidentMessages::sourceCard()
                     : bound->source.isEmpty() ? QString()
                                               : ResidentMessages::sourceLicense(bound->source);
        QVariantMap field{
            {QStringLiteral("key"), f.key},
            {QStringLiteral("label"), f.label.in(l)},
            {QStringLiteral("type"), QString::fromLatin1(FormField::typeName(f.type))},
            {QStringLiteral("required"), f.required},
            {QStringLiteral("readOnly"), readOnly},
            // Bound values are shown masked: the resident recognises them, a passer-by learns nothing.
            {QStringLiteral("value"), readOnly ? masked(f, bound->value) : m_values.value(f.key)},
            {QStringLiteral("source"), source},
            {QStringLiteral("options"), options},
            {QStringLiteral("help"), f.help.in(l)},
            {QStringLiteral("prompt"), f.spokenPrompt.in(l)},
        };
        if (!readOnly)
            m_phones.decorate(f.key, &field);
        out.append(field);
    }
    return out;
}

QVariantList FormController::materials() const
{
    QVariantList out;
    const QString l = lang();
    for (const MaterialStatus& s : m_materials) {
        out.append(QVariantMap{
            {QStringLiteral("name"), s.material->name.in(l)},
            {QStringLiteral("mode"), QString::fromLatin1(materialModeKey(s.mode))},
            {QStringLiteral("status"), ResidentMessages::materialStatus(materialModeKey(s.mode))}});
    }
    return out;
}

QString FormController::problemFor(const FormField& f) const
{
    if (m_bound.contains(f.key))
        return {};
    const FieldProblem p = validateField(f, m_values.value(f.key));
    if (p == FieldProblem::None)
        return {};
    const char* key =
        p == FieldProblem::BadPhone ? phoneProblemKey(m_values.value(f.key)) : fieldProblemKey(p);
    return ResidentMessages::fieldProblem(key, f.min.value_or(0), f.max.value_or(0));
}

bool FormController::setValue(const QString& key, const QString& value)
{
    const FormField* f = m_item ? m_item->form.field(key) : nullptr;
    if (!f || m_bound.contains(key))
        return false;
    QString& slot = m_values[key];
    secureWipe(slot);
    slot = m_phones.isPhone(key) ? m_phones.setDigits(key, value) : value;
    // No red while the resident is still typing (issue 19.9): a problem appears when the field
    // is left or on 下一步; one already shown follows the value (and goes when it is fixed).
    const QString problem = problemFor(*f);
    if (problem.isEmpty())
        m_shownErrors.remove(key);
    else if (m_shownErrors.contains(key))
        m_shownErrors.insert(key, problem);
    Q_EMIT errorsChanged();
    return true;
}

void FormController::finishField(const QString& key)
{
    const FormField* f = m_item ? m_item->form.field(key) : nullptr;
    if (!f || m_bound.contains(key) || m_values.value(key).isEmpty())
        return; // an empty field the resident only passed through is not an error yet
    const QString problem = problemFor(*f);
    if (problem.isEmpty())
        m_shownErrors.remove(key);
    else
        m_shownErrors.insert(key, problem);
    Q_EMIT errorsChanged();
}

QString FormController::errorSummary() const
{
    if (m_shownErrors.isEmpty())
        return {};
    return QCoreApplication::translate("FormController", "%n entry(ies) still to fill in", "",
                                       int(m_shownErrors.size()));
}

bool FormController::setPhoneRegion(const QString& key, const QString& region)
{
    if (!m_item || !m_item->form.field(key) || !m_phones.setRegion(key, region))
        return false;
    // The same digits in the new region; a problem shows once something was typed.
    const QString digits = m_phones.digits(key);
    if (!digits.isEmpty() || m_shownErrors.contains(key)) {
        const bool ok = setValue(key, digits);
        if (ok && !digits.isEmpty())
            finishField(key); // a deliberate choice: the number is judged in its new region now
        return ok;
    }
    Q_EMIT errorsChanged(); // the picker's choice is in phoneStates
    return true;
}

bool FormController::validateAll()
{
    if (!m_item)
        return false;
    m_shownErrors.clear();
    for (const FormField& f : m_item->form.fields) {
        const QString problem = problemFor(f);
        if (!problem.isEmpty())
            m_shownErrors.insert(f.key, problem);
    }
    Q_EMIT errorsChanged();
    if (m_shownErrors.isEmpty())
        return true;
    for (const FormField& f : m_item->form.fields) {
        if (m_shownErrors.contains(f.key)) {
            Q_EMIT attentionNeeded(f.key, errorSummary() + QStringLiteral(". ") + f.label.in(lang()) +
                                              QStringLiteral(": ") + m_shownErrors.value(f.key).toString());
            break;
        }
    }
    return false;
}

bool FormController::complete() const
{
    if (!m_item)
        return false;
    for (const FormField& f : m_item->form.fields) {
        if (!problemFor(f).isEmpty())
            return false;
    }
    return true;
}

QString FormController::masked(const FormField& f, const QString& value) const
{
    if (value.isEmpty())
        return value;
    if (f.type == FormField::Type::IdNumber)
        return maskIdNumber(value);
    if (f.type == FormField::Type::Phone)
        return PhoneFields::masked(value);
    const Binding& b = f.binding;
    // Face fields follow the GB/T 36903 naming: …XM = a name (姓名), …ZZ/ZL/DZ = an address.
    const bool faceName = b.kind == Binding::Kind::LicenseFace && b.field.endsWith(QLatin1String("XM"));
    const bool faceAddress = b.kind == Binding::Kind::LicenseFace &&
                             (b.field.endsWith(QLatin1String("ZZ")) ||
                              b.field.endsWith(QLatin1String("ZL")) || b.field.endsWith(QLatin1String("DZ")));
    if (faceName || b.kind == Binding::Kind::LicenseHolder ||
        (b.kind == Binding::Kind::IdCard && b.field == QLatin1String("name")))
        return maskName(value);
    if (faceAddress || (b.kind == Binding::Kind::IdCard && b.field == QLatin1String("address")))
        return maskAddress(value);
    if (b.kind == Binding::Kind::LicenseNumber || f.key.contains(QLatin1String("card")))
        return value.size() > 4 ? QString(value.size() - 4, QLatin1Char('*')) + value.right(4) : value;
    return value;
}

QVariantList FormController::reviewRows() const
{
    QVariantList out;
    if (!m_item)
        return out;
    const QString l = lang();
    for (const FormField& f : m_item->form.fields) {
        QString v = m_bound.contains(f.key) ? m_bound.value(f.key).value : m_values.value(f.key);
        if (f.type == FormField::Type::Select) {
            for (const FormField::Option& o : f.options) {
                if (o.value == v)
                    v = o.label.in(l);
            }
        } else if (f.type == FormField::Type::Checkbox) {
            v = ResidentMessages::yesNo(v == QLatin1String("true"));
        }
        // Typed values in full, so the resident can catch a typo before submitting (issue
        // 19.7); what came from the card and the licences stays masked, as on the form.
        const bool fromDocuments = m_bound.contains(f.key);
        if (!fromDocuments && m_phones.isPhone(f.key) && !v.isEmpty()) {
            const QString display =
                m_phones.states().value(f.key).toMap().value(QStringLiteral("display")).toString();
            if (!display.isEmpty())
                v = display; // "+86 138 0013 8000": formatted as on the form, in full
        }
        out.append(QVariantMap{{QStringLiteral("label"), f.label.in(l)},
                               {QStringLiteral("value"), fromDocuments ? masked(f, v) : v}});
    }
    return out;
}

QJsonObject FormController::payload() const
{
    QJsonObject fields;
    QJsonArray bindings;
    if (!m_item)
        return {};
    for (const FormField& f : m_item->form.fields) {
        const auto bound = m_bound.constFind(f.key);
        const QString v = bound != m_bound.constEnd() ? bound->value : m_values.value(f.key);
        if (!v.isEmpty())
            fields.insert(f.key, v);
        if (bound != m_bound.constEnd()) {
            QJsonObject b{{QStringLiteral("field"), f.key}, {QStringLiteral("binding"), f.bindingText}};
            if (!bound->licenseId.isEmpty())
                b.insert(QStringLiteral("license_id"), bound->licenseId);
            bindings.append(b);
        }
    }
    QJsonArray materials;
    for (const MaterialStatus& s : m_materials) {
        QJsonObject m{{QStringLiteral("material_id"), s.material->code},
                      {QStringLiteral("mode"), QString::fromLatin1(materialModeKey(s.mode)).toUpper()}};
        if (!s.licenseId.isEmpty())
            m.insert(QStringLiteral("license_id"), s.licenseId);
        materials.append(m);
    }
    return {{QStringLiteral("schema_version"), m_item->form.version},
            {QStringLiteral("data"), fields},
            {QStringLiteral("bindings_used"), bindings},
            {QStringLiteral("materials"), materials}};
}

QStringList FormController::licensesUsed() const
{
    QStringList out;
    for (const Bound& b : m_bound) {
        if (!b.licenseId.isEmpty() && !out.contains(b.licenseId))
            out.append(b.licenseId);
    }
    for (const MaterialStatus& s : m_materials) {
        if (!s.licenseId.isEmpty() && !out.contains(s.licenseId))
            out.append(s.licenseId);
    }
    return out;
}

QString FormController::serviceItemCode() const
{
    return m_item ? m_item->implementCode : QString();
}

QString FormController::serviceItemName() const
{
    return m_item ? m_item->name.in(QStringLiteral("zh_CN")) : QString();
}

int FormController::formVersion() const
{
    return m_item ? m_item->form.version : 0;
}

void FormController::wipe()
{
    const bool had = m_item || !m_values.isEmpty() || !m_bound.isEmpty();
    // Shared wipes: QML's copies of these values (the form's JavaScript strings) share the
    // buffers and would otherwise outlive the session.
    for (QString& v : m_values)
        secureWipeShared(v);
    for (Bound& b : m_bound) {
        secureWipeShared(b.value);
        secureWipe(b.licenseId);
    }
    m_values.clear();
    m_phones.wipe();
    m_bound.clear();
    m_materials.clear();
    m_shownErrors.clear();
    m_item = nullptr;
    if (had) {
        Q_EMIT fieldsChanged();
        Q_EMIT errorsChanged();
    }
}

bool FormController::holdsNoResidentData() const
{
    return !m_item && m_values.isEmpty() && m_bound.isEmpty() && m_shownErrors.isEmpty();
}

} // namespace onewindow
