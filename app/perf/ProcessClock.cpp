#include "app/perf/ProcessClock.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <unistd.h>

namespace onewindow::perf {

namespace {

double clockMs(clockid_t id)
{
    timespec ts{};
    clock_gettime(id, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The launch instant on CLOCK_BOOTTIME, in ms; < 0 when unknown.
double launchBoottimeMs()
{
    if (const char* env = std::getenv("ONEWINDOW_PERF_LAUNCH_NS"); env && *env)
        return double(std::strtoll(env, nullptr, 10)) / 1e6;
    FILE* f = std::fopen("/proc/self/stat", "r");
    if (!f)
        return -1;
    char buffer[1024] = {};
    const size_t n = std::fread(buffer, 1, sizeof buffer - 1, f);
    std::fclose(f);
    buffer[n] = '\0';
    // Field 2 (comm) may hold spaces and parentheses: count fields after its last ')'.
    const char* p = std::strrchr(buffer, ')');
    if (!p)
        return -1;
    int field = 2;
    while (*p && field < 22) {
        if (*p == ' ')
            ++field;
        ++p;
    }
    const long long ticks = std::strtoll(p, nullptr, 10);
    return double(ticks) * 1e3 / double(sysconf(_SC_CLK_TCK));
}

} // namespace

double msSinceLaunch()
{
    static const double origin = launchBoottimeMs();
    return origin < 0 ? -1 : clockMs(CLOCK_BOOTTIME) - origin;
}

const char* launchOrigin()
{
    const char* env = std::getenv("ONEWINDOW_PERF_LAUNCH_NS");
    return env && *env ? "env" : "stat";
}

double nowMs()
{
    return clockMs(CLOCK_MONOTONIC);
}

} // namespace onewindow::perf
