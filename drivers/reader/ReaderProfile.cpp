#include "drivers/reader/ReaderProfile.h"

#include "base/files/BoundedRead.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace onewindow {

namespace {

constexpr int kTextSize = 256;
constexpr int kPhotoSize = 1024;
constexpr int kMaxAnswer = 65536; // an extended-length answer, without SW1 SW2
constexpr int kMinCommand = 4;    // CLA INS P1 P2
constexpr int kMaxCommand = 261;  // a short APDU with 255 data bytes and Le

const QStringList kBackends{QStringLiteral("pcsc"), QStringLiteral("serial"), QStringLiteral("nfc")};

// Thrown inside the parser only, turned into a ProfileError at its boundary: nesting
// Expected through every small helper would hide the validation rules in plumbing.
struct ParseFailure
{
    QString message;
};

[[noreturn]] void fail(const QString& path, const QString& what)
{
    throw ParseFailure{path + QStringLiteral(": ") + what};
}

std::optional<QByteArray> parseHex(const QString& text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isSpace() || c == u':')
            continue;
        digits.append(c);
    }
    if (digits.isEmpty() || digits.size() % 2 != 0)
        return std::nullopt;
    for (QChar c : std::as_const(digits)) {
        if (!(c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f')))
            return std::nullopt;
    }
    return QByteArray::fromHex(digits.toLatin1());
}

void checkKeys(const QJsonObject& o, const QString& path, const QStringList& allowed)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        // "comment" anywhere lets a site explain its choice inside the file.
        if (!allowed.contains(it.key()) && it.key() != QLatin1String("comment"))
            fail(path.isEmpty() ? it.key() : path + u'.' + it.key(),
                 QStringLiteral("unknown key (expected one of: %1)").arg(allowed.join(QStringLiteral(", "))));
    }
}

QJsonObject object(const QJsonValue& v, const QString& path)
{
    if (!v.isObject())
        fail(path, QStringLiteral("expected an object"));
    return v.toObject();
}

QJsonArray array(const QJsonValue& v, const QString& path)
{
    if (!v.isArray())
        fail(path, QStringLiteral("expected an array"));
    return v.toArray();
}

QString string(const QJsonValue& v, const QString& path)
{
    if (!v.isString())
        fail(path, QStringLiteral("expected a string"));
    return v.toString();
}

int integer(const QJsonValue& v, const QString& path, int min, int max)
{
    const double d = v.toDouble(-1.0);
    // Range first: casting a double outside qint64 to an integer is undefined behaviour.
    if (!v.isDouble() || d < min || d > max || d != std::floor(d))
        fail(path, QStringLiteral("expected an integer from %1 to %2").arg(min).arg(max));
    return int(d);
}

QByteArray hexBytes(const QJsonValue& v, const QString& path, int minSize, int maxSize)
{
    const std::optional<QByteArray> bytes = parseHex(string(v, path));
    if (!bytes)
        fail(path, QStringLiteral("expected hex bytes, e.g. \"FF B0 00 00 00\""));
    if (bytes->size() < minSize || bytes->size() > maxSize)
        fail(path,
             QStringLiteral("expected %1 to %2 bytes, got %3").arg(minSize).arg(maxSize).arg(bytes->size()));
    return *bytes;
}

ApduStep step(const QJsonValue& v, const QString& path, std::optional<int> defaultLength)
{
    const QJsonObject o = object(v, path);
    checkKeys(o, path, {QStringLiteral("command"), QStringLiteral("offset"), QStringLiteral("length")});
    if (!o.contains(QLatin1String("command")))
        fail(path + QStringLiteral(".command"), QStringLiteral("missing"));
    ApduStep s;
    s.command = hexBytes(o.value(QLatin1String("command")), path + QStringLiteral(".command"), kMinCommand,
                         kMaxCommand);
    s.offset =
        o.contains(QLatin1String("offset"))
            ? integer(o.value(QLatin1String("offset")), path + QStringLiteral(".offset"), 0, kMaxAnswer - 1)
            : 0;
    if (o.contains(QLatin1String("length")))
        s.length = integer(o.value(QLatin1String("length")), path + QStringLiteral(".length"), 1, kMaxAnswer);
    else if (defaultLength)
        s.length = *defaultLength;
    else
        fail(path + QStringLiteral(".length"), QStringLiteral("missing"));
    if (s.offset + s.length > kMaxAnswer)
        fail(path, QStringLiteral("offset + length exceeds %1 bytes").arg(kMaxAnswer));
    return s;
}

QList<quint16> statusWords(const QJsonValue& v, const QString& path)
{
    QList<quint16> out;
    const QJsonArray a = array(v, path);
    for (int i = 0; i < a.size(); ++i) {
        const QByteArray sw = hexBytes(a.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), 2, 2);
        out.append(quint16((quint8(sw[0]) << 8) | quint8(sw[1])));
    }
    return out;
}

StatusWordMap statusWordMap(const QJsonValue& v, const QString& path)
{
    const QJsonObject o = object(v, path);
    checkKeys(o, path,
              {QStringLiteral("ok"), QStringLiteral("item_absent"), QStringLiteral("read_failed"),
               QStringLiteral("sam_not_ready")});
    StatusWordMap m;
    const auto listAt = [&](const char* key, QList<quint16>& into) {
        if (o.contains(QLatin1String(key)))
            into = statusWords(o.value(QLatin1String(key)), path + u'.' + QLatin1String(key));
    };
    listAt("ok", m.ok);
    listAt("item_absent", m.itemAbsent);
    listAt("read_failed", m.readFailed);
    listAt("sam_not_ready", m.samNotReady);
    if (m.ok.isEmpty())
        fail(path + QStringLiteral(".ok"), QStringLiteral("at least one status word must mean success"));
    QList<quint16> seen;
    for (const QList<quint16>* list : {&m.ok, &m.itemAbsent, &m.readFailed, &m.samNotReady}) {
        for (quint16 sw : *list) {
            if (seen.contains(sw))
                fail(path,
                     QStringLiteral("status word %1 has two meanings").arg(sw, 4, 16, QLatin1Char('0')));
            seen.append(sw);
        }
    }
    return m;
}

PcscApduMap apduMap(const QJsonValue& v, const QString& path)
{
    const QJsonObject o = object(v, path);
    checkKeys(o, path,
              {QStringLiteral("text"), QStringLiteral("photo"), QStringLiteral("appended_address"),
               QStringLiteral("chip_serial"), QStringLiteral("status_words")});
    PcscApduMap m;
    if (o.contains(QLatin1String("text"))) {
        m.text = step(o.value(QLatin1String("text")), path + QStringLiteral(".text"), kTextSize);
        if (m.text->length != kTextSize)
            fail(path + QStringLiteral(".text.length"),
                 QStringLiteral("the text block is %1 bytes").arg(kTextSize));
    }
    if (o.contains(QLatin1String("photo"))) {
        if (!m.text)
            fail(path + QStringLiteral(".photo"), QStringLiteral("a photo needs a text command too"));
        const QJsonArray a = array(o.value(QLatin1String("photo")), path + QStringLiteral(".photo"));
        int total = 0;
        for (int i = 0; i < a.size(); ++i) {
            m.photo.append(step(a.at(i), QStringLiteral("%1.photo[%2]").arg(path).arg(i), std::nullopt));
            total += m.photo.last().length;
        }
        if (total != kPhotoSize)
            fail(path + QStringLiteral(".photo"),
                 QStringLiteral("the chunks give %1 bytes; the photo is %2").arg(total).arg(kPhotoSize));
    }
    if (o.contains(QLatin1String("appended_address"))) {
        if (!m.text)
            fail(path + QStringLiteral(".appended_address"),
                 QStringLiteral("an address needs a text command too"));
        m.appendedAddress =
            step(o.value(QLatin1String("appended_address")), path + QStringLiteral(".appended_address"), 70);
    }
    if (o.contains(QLatin1String("chip_serial"))) {
        m.chipSerial = step(o.value(QLatin1String("chip_serial")), path + QStringLiteral(".chip_serial"), 8);
    }
    if (!m.text && !m.chipSerial)
        fail(path, QStringLiteral("needs \"text\" or \"chip_serial\" (the profile reads nothing)"));
    if (o.contains(QLatin1String("status_words")))
        m.statusWords =
            statusWordMap(o.value(QLatin1String("status_words")), path + QStringLiteral(".status_words"));
    return m;
}

UsbId usbId(const QJsonValue& v, const QString& path)
{
    const QString text = string(v, path);
    const QStringList parts = text.split(u':');
    bool okV = false;
    bool okP = false;
    if (parts.size() == 2 && parts[0].size() == 4 && parts[1].size() == 4) {
        UsbId id{quint16(parts[0].toUInt(&okV, 16)), quint16(parts[1].toUInt(&okP, 16))};
        if (okV && okP)
            return id;
    }
    fail(path, QStringLiteral("expected a USB id \"VVVV:PPPP\" in hex"));
}

AtrPattern atrPattern(const QJsonValue& v, const QString& path)
{
    AtrPattern p;
    if (v.isString()) {
        p.value = hexBytes(v, path, 2, 33);
        p.mask = QByteArray(p.value.size(), char(0xFF));
        return p;
    }
    const QJsonObject o = object(v, path);
    checkKeys(o, path, {QStringLiteral("value"), QStringLiteral("mask")});
    p.value = hexBytes(o.value(QLatin1String("value")), path + QStringLiteral(".value"), 2, 33);
    p.mask = o.contains(QLatin1String("mask"))
                 ? hexBytes(o.value(QLatin1String("mask")), path + QStringLiteral(".mask"), 2, 33)
                 : QByteArray(p.value.size(), char(0xFF));
    if (p.mask.size() != p.value.size())
        fail(path + QStringLiteral(".mask"),
             QStringLiteral("must be as long as the value (%1 bytes)").arg(p.value.size()));
    return p;
}

void parseMatch(const QJsonValue& v, ReaderProfile& p)
{
    const QString path = QStringLiteral("match");
    const QJsonObject o = object(v, path);
    checkKeys(o, path, {QStringLiteral("usb"), QStringLiteral("reader_name"), QStringLiteral("atr")});
    if (o.contains(QLatin1String("usb"))) {
        const QJsonArray a = array(o.value(QLatin1String("usb")), QStringLiteral("match.usb"));
        for (int i = 0; i < a.size(); ++i)
            p.usbIds.append(usbId(a.at(i), QStringLiteral("match.usb[%1]").arg(i)));
    }
    if (o.contains(QLatin1String("reader_name"))) {
        const QString pattern =
            string(o.value(QLatin1String("reader_name")), QStringLiteral("match.reader_name"));
        p.readerName = QRegularExpression(pattern);
        if (pattern.isEmpty() || !p.readerName.isValid())
            fail(QStringLiteral("match.reader_name"),
                 QStringLiteral("not a valid regular expression: %1").arg(p.readerName.errorString()));
    }
    if (o.contains(QLatin1String("atr"))) {
        const QJsonArray a = array(o.value(QLatin1String("atr")), QStringLiteral("match.atr"));
        for (int i = 0; i < a.size(); ++i)
            p.atrs.append(atrPattern(a.at(i), QStringLiteral("match.atr[%1]").arg(i)));
    }
}

ReaderProfile parseObject(const QJsonObject& o)
{
    checkKeys(o, QString(),
              {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("backend"),
               QStringLiteral("match"), QStringLiteral("pcsc"), QStringLiteral("settings")});
    ReaderProfile p;
    p.name = string(o.value(QLatin1String("name")), QStringLiteral("name"));
    static const QRegularExpression kName(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    if (!kName.match(p.name).hasMatch())
        fail(QStringLiteral("name"), QStringLiteral("expected lower-case letters, digits, '.', '_' or '-'"));
    if (o.contains(QLatin1String("description")))
        p.description = string(o.value(QLatin1String("description")), QStringLiteral("description"));
    p.backend = string(o.value(QLatin1String("backend")), QStringLiteral("backend"));
    if (!kBackends.contains(p.backend))
        fail(QStringLiteral("backend"),
             QStringLiteral("expected one of: %1").arg(kBackends.join(QStringLiteral(", "))));
    if (o.contains(QLatin1String("match")))
        parseMatch(o.value(QLatin1String("match")), p);
    if (p.backend == QLatin1String("pcsc")) {
        if (!o.contains(QLatin1String("pcsc")))
            fail(QStringLiteral("pcsc"), QStringLiteral("missing: a PC/SC profile needs its APDU map"));
        p.apdu = apduMap(o.value(QLatin1String("pcsc")), QStringLiteral("pcsc"));
    } else if (o.contains(QLatin1String("pcsc"))) {
        fail(QStringLiteral("pcsc"), QStringLiteral("only for backend \"pcsc\""));
    }
    if (o.contains(QLatin1String("settings"))) {
        p.settings = object(o.value(QLatin1String("settings")), QStringLiteral("settings")).toVariantMap();
        if (p.settings.contains(QStringLiteral("apdu_budget_ms")))
            integer(o.value(QLatin1String("settings"))[QLatin1String("apdu_budget_ms")],
                    QStringLiteral("settings.apdu_budget_ms"), 1, 600000);
    }
    return p;
}

ProfileSet loadFiles(const QString& dir, const QStringList& files)
{
    ProfileSet set;
    for (const QString& fileName : files) {
        const files::ReadResult file = files::readRegularFile(
            dir + u'/' + fileName, files::kReaderProfileMaxBytes, QStringLiteral("reader profile"));
        if (!file.ok()) {
            set.errors.append({fileName, file.error});
            continue;
        }
        auto parsed = parseReaderProfile(file.bytes, fileName);
        if (!parsed) {
            set.errors.append(parsed.error());
            continue;
        }
        if (findProfile(set.profiles, parsed->name)) {
            set.errors.append(
                {fileName, QStringLiteral("name: profile \"%1\" is defined twice").arg(parsed->name)});
            continue;
        }
        set.profiles.append(std::move(parsed).value());
    }
    return set;
}

} // namespace

StatusWordMap::Meaning StatusWordMap::meaning(quint16 sw) const
{
    if (ok.contains(sw))
        return Meaning::Ok;
    if (itemAbsent.contains(sw))
        return Meaning::ItemAbsent;
    if (readFailed.contains(sw))
        return Meaning::ReadFailed;
    if (samNotReady.contains(sw))
        return Meaning::SamNotReady;
    return Meaning::Unknown;
}

bool AtrPattern::matches(QByteArrayView atr) const
{
    if (atr.size() != value.size() || mask.size() != value.size())
        return false;
    for (qsizetype i = 0; i < atr.size(); ++i) {
        if ((atr[i] & mask[i]) != (value[i] & mask[i]))
            return false;
    }
    return true;
}

bool ReaderProfile::matches(const ReaderFacts& facts) const
{
    if (!facts.backend.isEmpty() && facts.backend != backend)
        return false;
    if (facts.usb && usbIds.contains(*facts.usb))
        return true;
    if (!facts.name.isEmpty() && !readerName.pattern().isEmpty() && readerName.match(facts.name).hasMatch())
        return true;
    if (!facts.atr.isEmpty()) {
        for (const AtrPattern& p : atrs) {
            if (p.matches(facts.atr))
                return true;
        }
    }
    return false;
}

QStringList ReaderProfile::capabilities() const
{
    QStringList caps;
    if (apdu.readsIdentity())
        caps.append(QStringLiteral("identity"));
    if (!apdu.photo.isEmpty())
        caps.append(QStringLiteral("photo"));
    if (apdu.chipSerial)
        caps.append(QStringLiteral("chip_serial"));
    return caps;
}

int ReaderProfile::intSetting(const QString& key, int fallback) const
{
    bool ok = false;
    const int v = settings.value(key).toInt(&ok);
    return ok ? v : fallback;
}

Expected<ReaderProfile, ProfileError> parseReaderProfile(QByteArrayView json, const QString& source)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return Expected<ReaderProfile, ProfileError>::failure(
            {source, QStringLiteral("not JSON at byte %1: %2").arg(error.offset).arg(error.errorString())});
    if (!doc.isObject())
        return Expected<ReaderProfile, ProfileError>::failure(
            {source, QStringLiteral("expected a JSON object")});
    try {
        return parseObject(doc.object());
    } catch (const ParseFailure& f) {
        return Expected<ReaderProfile, ProfileError>::failure({source, f.message});
    }
}

ProfileSet builtinReaderProfiles()
{
    const QString dir = QStringLiteral(":/onewindow/readers");
    return loadFiles(dir, QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name));
}

ProfileSet loadReaderProfiles(const QString& dir)
{
    const QDir d(dir);
    if (!d.exists())
        return ProfileSet{{}, {{dir, QStringLiteral("no such directory")}}};
    return loadFiles(d.absolutePath(), d.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name));
}

QList<ReaderProfile> mergeProfiles(QList<ReaderProfile> base, const QList<ReaderProfile>& overrides)
{
    for (const ReaderProfile& p : overrides) {
        auto it =
            std::find_if(base.begin(), base.end(), [&](const ReaderProfile& b) { return b.name == p.name; });
        if (it != base.end())
            *it = p;
        else
            base.append(p);
    }
    return base;
}

const ReaderProfile* findProfile(const QList<ReaderProfile>& profiles, const QString& name)
{
    for (const ReaderProfile& p : profiles) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

const ReaderProfile* matchProfile(const QList<ReaderProfile>& profiles, const ReaderFacts& facts)
{
    for (const ReaderProfile& p : profiles) {
        if (p.hasMatchRules() && p.matches(facts))
            return &p;
    }
    return nullptr;
}

QString toHexString(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toHex(' ').toUpper());
}

} // namespace onewindow
