#pragma once

#include "drivers/reader/ReaderManager.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTest>
#include <QTimer>
#include <functional>
#include <optional>

namespace pcsctest {

// Everything a ReaderManager reports, in order, on the test thread, with the time it arrived.
class EventLog : public QObject
{
public:
    struct Event
    {
        QString kind; // added, changed, removed_reader, present, read, removed, failed, serial
        QString reader;
        onewindow::ReaderInfo info;
        onewindow::Identity identity;
        onewindow::ReadError error = onewindow::ReadError::ReaderFailure;
        QByteArray serial;
        qint64 atUs = 0; // since the log was made
    };

    explicit EventLog(onewindow::ReaderManager& manager)
    {
        using namespace onewindow;
        m_clock.start();
        connect(&manager, &ReaderManager::readerAdded, this,
                [this](const ReaderInfo& i) { add(make("added", i.name, i)); });
        connect(&manager, &ReaderManager::readerChanged, this,
                [this](const ReaderInfo& i) { add(make("changed", i.name, i)); });
        connect(&manager, &ReaderManager::readerRemoved, this,
                [this](const QString& r) { add(make("removed_reader", r)); });
        connect(&manager, &ReaderManager::cardPresent, this,
                [this](const QString& r) { add(make("present", r)); });
        connect(&manager, &ReaderManager::cardRemoved, this,
                [this](const QString& r) { add(make("removed", r)); });
        connect(&manager, &ReaderManager::cardRead, this, [this](const QString& r, const Identity& id) {
            Event e = make("read", r);
            e.identity = id;
            add(e);
        });
        connect(&manager, &ReaderManager::readFailed, this, [this](const QString& r, ReadError err) {
            Event e = make("failed", r);
            e.error = err;
            add(e);
        });
        connect(&manager, &ReaderManager::chipSerialRead, this,
                [this](const QString& r, const QByteArray& s) {
                    Event e = make("serial", r);
                    e.serial = s;
                    add(e);
                });
    }
    ~EventLog() override
    {
        for (Event& e : m_events)
            e.identity.wipe();
    }

    void clear() { m_events.clear(); }
    qint64 nowUs() const { return m_clock.nsecsElapsed() / 1000; }

    // The first event of `kind` on `reader` (any reader when empty), waiting up to timeoutMs.
    std::optional<Event> waitFor(const QString& kind, const QString& reader, int timeoutMs = 5000)
    {
        if (auto e = find(kind, reader))
            return e;
        // A real event loop, not QTest::qWaitFor (which sleeps 10 ms between polls): events
        // are stamped the moment they arrive, so the latency figures mean something.
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        m_onEvent = [&] {
            if (find(kind, reader))
                loop.quit();
        };
        timer.start(timeoutMs);
        loop.exec();
        m_onEvent = nullptr;
        return find(kind, reader);
    }
    std::optional<Event> find(const QString& kind, const QString& reader) const
    {
        for (const Event& e : m_events) {
            if (e.kind == kind && (reader.isEmpty() || e.reader == reader))
                return e;
        }
        return std::nullopt;
    }
    int count(const QString& kind, const QString& reader = {}) const
    {
        int n = 0;
        for (const Event& e : m_events)
            n += (e.kind == kind && (reader.isEmpty() || e.reader == reader)) ? 1 : 0;
        return n;
    }
    QString summary() const
    {
        QStringList out;
        for (const Event& e : m_events)
            out.append(e.kind + u':' + e.reader +
                       (e.kind == QLatin1String("failed") ? u':' + QLatin1String(readErrorKey(e.error))
                                                          : QString()) +
                       (e.kind == QLatin1String("changed") || e.kind == QLatin1String("added")
                            ? u':' + QLatin1String(onewindow::ReaderInfo::statusKey(e.info.status))
                            : QString()));
        return out.join(QStringLiteral(", "));
    }

private:
    static Event make(const char* kind, const QString& reader, const onewindow::ReaderInfo& info = {})
    {
        Event e;
        e.kind = QString::fromLatin1(kind);
        e.reader = reader;
        e.info = info;
        return e;
    }
    void add(Event e)
    {
        e.atUs = m_clock.nsecsElapsed() / 1000;
        m_events.append(e);
        if (m_onEvent)
            m_onEvent();
    }
    QList<Event> m_events;
    QElapsedTimer m_clock;
    std::function<void()> m_onEvent;
};

} // namespace pcsctest
