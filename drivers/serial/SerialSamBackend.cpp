#include "drivers/serial/SerialSamBackend.h"

namespace onewindow {

SerialSamBackend::SerialSamBackend(QStringList portPaths, SerialSamPort::Options options, QObject* parent)
    : ReaderBackend(parent), m_paths(std::move(portPaths)), m_options(options)
{
    m_paths.removeDuplicates();
}

SerialSamBackend::~SerialSamBackend()
{
    stop();
}

void SerialSamBackend::start()
{
    if (!m_ports.empty())
        return;
    for (const QString& path : std::as_const(m_paths)) {
        auto port = std::make_unique<SerialSamPort>(path, m_options);
        SerialSamPort* p = port.get();
        connect(p, &SerialSamPort::readerAdded, this, &ReaderBackend::readerAdded);
        connect(p, &SerialSamPort::readerChanged, this, &ReaderBackend::readerChanged);
        connect(p, &SerialSamPort::cardPresent, this, &ReaderBackend::cardPresent);
        connect(p, &SerialSamPort::cardRead, this, &ReaderBackend::cardRead);
        connect(p, &SerialSamPort::cardRemoved, this, &ReaderBackend::cardRemoved);
        connect(p, &SerialSamPort::readFailed, this, &ReaderBackend::readFailed);
        m_ports.push_back(std::move(port));
        p->start();
    }
}

void SerialSamBackend::stop()
{
    for (auto& port : m_ports) {
        port->stop();
        port->disconnect(this);
    }
    m_ports.clear();
}

} // namespace onewindow
