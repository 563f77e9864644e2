#include "app/input/ScriptConverter.h"

#include <opencc.h>

namespace onewindow::input {

namespace {
opencc_t asHandle(void* h)
{
    return static_cast<opencc_t>(h);
}
bool isValid(opencc_t h)
{
    return h != reinterpret_cast<opencc_t>(-1);
}
} // namespace

Expected<std::unique_ptr<ScriptConverter>, QString> ScriptConverter::openSimplifiedToTaiwan()
{
    using Result = Expected<std::unique_ptr<ScriptConverter>, QString>;
    opencc_t handle = opencc_open("s2tw.json");
    if (!isValid(handle))
        return Result::failure(QStringLiteral("OpenCC s2tw.json could not be opened: %1")
                                   .arg(QString::fromUtf8(opencc_error())));
    return Result(std::unique_ptr<ScriptConverter>(new ScriptConverter(handle)));
}

ScriptConverter::~ScriptConverter()
{
    opencc_close(asHandle(m_handle));
}

QString ScriptConverter::convert(const QString& text) const
{
    if (text.isEmpty())
        return text;
    const QByteArray utf8 = text.toUtf8();
    char* converted =
        opencc_convert_utf8(asHandle(m_handle), utf8.constData(), static_cast<size_t>(utf8.size()));
    if (!converted)
        return text;
    QString result = QString::fromUtf8(converted);
    opencc_convert_utf8_free(converted);
    return result;
}

} // namespace onewindow::input
