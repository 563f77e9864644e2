#pragma once
// Reads another process's readable memory from outside (/proc/PID/maps + /proc/PID/mem) and
// finds byte strings in it: the residue test of the session wipe (issue 16, finding 2). Every
// mapping is read, heap arenas of every thread, stacks and file mappings alike, and freed
// memory too: malloc does not zero what it frees, so a freed temporary counts as a copy.
//
// Why from outside: the kiosk must not carry a memory dump command. Reading needs the right to
// ptrace it, and the kiosk makes itself non-dumpable (PR_SET_DUMPABLE 0), which only a process
// with CAP_SYS_PTRACE overrides: root in CI. canScan() says why not otherwise.
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <tuple>
#include <unistd.h>

namespace memscan {

struct Needle
{
    QString label; // "<value name> utf-8" or "<value name> utf-16le"
    QByteArray bytes;
};

struct Hit
{
    QString label;
    quint64 address = 0;
    QString region; // the maps line: range, permissions, path ([heap], [stack], a file, or none)
};

struct Result
{
    QList<Hit> hits;
    qint64 bytesScanned = 0;
    int regions = 0;
    QString error; // the process could not be read at all
    int count(const QString& labelPrefix) const
    {
        int n = 0;
        for (const Hit& h : hits)
            n += h.label.startsWith(labelPrefix) ? 1 : 0;
        return n;
    }
};

// Each value in UTF-8 and in UTF-16LE (QString's own storage, and QML/JS strings).
inline QList<Needle> needles(const QList<std::pair<QString, QString>>& namedValues)
{
    QList<Needle> out;
    for (const auto& [name, value] : namedValues) {
        out.append({name + QStringLiteral(" utf-8"), value.toUtf8()});
        out.append({name + QStringLiteral(" utf-16le"),
                    QByteArray(reinterpret_cast<const char*>(value.utf16()), value.size() * 2)});
    }
    return out;
}

// Why this process cannot read `pid`'s memory, or "" when it can.
inline QString canScan(qint64 pid)
{
    const QByteArray path = "/proc/" + QByteArray::number(pid) + "/mem";
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return QStringLiteral("cannot open %1 (%2): reading a non-dumpable process needs CAP_SYS_PTRACE "
                              "(run as root)")
            .arg(QString::fromLatin1(path), QString::fromLocal8Bit(std::strerror(errno)));
    ::close(fd);
    return {};
}

inline Result scan(qint64 pid, const QList<Needle>& needleList)
{
    Result result;
    QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
    if (!maps.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot read %1").arg(maps.fileName());
        return result;
    }
    const QList<QByteArray> lines = maps.readAll().split('\n');
    const QByteArray memPath = "/proc/" + QByteArray::number(pid) + "/mem";
    const int fd = ::open(memPath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        result.error = canScan(pid);
        return result;
    }
    qsizetype longest = 1;
    for (const Needle& n : needleList)
        longest = qMax(longest, n.bytes.size());
    constexpr qint64 kChunk = 4 << 20;
    QByteArray buffer;
    for (const QByteArray& line : lines) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 5 || f[1].isEmpty() || f[1][0] != 'r')
            continue;
        // The kernel's own pages: not the process's data, and reading them fails anyway.
        if (line.contains("[vvar") || line.contains("[vsyscall]"))
            continue;
        const QList<QByteArray> range = f[0].split('-');
        bool ok1 = false, ok2 = false;
        const quint64 start = range.value(0).toULongLong(&ok1, 16);
        const quint64 end = range.value(1).toULongLong(&ok2, 16);
        if (!ok1 || !ok2 || end <= start)
            continue;
        ++result.regions;
        // Chunks overlap by the longest needle so nothing is missed at a chunk boundary.
        for (quint64 at = start; at < end;) {
            const qint64 want = qint64(qMin<quint64>(kChunk, end - at));
            buffer.resize(want);
            const ssize_t got = ::pread(fd, buffer.data(), size_t(want), off_t(at));
            if (got <= 0)
                break; // a guard page or a mapping that went away meanwhile
            result.bytesScanned += got;
            for (const Needle& n : needleList) {
                const char* base = buffer.constData();
                const char* p = base;
                while (const void* found =
                           ::memmem(p, size_t(base + got - p), n.bytes.constData(), size_t(n.bytes.size()))) {
                    const char* c = static_cast<const char*>(found);
                    result.hits.append({n.label, at + quint64(c - base), QString::fromLatin1(line)});
                    p = c + 1;
                }
            }
            if (at + quint64(got) >= end || got < want)
                break;
            at += quint64(got) - quint64(longest - 1);
        }
    }
    ::close(fd);
    // A needle found twice in an overlap is one copy.
    std::sort(result.hits.begin(), result.hits.end(), [](const Hit& a, const Hit& b) {
        return std::tie(a.address, a.label) < std::tie(b.address, b.label);
    });
    result.hits.erase(
        std::unique(result.hits.begin(), result.hits.end(),
                    [](const Hit& a, const Hit& b) { return a.address == b.address && a.label == b.label; }),
        result.hits.end());
    return result;
}

// `size` bytes at `address` of `pid` (empty when unreadable): to see what surrounds a hit.
inline QByteArray peek(qint64 pid, quint64 address, qint64 size)
{
    const QByteArray memPath = "/proc/" + QByteArray::number(pid) + "/mem";
    const int fd = ::open(memPath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray bytes(size, '\0');
    const ssize_t got = ::pread(fd, bytes.data(), size_t(size), off_t(address));
    ::close(fd);
    bytes.resize(got > 0 ? got : 0);
    return bytes;
}

} // namespace memscan
