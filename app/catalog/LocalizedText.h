#pragma once

#include <QJsonValue>
#include <QMap>
#include <QString>
#include <functional>

namespace onewindow::catalog {

// A text the hub sends in several languages ({"zh_CN": …, "en": …}) or as one plain string
// (taken as zh_CN). A missing zh_TW text is derived from zh_CN with the traditional-script
// converter the application installs (OpenCC s2tw; app/input), else shown as zh_CN; every
// language finally falls back to any text there is, so a screen never shows an empty label
// because one translation is missing.
class LocalizedText
{
public:
    LocalizedText() = default;
    explicit LocalizedText(const QString& zhCN) { m_texts.insert(QStringLiteral("zh_CN"), zhCN); }
    static LocalizedText fromJson(const QJsonValue& v);

    QString in(const QString& language) const;
    bool isEmpty() const { return m_texts.isEmpty(); }
    // True when any language contains `needle` (case-insensitive): used by search.
    bool contains(const QString& needle) const;

    // Simplified → traditional (Taiwan) for zh_TW texts the catalogue does not carry. Set once
    // by the composition root before the catalogue is shown; empty = no conversion.
    using Converter = std::function<QString(const QString&)>;
    static void setTraditionalConverter(Converter converter);

private:
    QMap<QString, QString> m_texts;
    mutable QMap<QString, QString> m_derived; // zh_TW made by the converter, once per text
};

} // namespace onewindow::catalog
