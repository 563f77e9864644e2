#pragma once

#include "app/admin/PinHasher.h"
#include "drivers/idcard/Expected.h"

#include <QString>

namespace onewindow {
class KioskConfig;
}

namespace onewindow::admin {

// Why a PIN record could not be loaded. Every kind means "not provisioned": an unreadable or
// tampered record never lets a PIN in, and there is no default PIN.
struct PinStoreError
{
    enum class Kind
    {
        Missing,    // no file: the kiosk was never provisioned
        Unreadable, // permissions or I/O
        Malformed,  // not the format, bad base64, wrong lengths, implausible parameters
    };
    Kind kind = Kind::Missing;
    QString message;
};

// The admin PIN record file, provisioned by root with `onewindow-tool admin set-pin` next to
// the kiosk configuration (/etc/onewindow/admin-pin), mode 0640, group = the directory's group,
// so the kiosk user can read but not change it. Format: a small JSON object
//   {"version":1,"algorithm":"scrypt","n":32768,"r":8,"p":1,"salt":"<b64>","hash":"<b64>",
//    "set_at":"2026-01-01T00:00:00Z"}
class PinStore
{
public:
    static constexpr unsigned kFileMode = 0640;

    explicit PinStore(QString path = {}) : m_path(std::move(path)) {}
    // [admin] pin_file, else "admin-pin" in the configuration file's directory, else (no
    // configuration file) /etc/onewindow/admin-pin.
    static QString pathFor(const KioskConfig& config);

    QString path() const { return m_path; }
    Expected<PinRecord, PinStoreError> load() const;
    // Atomic replace (temp + fsync + rename), mode 0640, group of the directory. Error message
    // or empty.
    QString save(const PinRecord& record) const;

    static QByteArray serialise(const PinRecord& record);
    static Expected<PinRecord, PinStoreError> parse(const QByteArray& text);

private:
    QString m_path;
};

} // namespace onewindow::admin
