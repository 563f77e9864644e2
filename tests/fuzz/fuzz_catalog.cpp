// Fuzz target: the service catalogue and its form schemas (GET /v1/catalog, resources/demo/
// catalog.json) — parsing, searching, and validating typed values against every field,
// including the hub-supplied validation.pattern regular expressions (which run on the GUI
// thread at every keystroke, so none may take long). First byte: 0 = a whole catalogue, the
// value to validate taken from its tail; 1 = "pattern\nvalue" for one text field.
#include "app/catalog/Catalog.h"
#include "app/catalog/FieldValidator.h"

#include <QJsonArray>
#include <cstddef>
#include <cstdint>

using namespace onewindow;
using namespace onewindow::catalog;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    if (data[0] & 1) {
        const qsizetype nl = bytes.indexOf('\n');
        FormField field;
        field.key = QStringLiteral("f");
        field.pattern = QString::fromUtf8(nl < 0 ? bytes : bytes.left(nl));
        const QString value = nl < 0 ? QString() : QString::fromUtf8(bytes.mid(nl + 1));
        QStringList errors;
        const FormSchema schema = FormSchema::fromJson(
            QJsonObject{{QStringLiteral("fields"),
                         QJsonArray{QJsonObject{{QStringLiteral("key"), field.key},
                                                {QStringLiteral("type"), QStringLiteral("text")},
                                                {QStringLiteral("validation"),
                                                 QJsonObject{{QStringLiteral("pattern"), field.pattern}}}}}}},
            &errors);
        for (const FormField& f : schema.fields)
            (void)validateField(f, value);
        return 0;
    }
    auto catalog = Catalog::fromJson(bytes);
    if (!catalog)
        return 0;
    const QString value = QString::fromUtf8(bytes.right(std::min<qsizetype>(bytes.size(), 40)));
    for (const ServiceItem& item : catalog.value().items()) {
        for (const FormField& f : item.form.fields) {
            (void)validateField(f, value);
            for (const FormField::Option& o : f.options)
                (void)validateField(f, o.value);
        }
        (void)catalog.value().itemsInCategory(item.categoryKey);
        (void)catalog.value().item(item.implementCode);
    }
    (void)catalog.value().search(value);
    return 0;
}
