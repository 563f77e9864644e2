#include "app/ui/ReceiptPrinter.h"

#include "app/ui/QrCode.h"

#include <QLoggingCategory>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QThread>

namespace onewindow {

Q_LOGGING_CATEGORY(lcPrint, "onewindow.print")

namespace {

// Lays the receipt out on any paint device: 80 mm receipt proportions scaled to the page.
void paintReceipt(QPainter& p, const QRect& page, const ReceiptPrint& r)
{
    const int unit = page.width() / 24;
    QFont title(QStringLiteral("Noto Sans CJK SC"));
    title.setPixelSize(unit * 2);
    title.setBold(true);
    QFont body(QStringLiteral("Noto Sans CJK SC"));
    body.setPixelSize(unit);
    int y = page.top();
    auto line = [&](const QString& text, const QFont& font) {
        p.setFont(font);
        const QRect box =
            p.boundingRect(QRect(page.left(), y, page.width(), page.height()), Qt::TextWordWrap, text);
        p.drawText(box, Qt::TextWordWrap, text);
        y = box.bottom() + unit / 2;
    };
    line(r.itemName, title);
    line(r.queryCode, title);
    line(r.stateText + QStringLiteral("  ") + r.createdAt, body);
    const QImage qr = qrImage(r.queryCode, 8);
    if (!qr.isNull()) {
        const int side = page.width() / 2;
        p.drawImage(QRect(page.left(), y, side, side), qr);
        y += side + unit / 2;
    }
    line(r.footer, body);
}

} // namespace

bool ReceiptPrinter::toPdf(const ReceiptPrint& receipt, const QString& path)
{
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QSizeF(80, 160), QPageSize::Millimeter));
    pdf.setResolution(203); // thermal receipt printers print at 203 dpi
    pdf.setTitle(QStringLiteral("OneWindow receipt"));
    QPainter p;
    if (!p.begin(&pdf))
        return false;
    paintReceipt(p, QRect(0, 0, pdf.width(), pdf.height()), receipt);
    return p.end();
}

bool ReceiptPrinter::toPrinter(const ReceiptPrint& receipt, const QString& printerName)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPrinterName(printerName);
    if (!printer.isValid())
        return false;
    QPainter p;
    if (!p.begin(&printer))
        return false;
    paintReceipt(p, printer.pageLayout().paintRectPixels(printer.resolution()), receipt);
    return p.end();
}

void ReceiptPrinter::printAsync(const ReceiptPrint& receipt, const QString& target)
{
    if (target.isEmpty())
        return;
    QThread* worker = QThread::create([receipt, target] {
        const bool ok = target.startsWith(QLatin1String("pdf:")) ? toPdf(receipt, target.mid(4))
                                                                 : toPrinter(receipt, target);
        if (!ok)
            qCWarning(lcPrint) << "receipt printing failed";
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

} // namespace onewindow
