/* The C ABI of a WLT photo decoder plugin (reference/idcard.md §2.3).
 *
 * The ID card's 1024-byte photo is compressed with a proprietary wavelet codec ("WLT") that
 * only licensed vendor libraries decode. A plugin wraps one such library behind this single
 * function, so the kiosk never links a vendor blob and runs without one (placeholder photo).
 * C, not C++, so a plugin can be built with any compiler and vendor toolchain.
 *
 *   int onewindow_wlt_decode(const unsigned char* wlt, size_t wlt_len,
 *                            unsigned char* bgr_out, size_t out_len, size_t* out_written);
 *
 * wlt/wlt_len:   the 1024 bytes from the card.
 * bgr_out:       102 × 126 pixels, 24-bit BGR, rows bottom-up, no padding = 38 556 bytes
 *                (out_len is exactly that). Never a BMP file: no header, no row padding.
 * out_written:   the number of bytes the decoder wrote.
 * Returns 0 on success; any other value is the decoder's own error code.
 *
 * The function must be reentrant (it may run on several threads), must not keep pointers to
 * its arguments, and must not write the photo anywhere but bgr_out (never to disk).
 */
#ifndef ONEWINDOW_WLT_DECODER_ABI_H
#define ONEWINDOW_WLT_DECODER_ABI_H

#include <stddef.h>

#define ONEWINDOW_WLT_DECODE_SYMBOL "onewindow_wlt_decode"
#define ONEWINDOW_WLT_INPUT_BYTES 1024
#define ONEWINDOW_WLT_WIDTH 102
#define ONEWINDOW_WLT_HEIGHT 126
#define ONEWINDOW_WLT_BGR_BYTES (3 * ONEWINDOW_WLT_WIDTH * ONEWINDOW_WLT_HEIGHT)

#ifdef __cplusplus
extern "C" {
#endif

typedef int (*onewindow_wlt_decode_fn)(const unsigned char* wlt, size_t wlt_len, unsigned char* bgr_out,
                                       size_t out_len, size_t* out_written);

#ifdef __cplusplus
}
#endif

#endif
