#pragma once

#include "drivers/reader/ReaderBackend.h"
#include "drivers/serial/SerialSamPort.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace onewindow {

// SAM modules on ttys (USB-serial, GA/T 467 at 115200 8N1; DESIGN.md §5): one reader per
// configured port path, each driven by its own SerialSamPort on the reader thread.
class SerialSamBackend : public ReaderBackend
{
    Q_OBJECT
public:
    explicit SerialSamBackend(QStringList portPaths, SerialSamPort::Options options = {},
                              QObject* parent = nullptr);
    ~SerialSamBackend() override;

    QString backendName() const override { return QStringLiteral("serial"); }
    void start() override;
    void stop() override;

    QStringList portPaths() const { return m_paths; }

private:
    QStringList m_paths;
    SerialSamPort::Options m_options;
    std::vector<std::unique_ptr<SerialSamPort>> m_ports;
};

} // namespace onewindow
