#pragma once

#include "drivers/idcard/Expected.h"

#include <QByteArray>
#include <QFuture>
#include <QImage>
#include <QString>
#include <memory>

namespace onewindow {

struct PhotoError
{
    enum class Kind
    {
        LibraryMissing,  // the configured library cannot be loaded (absent, wrong architecture)
        SymbolMissing,   // loaded, but it does not export onewindow_wlt_decode
        BadInput,        // the photo is not 1024 bytes
        DecoderError,    // the decoder returned an error code
        WrongOutputSize, // the decoder wrote something other than 102×126 BGR (e.g. a BMP file)
    };
    Kind kind = Kind::DecoderError;
    QString detail; // technician-facing: path, dlerror text, error code; never image data
};
const char* photoErrorKey(PhotoError::Kind kind); // "library_missing", "symbol_missing", …

// Decodes the card's WLT photo through a vendor decoder plugin loaded at run time with
// dlopen (C ABI in WltDecoderAbi.h; DESIGN.md §5 "Photo"). Without a plugin the UI shows a
// placeholder. The photo stays in memory: the intermediate BGR buffer is wiped after the
// conversion, and the QImage belongs to the session, which drops it on wipe.
//
// Copies share the loaded library, which stays loaded until the last copy (and the last
// pending decodeAsync) is gone.
class PhotoDecoder
{
public:
    using Result = Expected<QImage, PhotoError>;

    static Expected<PhotoDecoder, PhotoError> load(const QString& libraryPath);

    // Blocking: the decoder is CPU-bound vendor code. Never call it on the GUI thread.
    Result decode(const QByteArray& wlt) const;
    // Runs decode() on Qt's global thread pool: what the GUI side calls.
    QFuture<Result> decodeAsync(const QByteArray& wlt) const;

    QString libraryPath() const;

private:
    struct Library;
    explicit PhotoDecoder(std::shared_ptr<const Library> library);
    std::shared_ptr<const Library> m_library;
};

} // namespace onewindow
