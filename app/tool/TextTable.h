#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace onewindow::tool {

// The human-readable output: "Label:   value" rows with the values aligned.
class TextTable
{
public:
    void add(const QString& label, const QString& value);
    bool isEmpty() const { return m_rows.isEmpty(); }
    QString toString() const;

private:
    QList<std::pair<QString, QString>> m_rows;
};

// The --json output: indented UTF-8 with a trailing newline (key order is QJsonObject's).
QByteArray jsonBytes(const QJsonObject& object);

} // namespace onewindow::tool
