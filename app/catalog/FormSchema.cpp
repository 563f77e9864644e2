#include "app/catalog/FormSchema.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace onewindow::catalog {

namespace {

struct TypeName
{
    FormField::Type type;
    const char* name;
};
constexpr TypeName kTypes[] = {
    {FormField::Type::Text, "text"},     {FormField::Type::Number, "number"},
    {FormField::Type::Date, "date"},     {FormField::Type::Select, "select"},
    {FormField::Type::Region, "region"}, {FormField::Type::Phone, "phone"},
    {FormField::Type::IdNumber, "idno"}, {FormField::Type::Checkbox, "checkbox"},
};

} // namespace

const char* FormField::typeName(Type t)
{
    for (const TypeName& n : kTypes) {
        if (n.type == t)
            return n.name;
    }
    return "text";
}

bool FormField::typeFromName(const QString& name, Type* out)
{
    for (const TypeName& n : kTypes) {
        if (name == QLatin1String(n.name)) {
            *out = n.type;
            return true;
        }
    }
    return false;
}

FormSchema FormSchema::fromJson(const QJsonObject& o, QStringList* errors)
{
    auto report = [errors](const QString& e) {
        if (errors)
            errors->append(e);
    };
    FormSchema s;
    s.version = o.value(QStringLiteral("version")).toInt(1);
    for (const QJsonValue& v : o.value(QStringLiteral("fields")).toArray()) {
        const QJsonObject f = v.toObject();
        FormField field;
        field.key = f.value(QStringLiteral("key")).toString();
        if (field.key.isEmpty()) {
            report(QStringLiteral("field without key"));
            continue;
        }
        field.label = LocalizedText::fromJson(f.value(QStringLiteral("label")));
        const QString type = f.value(QStringLiteral("type")).toString(QStringLiteral("text"));
        if (!FormField::typeFromName(type, &field.type))
            report(QStringLiteral("%1: unknown type %2").arg(field.key, type));
        field.required = f.value(QStringLiteral("required")).toBool(true);
        field.bindingText = f.value(QStringLiteral("binding")).toString();
        field.binding = Binding::parse(field.bindingText);
        if (field.binding.kind == Binding::Kind::Invalid)
            report(QStringLiteral("%1: bad binding").arg(field.key));
        for (const QJsonValue& ov : f.value(QStringLiteral("options")).toArray()) {
            const QJsonObject opt = ov.toObject();
            field.options.append({opt.value(QStringLiteral("value")).toString(),
                                  LocalizedText::fromJson(opt.value(QStringLiteral("label")))});
        }
        if (field.type == FormField::Type::Select && field.options.isEmpty())
            report(QStringLiteral("%1: select without options").arg(field.key));
        const QJsonObject val = f.value(QStringLiteral("validation")).toObject();
        field.pattern = val.value(QStringLiteral("pattern")).toString();
        if (!field.pattern.isEmpty()) {
            auto compiled = FieldPattern::compile(field.pattern);
            if (compiled) {
                field.compiledPattern = std::make_shared<const FieldPattern>(std::move(compiled).value());
            } else {
                report(QStringLiteral("%1: %2").arg(field.key, compiled.error()));
                field.pattern.clear();
            }
        }
        if (val.contains(QStringLiteral("min")))
            field.min = val.value(QStringLiteral("min")).toDouble();
        if (val.contains(QStringLiteral("max")))
            field.max = val.value(QStringLiteral("max")).toDouble();
        field.help = LocalizedText::fromJson(f.value(QStringLiteral("help")));
        field.spokenPrompt = LocalizedText::fromJson(f.value(QStringLiteral("tts")));
        s.fields.append(field);
    }
    return s;
}

const FormField* FormSchema::field(const QString& key) const
{
    for (const FormField& f : fields) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

} // namespace onewindow::catalog
