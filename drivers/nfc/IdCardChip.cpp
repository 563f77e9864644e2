#include "drivers/nfc/IdCardChip.h"

namespace onewindow::idcardchip {

QByteArray reqb()
{
    return QByteArray::fromHex("050000");
}

QByteArray attrib()
{
    return QByteArray::fromHex("1D0000000000080108");
}

QByteArray getUid()
{
    return QByteArray::fromHex("0036000008");
}

bool isAtqb(const QByteArray& answer)
{
    return answer.size() == 12 && quint8(answer.at(0)) == 0x50;
}

bool isAttribAccepted(const QByteArray& answer)
{
    return answer.size() == 1 && quint8(answer.at(0)) == 0x08;
}

std::optional<QByteArray> chipSerial(const QByteArray& answer)
{
    if (answer.size() != 10 || quint8(answer.at(8)) != 0x90 || quint8(answer.at(9)) != 0x00)
        return std::nullopt;
    return answer.left(8);
}

QByteArray statusWord(const QByteArray& answer)
{
    if (answer.size() < 2)
        return QByteArrayLiteral("--");
    return answer.right(2).toHex(' ').toUpper();
}

} // namespace onewindow::idcardchip
