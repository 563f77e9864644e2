#pragma once

#include "drivers/idcard/Expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <optional>

namespace onewindow {

// One reader pseudo-APDU and where its data sits in the answer (status word excluded):
// `length` bytes from `offset`. Reference/idcard.md §4.2 shows why the offset is data: one
// vendor puts the text block 4 bytes into the first answer.
struct ApduStep
{
    QByteArray command;
    int offset = 0;
    int length = 0;
    bool operator==(const ApduStep&) const = default;
};

// What the status words of a profile mean. Any word in none of these lists is a reader error.
struct StatusWordMap
{
    QList<quint16> ok{0x9000};
    QList<quint16> itemAbsent;  // e.g. 6A 82: no appended address on this card
    QList<quint16> readFailed;  // e.g. 6F 00: card moved or unreadable
    QList<quint16> samNotReady; // e.g. 69 85
    bool operator==(const StatusWordMap&) const = default;

    enum class Meaning
    {
        Ok,
        ItemAbsent,
        ReadFailed,
        SamNotReady,
        Unknown
    };
    Meaning meaning(quint16 sw) const;
    bool isKnown(quint16 sw) const { return meaning(sw) != Meaning::Unknown; }
};

// The APDU map of a PC/SC reader profile, as data. The text step gives the 256-byte block, the
// photo steps together 1024 bytes (in order); the appended address and chip serial are optional.
struct PcscApduMap
{
    std::optional<ApduStep> text;
    QList<ApduStep> photo;
    std::optional<ApduStep> appendedAddress;
    std::optional<ApduStep> chipSerial;
    StatusWordMap statusWords;
    bool operator==(const PcscApduMap&) const = default;

    bool readsIdentity() const { return text.has_value(); }
};

// An ATR pattern: an ATR of the same length matches when (atr & mask) == (value & mask).
struct AtrPattern
{
    QByteArray value;
    QByteArray mask; // same length as value; all FF when the profile gives none
    bool matches(QByteArrayView atr) const;
    bool operator==(const AtrPattern&) const = default;
};

struct UsbId
{
    quint16 vendor = 0;
    quint16 product = 0;
    bool operator==(const UsbId&) const = default;
};

// What we know about an attached reader when choosing its profile. Empty fields are unknown
// (PC/SC gives the name at once, the ATR only with a card, and no USB ids).
struct ReaderFacts
{
    QString backend;
    QString name;
    QByteArray atr;
    std::optional<UsbId> usb;
};

// A reader profile (resources/readers/*.json): which readers it is for, which backend drives
// them, and the backend's settings. The JSON format is described in resources/readers/README.md.
struct ReaderProfile
{
    QString name;        // unique key, e.g. "generic-sam"
    QString description; // technician-facing
    QString backend;     // "pcsc", "serial", "nfc"
    QList<UsbId> usbIds;
    QRegularExpression readerName; // invalid/empty pattern = not matched by name
    QList<AtrPattern> atrs;
    PcscApduMap apdu;     // backend "pcsc" only
    QVariantMap settings; // other backend settings, e.g. "apdu_budget_ms"

    bool hasMatchRules() const
    {
        return !usbIds.isEmpty() || !readerName.pattern().isEmpty() || !atrs.isEmpty();
    }
    // True when any rule matches what is known about the reader (and the backend agrees).
    bool matches(const ReaderFacts& facts) const;
    // "identity", "photo", "chip_serial" as ReaderInfo::capabilities.
    QStringList capabilities() const;
    int intSetting(const QString& key, int fallback) const;
};

struct ProfileError
{
    QString source;  // file name or "<memory>"
    QString message; // what is wrong, with the JSON path, e.g. "apdu.photo[2].command: not hex"
    QString toString() const { return source + QStringLiteral(": ") + message; }
};

// Parses one profile. Every malformed input gives an error naming the key at fault.
Expected<ReaderProfile, ProfileError> parseReaderProfile(QByteArrayView json,
                                                         const QString& source = QStringLiteral("<memory>"));

struct ProfileSet
{
    QList<ReaderProfile> profiles;
    QList<ProfileError> errors; // bad files are reported and skipped; the others still load
};

// The profiles compiled in under :/onewindow/readers/.
ProfileSet builtinReaderProfiles();
// Every *.json in `dir` (e.g. /etc/onewindow/readers); a missing directory is an error.
ProfileSet loadReaderProfiles(const QString& dir);
// `overrides` replace same-named profiles of `base` (a site may retune generic-sam).
QList<ReaderProfile> mergeProfiles(QList<ReaderProfile> base, const QList<ReaderProfile>& overrides);

const ReaderProfile* findProfile(const QList<ReaderProfile>& profiles, const QString& name);
// The first profile with match rules that matches; profiles without rules (the generic
// fallbacks) never match here: they are tried explicitly.
const ReaderProfile* matchProfile(const QList<ReaderProfile>& profiles, const ReaderFacts& facts);

// "FF B0 00 00 00" for logs and JSON; the parser accepts spaces, ':' or nothing between bytes.
QString toHexString(QByteArrayView bytes);

} // namespace onewindow
