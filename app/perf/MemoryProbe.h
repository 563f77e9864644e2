#pragma once

#include <QString>

namespace onewindow::perf {

// This process's memory from /proc: resident set (VmRSS, VmHWM) and proportional set size
// (smaps_rollup Pss, which splits shared libraries between the processes mapping them).
struct MemoryFigures
{
    long rssKb = -1;
    long peakRssKb = -1;
    long pssKb = -1;

    // "rss_kb=… peak_rss_kb=… pss_kb=…"
    QString toLine() const;
};

MemoryFigures readMemory();

} // namespace onewindow::perf
