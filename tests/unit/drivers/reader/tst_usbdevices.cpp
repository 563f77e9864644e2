// USB smart-card reader detection from a sysfs tree (a real directory tree laid out like
// /sys/bus/usb/devices: the kernel's files are plain text, so a temp tree is the real format).
#include "drivers/reader/UsbDevices.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

namespace {
void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
}

void device(const QString& root, const QString& name, const char* vid, const char* pid, const char* product,
            const char* interfaceClass)
{
    writeFile(root + QStringLiteral("/%1/idVendor").arg(name), QByteArray(vid) + '\n');
    writeFile(root + QStringLiteral("/%1/idProduct").arg(name), QByteArray(pid) + '\n');
    if (product)
        writeFile(root + QStringLiteral("/%1/product").arg(name), QByteArray(product) + '\n');
    writeFile(root + QStringLiteral("/%1:1.0/bInterfaceClass").arg(name), QByteArray(interfaceClass) + '\n');
}
} // namespace

class TestUsbDevices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsCcidAndProfiledReadersOnly()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        device(root, QStringLiteral("1-1"), "072f", "2200", "ACR122U PICC Interface", "0b"); // CCID
        device(root, QStringLiteral("1-2"), "046d", "c52b", "USB Receiver", "03");           // a mouse
        device(root, QStringLiteral("1-3.1"), "0400", "c35a", nullptr, "ff");                // vendor class
        QDir().mkpath(root + QStringLiteral("/usb1"));                                       // no ids

        ReaderProfile profile;
        profile.name = QStringLiteral("vendor-sam");
        profile.usbIds = {UsbId{0x0400, 0xc35a}};

        const QList<UsbDevice> found = attachedCardReaders({profile}, root);
        QCOMPARE(found.size(), 2);
        QMap<QString, UsbDevice> byId;
        for (const UsbDevice& d : found)
            byId.insert(d.idString(), d);
        QVERIFY(byId.value(QStringLiteral("072f:2200")).smartCardInterface);
        QCOMPARE(byId.value(QStringLiteral("072f:2200")).product, QStringLiteral("ACR122U PICC Interface"));
        QVERIFY(byId.value(QStringLiteral("072f:2200")).profile.isEmpty());
        QVERIFY(!byId.value(QStringLiteral("0400:c35a")).smartCardInterface);
        QCOMPARE(byId.value(QStringLiteral("0400:c35a")).profile, QStringLiteral("vendor-sam"));
        QVERIFY(!byId.contains(QStringLiteral("046d:c52b")));
    }

    void missingTreeOrGarbageGivesNothing()
    {
        QVERIFY(attachedCardReaders({}, QStringLiteral("/nonexistent/usb")).isEmpty());
        QTemporaryDir dir;
        writeFile(dir.path() + QStringLiteral("/2-1/idVendor"), "zzzz\n");
        writeFile(dir.path() + QStringLiteral("/2-1/idProduct"), "12345678\n");
        writeFile(dir.path() + QStringLiteral("/2-1:1.0/bInterfaceClass"), "0b\n");
        QVERIFY(attachedCardReaders({}, dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUsbDevices)
#include "tst_usbdevices.moc"
