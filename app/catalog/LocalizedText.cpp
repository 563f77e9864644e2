#include "app/catalog/LocalizedText.h"

#include <QJsonObject>

namespace onewindow::catalog {

namespace {
LocalizedText::Converter& traditionalConverter()
{
    static LocalizedText::Converter converter;
    return converter;
}
} // namespace

void LocalizedText::setTraditionalConverter(Converter converter)
{
    traditionalConverter() = std::move(converter);
}

LocalizedText LocalizedText::fromJson(const QJsonValue& v)
{
    LocalizedText t;
    if (v.isString()) {
        if (!v.toString().isEmpty())
            t.m_texts.insert(QStringLiteral("zh_CN"), v.toString());
        return t;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isString() && !it.value().toString().isEmpty())
            t.m_texts.insert(it.key(), it.value().toString());
    }
    return t;
}

QString LocalizedText::in(const QString& language) const
{
    if (const auto it = m_texts.constFind(language); it != m_texts.constEnd())
        return *it;
    if (language == QLatin1String("zh_TW")) {
        if (const auto it = m_texts.constFind(QStringLiteral("zh_CN")); it != m_texts.constEnd()) {
            if (!traditionalConverter())
                return *it;
            auto derived = m_derived.constFind(language);
            if (derived == m_derived.constEnd())
                derived = m_derived.insert(language, traditionalConverter()(*it));
            return *derived;
        }
    }
    if (language != QLatin1String("en")) {
        if (const auto it = m_texts.constFind(QStringLiteral("zh_CN")); it != m_texts.constEnd())
            return *it;
    }
    if (const auto it = m_texts.constFind(QStringLiteral("en")); it != m_texts.constEnd())
        return *it;
    return m_texts.isEmpty() ? QString() : m_texts.first();
}

bool LocalizedText::contains(const QString& needle) const
{
    for (const QString& text : m_texts) {
        if (text.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace onewindow::catalog
