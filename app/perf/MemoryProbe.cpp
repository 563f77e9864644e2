#include "app/perf/MemoryProbe.h"

#include <cstdio>
#include <cstring>

namespace onewindow::perf {

namespace {

// The value in kB of the first line starting with `key` in a /proc file; -1 when absent.
long kbField(const char* path, const char* key)
{
    FILE* f = std::fopen(path, "r");
    if (!f)
        return -1;
    char line[256];
    long value = -1;
    const size_t keyLength = std::strlen(key);
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, key, keyLength) == 0) {
            std::sscanf(line + keyLength, "%ld", &value);
            break;
        }
    }
    std::fclose(f);
    return value;
}

} // namespace

QString MemoryFigures::toLine() const
{
    return QStringLiteral("rss_kb=%1 peak_rss_kb=%2 pss_kb=%3").arg(rssKb).arg(peakRssKb).arg(pssKb);
}

MemoryFigures readMemory()
{
    MemoryFigures m;
    m.rssKb = kbField("/proc/self/status", "VmRSS:");
    m.peakRssKb = kbField("/proc/self/status", "VmHWM:");
    m.pssKb = kbField("/proc/self/smaps_rollup", "Pss:");
    return m;
}

} // namespace onewindow::perf
