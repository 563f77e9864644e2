#include "app/admin/PinStore.h"

#include "app/admin/AtomicFile.h"
#include "app/platform/KioskConfig.h"
#include "base/files/BoundedRead.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <sys/stat.h>

namespace onewindow::admin {

namespace {

using R = Expected<PinRecord, PinStoreError>;

R malformed(const QString& why)
{
    return R::failure(
        {PinStoreError::Kind::Malformed, QStringLiteral("admin PIN record is malformed: %1").arg(why)});
}

// Strict base64: any character outside the alphabet is an error rather than skipped.
bool decodeBase64(const QJsonValue& v, QByteArray* out)
{
    if (!v.isString())
        return false;
    auto decoded =
        QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = *decoded;
    return true;
}

constexpr qint64 kMaxFileSize = 4096; // a record is ~200 bytes; anything big is not ours

} // namespace

QString PinStore::pathFor(const KioskConfig& config)
{
    const QString configured = config.value(QStringLiteral("admin/pin_file")).toString();
    if (!configured.isEmpty())
        return configured;
    if (!config.path().isEmpty())
        return QFileInfo(config.path()).absolutePath() + QStringLiteral("/admin-pin");
    return QStringLiteral("/etc/onewindow/admin-pin");
}

QByteArray PinStore::serialise(const PinRecord& record)
{
    QJsonObject o;
    o.insert(QStringLiteral("version"), record.version);
    o.insert(QStringLiteral("algorithm"), record.algorithm);
    o.insert(QStringLiteral("n"), qint64(record.params.n));
    o.insert(QStringLiteral("r"), qint64(record.params.r));
    o.insert(QStringLiteral("p"), qint64(record.params.p));
    o.insert(QStringLiteral("salt"), QString::fromLatin1(record.salt.toBase64()));
    o.insert(QStringLiteral("hash"), QString::fromLatin1(record.hash.toBase64()));
    o.insert(QStringLiteral("set_at"), record.setAt.toUTC().toString(Qt::ISODate));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

R PinStore::parse(const QByteArray& text)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    PinRecord r;
    r.version = o.value(QStringLiteral("version")).toInt(-1);
    if (r.version != PinRecord::kVersion)
        return malformed(QStringLiteral("unknown version"));
    r.algorithm = o.value(QStringLiteral("algorithm")).toString();
    if (r.algorithm != QLatin1String("scrypt"))
        return malformed(QStringLiteral("unknown algorithm"));
    const qint64 n = o.value(QStringLiteral("n")).toInteger(-1);
    const qint64 rr = o.value(QStringLiteral("r")).toInteger(-1);
    const qint64 p = o.value(QStringLiteral("p")).toInteger(-1);
    if (n <= 0 || rr <= 0 || p <= 0 || rr > 1024 || p > 1024)
        return malformed(QStringLiteral("scrypt parameters out of range"));
    r.params = {quint64(n), quint32(rr), quint32(p)};
    if (!r.params.plausible())
        return malformed(QStringLiteral("scrypt parameters out of range"));
    if (!decodeBase64(o.value(QStringLiteral("salt")), &r.salt))
        return malformed(QStringLiteral("salt is not base64"));
    if (r.salt.size() < PinRecord::kSaltSize || r.salt.size() > 64)
        return malformed(QStringLiteral("salt has the wrong length"));
    if (!decodeBase64(o.value(QStringLiteral("hash")), &r.hash))
        return malformed(QStringLiteral("hash is not base64"));
    if (r.hash.size() != PinRecord::kHashSize)
        return malformed(QStringLiteral("hash has the wrong length"));
    r.setAt = QDateTime::fromString(o.value(QStringLiteral("set_at")).toString(), Qt::ISODate);
    if (!r.setAt.isValid())
        return malformed(QStringLiteral("set_at is not a date"));
    return r;
}

R PinStore::load() const
{
    if (m_path.isEmpty())
        return R::failure({PinStoreError::Kind::Missing, QStringLiteral("no admin PIN file configured")});
    // A regular file within the limit: a FIFO or a device is refused, never waited on or read.
    const files::ReadResult file =
        files::readRegularFile(m_path, kMaxFileSize, QStringLiteral("admin PIN file"));
    if (file.missing)
        return R::failure(
            {PinStoreError::Kind::Missing,
             QStringLiteral("admin PIN not provisioned (no %1; run 'onewindow-tool admin set-pin')")
                 .arg(m_path)});
    if (file.tooLarge) // a record is ~200 bytes: this is not ours
        return malformed(file.error);
    if (!file.ok())
        return R::failure({PinStoreError::Kind::Unreadable, file.error});
    return parse(file.bytes);
}

QString PinStore::save(const PinRecord& record) const
{
    if (m_path.isEmpty())
        return QStringLiteral("no admin PIN file configured");
    const QString dir = QFileInfo(m_path).absolutePath();
    struct stat st
    {};
    if (::stat(QFile::encodeName(dir).constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return QStringLiteral("directory does not exist: %1").arg(dir);
    return AtomicFile::write(m_path, serialise(record), kFileMode, long(st.st_gid));
}

} // namespace onewindow::admin
