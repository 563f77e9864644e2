#pragma once

namespace onewindow::perf {

// Milliseconds since this process was launched, so that exec and dynamic linking count too.
// The origin is ONEWINDOW_PERF_LAUNCH_NS (CLOCK_BOOTTIME in ns, taken by the launcher just
// before it started us: sub-millisecond) when set, else the process start time from
// /proc/self/stat (field 22, in clock ticks since boot: 10 ms resolution).
double msSinceLaunch();

// "env" or "stat": which origin msSinceLaunch() uses.
const char* launchOrigin();

// CLOCK_MONOTONIC in milliseconds (fractional), for intervals inside the process.
double nowMs();

} // namespace onewindow::perf
