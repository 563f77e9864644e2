#include "drivers/idcard/TextBlock.h"

#include <algorithm>

namespace onewindow {

namespace {

constexpr int kAppendedAddressSize = 70;
constexpr char16_t kLongTerm[] = u"长期"; // U+957F U+671F
// The 2023 foreigner card splits the English name: characters 1–35 at offset 52, 36–46 at 220.
constexpr int kEnglishPart1Chars = 35;

// One field of a layout: byte offset and size inside the 256-byte block.
struct Slot
{
    int offset;
    int bytes;
};

namespace resident { // reference/idcard.md §2.2; the HMT permit (§2.7) shares it up to 219
constexpr Slot name{0, 30}, sex{30, 2}, ethnicity{32, 4}, birth{36, 16}, address{52, 70}, id{122, 36},
    issuer{158, 30}, validFrom{188, 16}, validUntil{204, 16};
} // namespace resident
namespace hmt { // §2.7
constexpr Slot permit{220, 18}, issueCount{238, 4};
} // namespace hmt
namespace foreign2017 { // §2.5
constexpr Slot englishName{0, 120}, sex{120, 2}, id{122, 30}, nationality{152, 6}, name{158, 30},
    validFrom{188, 16}, validUntil{204, 16}, birth{220, 16}, version{236, 4}, authority{240, 8};
} // namespace foreign2017
namespace foreign2023 { // §2.6
constexpr Slot name{0, 30}, sex{30, 2}, renewals{32, 4}, birth{36, 16}, english1{52, 70}, id{122, 36},
    validFrom{188, 16}, validUntil{204, 16}, english2{220, 22}, nationality{242, 6}, previous{250, 6};
} // namespace foreign2023

constexpr Slot kFlag{kTypeFlagOffset, 2};

// UTF-16LE → QString, without trimming. Reads only inside `bytes` (an odd last byte is ignored).
QString utf16le(QByteArrayView bytes)
{
    const qsizetype chars = bytes.size() / 2;
    QString s(chars, Qt::Uninitialized);
    QChar* out = s.data();
    for (qsizetype i = 0; i < chars; ++i) {
        const auto lo = static_cast<unsigned char>(bytes[2 * i]);
        const auto hi = static_cast<unsigned char>(bytes[2 * i + 1]);
        out[i] = QChar(char16_t(lo | (hi << 8)));
    }
    return s;
}

// Removes trailing U+0020 and U+0000 only: inner spaces and '·' belong to the value.
QString trimTrailing(QString s)
{
    qsizetype n = s.size();
    while (n > 0 && (s[n - 1] == QChar(u' ') || s[n - 1] == QChar(u'\0')))
        --n;
    s.truncate(n);
    return s;
}

QString rawField(QByteArrayView block, Slot slot)
{
    return utf16le(block.sliced(slot.offset, slot.bytes));
}

QString field(QByteArrayView block, Slot slot)
{
    return trimTrailing(rawField(block, slot));
}

// "YYYYMMDD" → date; anything else (or an impossible date) → null. The raw text is kept apart.
QDate parseDate(const QString& raw)
{
    if (raw.size() != 8)
        return QDate();
    int v[8];
    for (int i = 0; i < 8; ++i) {
        const char16_t c = raw[i].unicode();
        if (c < u'0' || c > u'9')
            return QDate();
        v[i] = c - u'0';
    }
    const int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    const int m = v[4] * 10 + v[5];
    const int d = v[6] * 10 + v[7];
    return QDate::isValid(y, m, d) ? QDate(y, m, d) : QDate();
}

void decodeBirth(QByteArrayView block, Slot slot, Identity& id)
{
    id.birthDateRaw = field(block, slot);
    id.birthDate = parseDate(id.birthDateRaw);
}

void decodeValidity(QByteArrayView block, Slot from, Slot until, Identity& id)
{
    id.validFromRaw = field(block, from);
    id.validFrom = parseDate(id.validFromRaw);
    id.validUntilRaw = field(block, until);
    if (id.validUntilRaw == QStringView(kLongTerm)) {
        id.validLongTerm = true;
        id.validUntil = QDate();
    } else {
        id.validUntil = parseDate(id.validUntilRaw);
    }
}

// --- encoding ---------------------------------------------------------------------------------

class BlockWriter
{
public:
    BlockWriter()
    {
        m_block.resize(kTextBlockSize);
        for (int i = 0; i < kTextBlockSize; i += 2) {
            m_block[i] = ' ';
            m_block[i + 1] = '\0';
        }
    }

    // Writes `text` into the slot, cut to fit (never splitting a surrogate pair); the rest of
    // the slot keeps its space padding.
    void put(Slot slot, QStringView text)
    {
        const qsizetype room = slot.bytes / 2;
        qsizetype n = std::min(text.size(), room);
        if (n > 0 && n < text.size() && text[n - 1].isHighSurrogate() && text[n].isLowSurrogate())
            --n;
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = text[i].unicode();
            m_block[slot.offset + 2 * i] = char(c & 0xFF);
            m_block[slot.offset + 2 * i + 1] = char((c >> 8) & 0xFF);
        }
    }

    QByteArray take() { return std::move(m_block); }

private:
    QByteArray m_block;
};

// Dates are written from the QDate when it is valid, else from the raw text (which is how an
// unparseable date read from a card survives a round trip).
QString dateText(QDate date, const QString& raw)
{
    return date.isValid() ? date.toString(QStringLiteral("yyyyMMdd")) : raw;
}

void encodeValidity(BlockWriter& w, Slot from, Slot until, const Identity& id)
{
    w.put(from, dateText(id.validFrom, id.validFromRaw));
    w.put(until,
          id.validLongTerm ? QString::fromUtf16(kLongTerm) : dateText(id.validUntil, id.validUntilRaw));
}

} // namespace

const char* textBlockErrorName(TextBlockError e)
{
    switch (e) {
    case TextBlockError::WrongSize:
        return "wrong_size";
    case TextBlockError::UnsupportedDocument:
        return "unsupported_document";
    }
    return "unknown";
}

Expected<Identity, TextBlockError> decodeTextBlock(QByteArrayView block)
{
    using Result = Expected<Identity, TextBlockError>;
    if (block.size() != kTextBlockSize)
        return Result::failure(TextBlockError::WrongSize);

    const char16_t flag = rawField(block, kFlag)[0].unicode();
    Identity id;
    switch (flag) {
    case u' ':
    case u'\0':
        id.documentType = DocumentType::Resident;
        break;
    case u'J':
        id.documentType = DocumentType::HmtPermit;
        break;
    case u'I':
        id.documentType = DocumentType::Foreign2017;
        break;
    case u'Y':
        id.documentType = DocumentType::Foreign2023;
        break;
    default:
        return Result::failure(TextBlockError::UnsupportedDocument);
    }

    switch (id.documentType) {
    case DocumentType::Resident:
    case DocumentType::HmtPermit:
        id.name = field(block, resident::name);
        id.sexCode = field(block, resident::sex);
        if (id.documentType == DocumentType::Resident) {
            id.ethnicityCode = field(block, resident::ethnicity);
        } else {
            id.permitNumber = field(block, hmt::permit);
            id.issueCount = field(block, hmt::issueCount);
        }
        decodeBirth(block, resident::birth, id);
        id.address = field(block, resident::address);
        id.idNumber = field(block, resident::id);
        id.issuer = field(block, resident::issuer);
        decodeValidity(block, resident::validFrom, resident::validUntil, id);
        break;
    case DocumentType::Foreign2017:
        id.englishName = field(block, foreign2017::englishName);
        id.sexCode = field(block, foreign2017::sex);
        id.idNumber = field(block, foreign2017::id);
        id.nationality = field(block, foreign2017::nationality);
        id.name = field(block, foreign2017::name);
        decodeValidity(block, foreign2017::validFrom, foreign2017::validUntil, id);
        decodeBirth(block, foreign2017::birth, id);
        id.cardVersion = field(block, foreign2017::version);
        id.authorityCode = field(block, foreign2017::authority);
        break;
    case DocumentType::Foreign2023:
        id.name = field(block, foreign2023::name);
        id.sexCode = field(block, foreign2023::sex);
        id.issueCount = field(block, foreign2023::renewals);
        decodeBirth(block, foreign2023::birth, id);
        // Part 1 is joined untrimmed: when the name is longer than 35 characters, part 1 is full
        // and its last character may be a real space of the name.
        id.englishName =
            trimTrailing(rawField(block, foreign2023::english1) + rawField(block, foreign2023::english2));
        id.idNumber = field(block, foreign2023::id);
        decodeValidity(block, foreign2023::validFrom, foreign2023::validUntil, id);
        id.nationality = field(block, foreign2023::nationality);
        // Only 3 characters fit in the 6-byte slot; kept as decoded (reference §2.6).
        id.previousNumber = field(block, foreign2023::previous);
        break;
    }
    return id;
}

QString decodeAppendedAddress(QByteArrayView bytes)
{
    return trimTrailing(utf16le(bytes.first(std::min<qsizetype>(bytes.size(), kAppendedAddressSize))));
}

QByteArray encodeTextBlock(const Identity& id)
{
    BlockWriter w;
    switch (id.documentType) {
    case DocumentType::Resident:
    case DocumentType::HmtPermit:
        w.put(resident::name, id.name);
        w.put(resident::sex, id.sexCode);
        if (id.documentType == DocumentType::Resident) {
            w.put(resident::ethnicity, id.ethnicityCode);
            w.put(kFlag, u" ");
        } else {
            w.put(hmt::permit, id.permitNumber);
            w.put(hmt::issueCount, id.issueCount);
            w.put(kFlag, u"J");
        }
        w.put(resident::birth, dateText(id.birthDate, id.birthDateRaw));
        w.put(resident::address, id.address);
        w.put(resident::id, id.idNumber);
        w.put(resident::issuer, id.issuer);
        encodeValidity(w, resident::validFrom, resident::validUntil, id);
        break;
    case DocumentType::Foreign2017:
        w.put(foreign2017::englishName, id.englishName);
        w.put(foreign2017::sex, id.sexCode);
        w.put(foreign2017::id, id.idNumber);
        w.put(foreign2017::nationality, id.nationality);
        w.put(foreign2017::name, id.name);
        encodeValidity(w, foreign2017::validFrom, foreign2017::validUntil, id);
        w.put(foreign2017::birth, dateText(id.birthDate, id.birthDateRaw));
        w.put(foreign2017::version, id.cardVersion);
        w.put(foreign2017::authority, id.authorityCode);
        w.put(kFlag, u"I");
        break;
    case DocumentType::Foreign2023: {
        w.put(foreign2023::name, id.name);
        w.put(foreign2023::sex, id.sexCode);
        w.put(foreign2023::renewals, id.issueCount);
        w.put(foreign2023::birth, dateText(id.birthDate, id.birthDateRaw));
        const QStringView english(id.englishName);
        qsizetype split = std::min<qsizetype>(english.size(), kEnglishPart1Chars);
        if (split > 0 && split < english.size() && english[split - 1].isHighSurrogate() &&
            english[split].isLowSurrogate()) {
            --split; // never split a surrogate pair across the two fields
        }
        w.put(foreign2023::english1, english.first(split));
        w.put(foreign2023::english2, english.sliced(split));
        w.put(foreign2023::id, id.idNumber);
        encodeValidity(w, foreign2023::validFrom, foreign2023::validUntil, id);
        w.put(foreign2023::nationality, id.nationality);
        w.put(kFlag, u"Y");
        w.put(foreign2023::previous, id.previousNumber);
        break;
    }
    }
    return w.take();
}

QByteArray encodeAppendedAddress(const QString& address)
{
    BlockWriter w;
    w.put(Slot{0, kAppendedAddressSize}, address);
    return w.take().first(kAppendedAddressSize);
}

} // namespace onewindow
