#pragma once

#include "drivers/reader/ReaderProfile.h"

#include <QList>
#include <QString>

namespace onewindow {

// A USB device as the kernel lists it in sysfs. Used for diagnostics only: it lets the kiosk
// say "a smart-card reader is plugged in but nothing can use it" (no driver, unsupported)
// instead of "no reader" (AusweisApp's ReaderDetector does the same with libudev; sysfs needs
// no extra library and no udev, which test machines lack).
struct UsbDevice
{
    UsbId id;
    QString product;                 // the device's product string, when it has one
    bool smartCardInterface = false; // an interface of class 0x0B (CCID)
    QString profile;                 // the reader profile whose usb ids list this device, or empty

    QString idString() const; // "072f:2200"
};

// Devices under `sysfsRoot` (default /sys/bus/usb/devices) that are smart-card readers: those
// with a CCID interface and those a profile lists by VID:PID. A missing or unreadable tree gives
// an empty list.
QList<UsbDevice> attachedCardReaders(const QList<ReaderProfile>& profiles,
                                     const QString& sysfsRoot = QStringLiteral("/sys/bus/usb/devices"));

} // namespace onewindow
