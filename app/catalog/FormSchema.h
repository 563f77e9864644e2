#pragma once

#include "app/catalog/Binding.h"
#include "app/catalog/FieldPattern.h"
#include "app/catalog/LocalizedText.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace onewindow::catalog {

// One field of a form schema (DESIGN.md §8). The renderer picks a control by `type`; no
// service item has QML of its own.
struct FormField
{
    enum class Type
    {
        Text,
        Number,
        Date,
        Select,
        Region,
        Phone,
        IdNumber,
        Checkbox
    };
    struct Option
    {
        QString value;
        LocalizedText label;
    };

    QString key;
    LocalizedText label;
    Type type = Type::Text;
    bool required = true;
    Binding binding;
    QString bindingText;   // as written in the schema, for the payload's bindings_used
    QList<Option> options; // Select
    QString pattern;       // validation regex (whole value), as the catalogue gives it
    std::shared_ptr<const FieldPattern> compiledPattern; // set by FormSchema::fromJson
    std::optional<double> min;
    std::optional<double> max;
    LocalizedText help;
    LocalizedText spokenPrompt;

    static const char* typeName(Type t); // "text", "number", …
    static bool typeFromName(const QString& name, Type* out);
};

struct FormSchema
{
    int version = 1;
    QList<FormField> fields;

    // Fields parse leniently; `errors` collects what a catalogue author must fix (unknown
    // type, bad binding, select without options, invalid or unsafe regex). The field stays
    // usable; a refused pattern is dropped.
    static FormSchema fromJson(const QJsonObject& o, QStringList* errors = nullptr);
    const FormField* field(const QString& key) const;
};

} // namespace onewindow::catalog
