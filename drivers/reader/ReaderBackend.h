#pragma once

#include "drivers/idcard/Identity.h"
#include "drivers/reader/ReaderInfo.h"

#include <QObject>
#include <functional>
#include <memory>

namespace onewindow {

// One kind of reader (sim, pcsc, serial, nfc). A backend is created on the reader thread and
// lives there; it may block that thread only for bounded I/O. It reports only value types.
class ReaderBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ReaderBackend() override = default;

    virtual QString backendName() const = 0;
    virtual void start() = 0; // begin watching for readers and cards
    virtual void stop() = 0;  // release every device; no signal after this returns

Q_SIGNALS:
    void readerAdded(const onewindow::ReaderInfo& info);
    void readerChanged(const onewindow::ReaderInfo& info);
    void readerRemoved(const QString& readerName);
    void cardPresent(const QString& readerName);
    void cardRead(const QString& readerName, const onewindow::Identity& identity);
    void cardRemoved(const QString& readerName);
    void readFailed(const QString& readerName, onewindow::ReadError error);
    // The 8-byte chip serial (居民身份证专用集成电路序列号), after cardPresent, from readers that
    // identify the chip but cannot decode the person (contactless PC/SC, NFC without a relay).
    // Not an Identity: an identity with only a serial would fail the ID-number checks.
    void chipSerialRead(const QString& readerName, const QByteArray& serial);
};

// Builds a backend; called on the reader thread. main.cpp registers one per backend name.
using ReaderBackendFactory = std::function<std::unique_ptr<ReaderBackend>()>;

} // namespace onewindow
