// The WLT photo plugin interface: loading a real shared library with dlopen (the test plugin
// from tests/emulators/photo_plugin), the decoded image's geometry and colours, and every
// failure path: library missing, symbol missing, bad input, decoder error, wrong output size.
#include "drivers/photo/PhotoDecoder.h"

#include <QTest>

using namespace onewindow;

namespace {

QByteArray photo(const QByteArray& prefix = {})
{
    QByteArray wlt(1024, '\0');
    for (int i = 0; i < wlt.size(); ++i)
        wlt[i] = char(i * 7 + 3);
    wlt.replace(0, prefix.size(), prefix);
    return wlt;
}

} // namespace

class TestPhotoDecoder : public QObject
{
    Q_OBJECT

    PhotoDecoder loaded()
    {
        auto decoder = PhotoDecoder::load(QStringLiteral(ONEWINDOW_TEST_WLT_PLUGIN));
        if (!decoder)
            qFatal("test plugin does not load: %s", qPrintable(decoder.error().detail));
        return decoder.value();
    }

private Q_SLOTS:
    void decodesToA102x126Image()
    {
        const QByteArray wlt = photo();
        const auto image = loaded().decode(wlt);
        QVERIFY2(image.ok(), image.ok() ? "" : qPrintable(image.error().detail));
        QCOMPARE(image->size(), QSize(102, 126));
        QCOMPARE(image->format(), QImage::Format_RGB888);
        // The plugin's pattern, top-down and RGB: proves the bottom-up BGR conversion.
        for (const QPoint p :
             {QPoint(0, 0), QPoint(101, 0), QPoint(0, 125), QPoint(50, 60), QPoint(101, 125)}) {
            const QRgb px = image->pixel(p);
            QCOMPARE(qRed(px), (p.x() * 2) & 0xFF);
            QCOMPARE(qGreen(px), (p.y() * 2) & 0xFF);
            QCOMPARE(qBlue(px), int(quint8(wlt.at((p.x() + p.y()) % 1024))));
        }
    }

    void sameInputSameImage()
    {
        const PhotoDecoder decoder = loaded();
        QCOMPARE(decoder.decode(photo()).value(), decoder.decode(photo()).value());
    }

    void missingLibrary()
    {
        const auto decoder = PhotoDecoder::load(QStringLiteral("/nonexistent/libwlt.so"));
        QVERIFY(!decoder);
        QCOMPARE(decoder.error().kind, PhotoError::Kind::LibraryMissing);
        QVERIFY(decoder.error().detail.contains(QStringLiteral("/nonexistent/libwlt.so")));
        QCOMPARE(photoErrorKey(decoder.error().kind), "library_missing");
    }

    void notALibrary()
    {
        // A file that exists but is not a shared object (a misconfigured path).
        const auto decoder = PhotoDecoder::load(QStringLiteral(ONEWINDOW_SOURCE_FILE));
        QVERIFY(!decoder);
        QCOMPARE(decoder.error().kind, PhotoError::Kind::LibraryMissing);
    }

    void missingSymbol()
    {
        const auto decoder = PhotoDecoder::load(QStringLiteral(ONEWINDOW_TEST_WLT_PLUGIN_NOSYMBOL));
        QVERIFY(!decoder);
        QCOMPARE(decoder.error().kind, PhotoError::Kind::SymbolMissing);
        QVERIFY(decoder.error().detail.contains(QStringLiteral("onewindow_wlt_decode")));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("wlt");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << QByteArray(1023, 'x');
        QTest::newRow("long") << QByteArray(1025, 'x');
    }
    void badInput()
    {
        QFETCH(QByteArray, wlt);
        const auto image = loaded().decode(wlt);
        QVERIFY(!image);
        QCOMPARE(image.error().kind, PhotoError::Kind::BadInput);
    }

    void decoderError()
    {
        const auto image = loaded().decode(photo("FAIL"));
        QVERIFY(!image);
        QCOMPARE(image.error().kind, PhotoError::Kind::DecoderError);
        QVERIFY(image.error().detail.contains(QStringLiteral("7")));
    }

    void wrongOutputSize_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::newRow("short output") << QByteArray("SHORT");
        QTest::newRow("a BMP file instead of raw BGR") << QByteArray("BMP");
    }
    void wrongOutputSize()
    {
        QFETCH(QByteArray, mode);
        const auto image = loaded().decode(photo(mode));
        QVERIFY(!image);
        QCOMPARE(image.error().kind, PhotoError::Kind::WrongOutputSize);
    }

    void decodeAsyncDoesNotBlockTheCaller()
    {
        const PhotoDecoder decoder = loaded();
        auto future = decoder.decodeAsync(photo("SLOW")); // the plugin takes 300 ms
        QVERIFY(!future.isFinished());                    // …so the caller got control back first
        future.waitForFinished();
        const auto image = future.result();
        QVERIFY(image.ok());
        QCOMPARE(image->size(), QSize(102, 126));
    }

    void libraryOutlivesTheDecoderObjectDuringAsync()
    {
        QFuture<PhotoDecoder::Result> future;
        {
            const PhotoDecoder decoder = loaded();
            future = decoder.decodeAsync(photo("SLOW"));
        } // the last PhotoDecoder copy on this side is gone; the job keeps the library
        future.waitForFinished();
        QVERIFY(future.result().ok());
    }
};

QTEST_GUILESS_MAIN(TestPhotoDecoder)
#include "tst_photo_decoder.moc"
