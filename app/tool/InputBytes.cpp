#include "app/tool/InputBytes.h"

#include "drivers/idcard/SamFrame.h"
#include "drivers/idcard/SamStatus.h"
#include "drivers/idcard/SecureWipe.h"

#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QStringDecoder>
#include <cstdio>

namespace onewindow::tool::input {

namespace {

Expected<QByteArray, QString> readDevice(QIODevice& device, const QString& what)
{
    QByteArray data;
    while (true) {
        const QByteArray chunk = device.read(64 * 1024);
        if (chunk.isEmpty())
            break; // end of input (or a read error, which leaves what was read)
        data.append(chunk);
        if (data.size() > kMaxInputBytes) {
            secureWipe(data);
            return Expected<QByteArray, QString>::failure(
                QStringLiteral("%1 is too large (more than %2 bytes); expected a 256-byte text block")
                    .arg(what)
                    .arg(kMaxInputBytes));
        }
    }
    return data;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

Expected<QByteArray, QString> readAll(const QString& path, QIODevice* standardInput)
{
    if (path == QLatin1String("-")) {
        if (standardInput)
            return readDevice(*standardInput, QStringLiteral("standard input"));
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return Expected<QByteArray, QString>::failure(QStringLiteral("cannot read standard input"));
        return readDevice(in, QStringLiteral("standard input"));
    }
    const QFileInfo info(path);
    if (!info.exists())
        return Expected<QByteArray, QString>::failure(
            QStringLiteral("cannot read '%1': no such file").arg(path));
    if (info.isDir())
        return Expected<QByteArray, QString>::failure(
            QStringLiteral("cannot read '%1': is a directory").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Expected<QByteArray, QString>::failure(
            QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
    if (file.size() > kMaxInputBytes)
        return Expected<QByteArray, QString>::failure(
            QStringLiteral("'%1' is too large (%2 bytes); expected a 256-byte text block")
                .arg(path)
                .arg(file.size()));
    return readDevice(file, QStringLiteral("'%1'").arg(path));
}

bool looksLikeText(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return false;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v')
            return false;
        if (c == 0x7F)
            return false;
    }
    // Comments may carry non-ASCII text; it must be valid UTF-8 to count as text.
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString decoded = decoder.decode(bytes);
    const bool valid = !decoder.hasError();
    secureWipe(decoded);
    return valid;
}

Expected<QByteArray, QString> parseHex(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() / 2);
    int high = -1;
    int line = 1;
    const qsizetype n = text.size();
    qsizetype start = 0;
    if (n >= 3 && text.first(3) == QByteArrayView("\xEF\xBB\xBF"))
        start = 3; // a UTF-8 byte-order mark, as some editors write
    for (qsizetype i = start; i < n; ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            continue;
        }
        if (c == '#') { // comment to the end of the line
            while (i + 1 < n && text[i + 1] != '\n')
                ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == ':' || c == '-' || c == ',')
            continue;
        // "0x" / "0X" prefix: only at the start of a byte ("x" is never a hex digit).
        if (high < 0 && c == '0' && i + 1 < n && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
            ++i;
            continue;
        }
        const int v = hexValue(c);
        if (v < 0) {
            secureWipe(out);
            const auto uc = static_cast<unsigned char>(c);
            const QString shown = (uc >= 0x21 && uc < 0x7F)
                                      ? QStringLiteral("'%1'").arg(QLatin1Char(c))
                                      : QStringLiteral("byte 0x%1").arg(uint(uc), 2, 16, QLatin1Char('0'));
            return Expected<QByteArray, QString>::failure(
                QStringLiteral("malformed hex input: unexpected %1 on line %2").arg(shown).arg(line));
        }
        if (high < 0) {
            high = v;
        } else {
            out.append(char((high << 4) | v));
            high = -1;
        }
    }
    if (high >= 0) {
        secureWipe(out);
        return Expected<QByteArray, QString>::failure(
            QStringLiteral("malformed hex input: odd number of hex digits"));
    }
    if (out.isEmpty())
        return Expected<QByteArray, QString>::failure(QStringLiteral("malformed hex input: no hex digits"));
    return out;
}

Expected<QByteArray, QString> decodeBinaryOrHex(QByteArrayView raw)
{
    if (raw.isEmpty())
        return Expected<QByteArray, QString>::failure(QStringLiteral("the input is empty"));
    if (startsWithSamPreamble(raw) || !looksLikeText(raw))
        return raw.toByteArray();
    return parseHex(raw);
}

bool startsWithSamPreamble(QByteArrayView bytes)
{
    if (bytes.size() < sam::kPreambleSize)
        return false;
    for (int i = 0; i < sam::kPreambleSize; ++i) {
        if (static_cast<std::uint8_t>(bytes[i]) != sam::kPreamble[i])
            return false;
    }
    return true;
}

Expected<QByteArray, QString> textBlockFrom(QByteArrayView bytes)
{
    if (!startsWithSamPreamble(bytes))
        return bytes.toByteArray();

    auto response = sam::parseResponse(bytes);
    if (!response)
        return Expected<QByteArray, QString>::failure(
            QStringLiteral("malformed SAM frame: %1")
                .arg(QLatin1String(sam::frameErrorName(response.error()))));
    const std::uint8_t sw3 = response->sw3;
    if (sw3 != static_cast<std::uint8_t>(SamStatus::Success)) {
        secureWipe(response.value().data);
        return Expected<QByteArray, QString>::failure(
            QStringLiteral("the SAM frame is not a successful read: SW3 0x%1 (%2)")
                .arg(uint(sw3), 2, 16, QLatin1Char('0'))
                .arg(samStatusMeaning(sw3, QStringLiteral("en"))));
    }
    // 30 01 (text + photo) or 30 10 (text + photo + fingerprint): the length fields decide.
    auto payload = sam::splitReadPayload(response->data, false);
    if (!payload)
        payload = sam::splitReadPayload(response->data, true);
    secureWipe(response.value().data);
    if (!payload)
        return Expected<QByteArray, QString>::failure(
            QStringLiteral("the SAM frame does not carry a read payload (TextLen/PhotoLen do not match)"));
    QByteArray text = payload->text;
    secureWipe(payload.value().text);
    secureWipe(payload.value().photo);
    secureWipe(payload.value().fingerprint);
    return text;
}

} // namespace onewindow::tool::input
