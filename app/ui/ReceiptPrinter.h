#pragma once

#include <QString>

namespace onewindow {

// What a printed receipt carries: no personal data, only what the resident needs to follow
// the application (item, query code and its QR code, time, state).
struct ReceiptPrint
{
    QString itemName;
    QString queryCode;
    QString stateText;
    QString createdAt;
    QString footer; // e.g. "Scan the QR code …", already translated
};

// Prints through Qt's print support: to the configured printer (`[printer] name`), or to a PDF
// file (tests, and kiosks that archive receipts). Painting runs on a worker thread: a slow
// spooler never blocks the GUI. Returns at once; `done(ok)` is not needed by the resident.
class ReceiptPrinter
{
public:
    // Synchronous building blocks, used by printAsync() on its worker thread and by tests.
    static bool toPdf(const ReceiptPrint& receipt, const QString& path);
    static bool toPrinter(const ReceiptPrint& receipt, const QString& printerName);
    // The configured target: a printer name, or "pdf:<path>".
    static void printAsync(const ReceiptPrint& receipt, const QString& target);
};

} // namespace onewindow
