// A stand-in WLT decoder plugin for tests: no licensed vendor decoder can ship with the
// project (reference/idcard.md §2.3), so this library implements the plugin ABI with a
// deterministic image instead of real wavelet decoding. The input selects failure modes:
//   starts with "FAIL"  → returns error code 7
//   starts with "SHORT" → reports 1000 bytes written (a decoder with the wrong output)
//   starts with "BMP"   → reports a BMP file's size, 38 862 bytes
//   starts with "SLOW"  → sleeps 300 ms, then decodes (proves callers do not block on it)
//   anything else       → pixel (x, y) from the top = R: x*2, G: y*2, B: wlt[(x + y) % 1024]
// Built twice: with the symbol, and (ONEWINDOW_TEST_PLUGIN_NO_SYMBOL) without it.
#include "drivers/photo/WltDecoderAbi.h"

#include <chrono>
#include <cstring>
#include <thread>

#ifndef ONEWINDOW_TEST_PLUGIN_NO_SYMBOL
namespace {

bool startsWith(const unsigned char* data, size_t len, const char* prefix)
{
    const size_t n = std::strlen(prefix);
    return len >= n && std::memcmp(data, prefix, n) == 0;
}

} // namespace

extern "C" __attribute__((visibility("default"))) int
onewindow_wlt_decode(const unsigned char* wlt, size_t wlt_len, unsigned char* bgr_out, size_t out_len,
                     size_t* out_written)
{
    *out_written = 0;
    if (!wlt || wlt_len != ONEWINDOW_WLT_INPUT_BYTES || out_len < ONEWINDOW_WLT_BGR_BYTES)
        return 2;
    if (startsWith(wlt, wlt_len, "FAIL"))
        return 7;
    if (startsWith(wlt, wlt_len, "SHORT")) {
        std::memset(bgr_out, 0, 1000);
        *out_written = 1000;
        return 0;
    }
    if (startsWith(wlt, wlt_len, "BMP")) {
        *out_written = 54 + 308 * 126;
        return 0;
    }
    if (startsWith(wlt, wlt_len, "SLOW"))
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    for (int row = 0; row < ONEWINDOW_WLT_HEIGHT; ++row) {
        const int y = ONEWINDOW_WLT_HEIGHT - 1 - row; // rows are stored bottom-up
        unsigned char* line = bgr_out + size_t(row) * 3 * ONEWINDOW_WLT_WIDTH;
        for (int x = 0; x < ONEWINDOW_WLT_WIDTH; ++x) {
            line[3 * x] = wlt[(x + y) % ONEWINDOW_WLT_INPUT_BYTES]; // B
            line[3 * x + 1] = static_cast<unsigned char>(y * 2);    // G
            line[3 * x + 2] = static_cast<unsigned char>(x * 2);    // R
        }
    }
    *out_written = ONEWINDOW_WLT_BGR_BYTES;
    return 0;
}
#else
extern "C" __attribute__((visibility("default"))) int some_other_vendor_function(void)
{
    return 0;
}
#endif
