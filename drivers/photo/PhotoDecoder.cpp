#include "drivers/photo/PhotoDecoder.h"

#include "drivers/idcard/SecureWipe.h"
#include "drivers/photo/WltDecoderAbi.h"

#include <QFile>
#include <QtConcurrent/QtConcurrentRun>
#include <dlfcn.h>

namespace onewindow {

const char* photoErrorKey(PhotoError::Kind kind)
{
    switch (kind) {
    case PhotoError::Kind::LibraryMissing:
        return "library_missing";
    case PhotoError::Kind::SymbolMissing:
        return "symbol_missing";
    case PhotoError::Kind::BadInput:
        return "bad_input";
    case PhotoError::Kind::DecoderError:
        return "decoder_error";
    case PhotoError::Kind::WrongOutputSize:
        return "wrong_output_size";
    }
    return "decoder_error";
}

struct PhotoDecoder::Library
{
    QString path;
    void* handle = nullptr;
    onewindow_wlt_decode_fn decode = nullptr;

    ~Library()
    {
        if (handle)
            dlclose(handle);
    }
};

namespace {

QString dlerrorText()
{
    const char* e = dlerror();
    return e ? QString::fromLocal8Bit(e) : QString();
}

// 102×126 BGR, bottom-up → RGB888, top-down.
QImage toImage(const unsigned char* bgr)
{
    QImage image(ONEWINDOW_WLT_WIDTH, ONEWINDOW_WLT_HEIGHT, QImage::Format_RGB888);
    const int stride = 3 * ONEWINDOW_WLT_WIDTH;
    for (int y = 0; y < ONEWINDOW_WLT_HEIGHT; ++y) {
        const unsigned char* src = bgr + (ONEWINDOW_WLT_HEIGHT - 1 - y) * stride;
        uchar* dst = image.scanLine(y);
        for (int x = 0; x < ONEWINDOW_WLT_WIDTH; ++x) {
            dst[3 * x] = src[3 * x + 2];
            dst[3 * x + 1] = src[3 * x + 1];
            dst[3 * x + 2] = src[3 * x];
        }
    }
    return image;
}

} // namespace

PhotoDecoder::PhotoDecoder(std::shared_ptr<const Library> library) : m_library(std::move(library)) {}

Expected<PhotoDecoder, PhotoError> PhotoDecoder::load(const QString& libraryPath)
{
    using Loaded = Expected<PhotoDecoder, PhotoError>;
    auto library = std::make_shared<Library>();
    library->path = libraryPath;
    // RTLD_LOCAL: the vendor library's symbols must not leak into (or clash with) ours.
    library->handle = dlopen(QFile::encodeName(libraryPath).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!library->handle)
        return Loaded::failure({PhotoError::Kind::LibraryMissing, dlerrorText()});
    dlerror(); // clear, so a null symbol is told apart from an error
    void* symbol = dlsym(library->handle, ONEWINDOW_WLT_DECODE_SYMBOL);
    if (!symbol) {
        return Loaded::failure(
            {PhotoError::Kind::SymbolMissing,
             QStringLiteral("%1: no %2").arg(libraryPath, QLatin1String(ONEWINDOW_WLT_DECODE_SYMBOL))});
    }
    library->decode = reinterpret_cast<onewindow_wlt_decode_fn>(symbol);
    return PhotoDecoder(std::move(library));
}

QString PhotoDecoder::libraryPath() const
{
    return m_library->path;
}

PhotoDecoder::Result PhotoDecoder::decode(const QByteArray& wlt) const
{
    if (wlt.size() != ONEWINDOW_WLT_INPUT_BYTES) {
        return Result::failure(
            {PhotoError::Kind::BadInput,
             QStringLiteral("photo is %1 bytes, not %2").arg(wlt.size()).arg(ONEWINDOW_WLT_INPUT_BYTES)});
    }
    // The decoder may write past what it reports; a guard band lets us see that instead of
    // corrupting the heap, and the whole buffer is wiped afterwards either way.
    constexpr size_t kGuard = 512;
    QByteArray out(ONEWINDOW_WLT_BGR_BYTES + kGuard, '\0');
    size_t written = 0;
    const int rc =
        m_library->decode(reinterpret_cast<const unsigned char*>(wlt.constData()), size_t(wlt.size()),
                          reinterpret_cast<unsigned char*>(out.data()), ONEWINDOW_WLT_BGR_BYTES, &written);
    Result result = [&]() -> Result {
        if (rc != 0)
            return Result::failure(
                {PhotoError::Kind::DecoderError, QStringLiteral("decoder returned %1").arg(rc)});
        if (written != ONEWINDOW_WLT_BGR_BYTES) {
            return Result::failure(
                {PhotoError::Kind::WrongOutputSize,
                 QStringLiteral("decoder wrote %1 bytes, expected %2 (102x126 BGR, no header)")
                     .arg(written)
                     .arg(ONEWINDOW_WLT_BGR_BYTES)});
        }
        return toImage(reinterpret_cast<const unsigned char*>(out.constData()));
    }();
    secureWipe(out);
    return result;
}

QFuture<PhotoDecoder::Result> PhotoDecoder::decodeAsync(const QByteArray& wlt) const
{
    // The copy of *this keeps the library loaded while the job runs.
    return QtConcurrent::run([decoder = *this, wlt] { return decoder.decode(wlt); });
}

} // namespace onewindow
