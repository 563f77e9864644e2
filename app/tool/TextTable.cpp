#include "app/tool/TextTable.h"

#include <QJsonDocument>

namespace onewindow::tool {

void TextTable::add(const QString& label, const QString& value)
{
    m_rows.append({label, value});
}

QString TextTable::toString() const
{
    qsizetype width = 0;
    for (const auto& row : m_rows)
        width = qMax(width, row.first.size() + 1); // + ':'
    QString out;
    for (const auto& row : m_rows) {
        const QString label = row.first + QLatin1Char(':');
        out += label.leftJustified(width + 2, QLatin1Char(' ')) + row.second + QLatin1Char('\n');
    }
    return out;
}

QByteArray jsonBytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace onewindow::tool
