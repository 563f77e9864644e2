#pragma once

#include <QJsonValue>
#include <QMap>
#include <QString>

namespace onewindow::catalog {

// A text the hub sends in several languages ({"zh_CN": …, "en": …}) or as one plain string
// (taken as zh_CN). zh_TW falls back to zh_CN, every language finally to any text there is,
// so a screen never shows an empty label because one translation is missing.
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

private:
    QMap<QString, QString> m_texts;
};

} // namespace onewindow::catalog
