#include "drivers/reader/UsbDevices.h"

#include <QDir>
#include <QFile>
#include <QMap>

namespace onewindow {

namespace {
QString readAttribute(const QString& dir, const char* name)
{
    QFile f(dir + QLatin1Char('/') + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.read(256)).trimmed();
}

bool parseHex16(const QString& text, quint16* out)
{
    bool ok = false;
    const uint v = text.toUInt(&ok, 16);
    if (!ok || v > 0xFFFF)
        return false;
    *out = quint16(v);
    return true;
}
} // namespace

QString UsbDevice::idString() const
{
    return QStringLiteral("%1:%2")
        .arg(id.vendor, 4, 16, QLatin1Char('0'))
        .arg(id.product, 4, 16, QLatin1Char('0'));
}

QList<UsbDevice> attachedCardReaders(const QList<ReaderProfile>& profiles, const QString& sysfsRoot)
{
    const QDir root(sysfsRoot);
    QMap<QString, UsbDevice> devices; // by sysfs device name ("1-1.2")
    QStringList interfaces;
    for (const QString& entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System)) {
        const QString dir = root.filePath(entry);
        if (entry.contains(QLatin1Char(':'))) { // "1-1.2:1.0": an interface of device "1-1.2"
            interfaces << entry;
            continue;
        }
        UsbDevice d;
        if (!parseHex16(readAttribute(dir, "idVendor"), &d.id.vendor) ||
            !parseHex16(readAttribute(dir, "idProduct"), &d.id.product))
            continue; // hubs' root entries without ids, or not a device
        d.product = readAttribute(dir, "product");
        devices.insert(entry, d);
    }
    for (const QString& entry : interfaces) {
        const QString device = entry.section(QLatin1Char(':'), 0, 0);
        auto it = devices.find(device);
        if (it != devices.end() && readAttribute(root.filePath(entry), "bInterfaceClass")
                                           .compare(QLatin1String("0b"), Qt::CaseInsensitive) == 0)
            it->smartCardInterface = true;
    }
    QList<UsbDevice> readers;
    for (UsbDevice d : devices) {
        for (const ReaderProfile& p : profiles) {
            if (p.usbIds.contains(d.id)) {
                d.profile = p.name;
                break;
            }
        }
        if (d.smartCardInterface || !d.profile.isEmpty())
            readers << d;
    }
    return readers;
}

} // namespace onewindow
