#pragma once

#include <QImage>
#include <QString>

namespace onewindow {

// A QR code (libqrencode, error correction M) as an image with a 4-module quiet zone, each
// module `scale` pixels; a null image when the text cannot be encoded.
QImage qrImage(const QString& text, int scale = 8);
// The same as a data: URL, for a QML Image source (no image provider needed).
QString qrDataUrl(const QString& text, int scale = 8);

} // namespace onewindow
