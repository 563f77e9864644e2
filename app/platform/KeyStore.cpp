#include "app/platform/KeyStore.h"

#include "app/platform/PosixIo.h"
#include "base/files/BoundedRead.h"
#include "drivers/idcard/ResidentId.h"
#include "drivers/idcard/SecureWipe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onewindow {

namespace {

constexpr auto kHeader = "# OneWindow key file. Keep it root-only (mode 0600) and back it up with the\n"
                         "# state directory: without it outbox.db, cache.db and audit.db cannot be read.\n"
                         "format 1\n";

Expected<KeyStore::Material, QString> parse(const QByteArray& text, const QString& path)
{
    using R = Expected<KeyStore::Material, QString>;
    KeyStore::Material m;
    bool formatSeen = false;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray& raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> f = line.simplified().split(' ');
        auto key = [&](const QByteArray& hex) {
            return QByteArray::fromHex(hex);
        };
        if (f.size() == 2 && f[0] == "format" && f[1] == "1") {
            formatSeen = true;
        } else if (f.size() == 2 && f[0] == "index") {
            m.indexKey = key(f[1]);
        } else if (f.size() == 2 && f[0] == "audit") {
            m.auditKey = key(f[1]);
        } else if (f.size() == 3 && f[0] == "data") {
            bool ok = false;
            const int version = f[1].toInt(&ok);
            if (!ok || version <= 0)
                return R::failure(QStringLiteral("key file %1: bad data key version").arg(path));
            m.dataKeys.append({version, key(f[2])});
        } else if (f.size() == 2 && f[0] == "current") {
            m.currentVersion = f[1].toInt();
        } else {
            return R::failure(QStringLiteral("key file %1: unrecognised line").arg(path));
        }
    }
    if (!formatSeen)
        return R::failure(
            QStringLiteral("key file %1: missing 'format 1' (unknown key file format)").arg(path));
    return R(std::move(m));
}

QByteArray render(const KeyStore::Material& m)
{
    QByteArray out(kHeader);
    out += "index " + m.indexKey.toHex() + '\n';
    out += "audit " + m.auditKey.toHex() + '\n';
    for (const auto& [version, key] : m.dataKeys)
        out += "data " + QByteArray::number(version) + ' ' + key.toHex() + '\n';
    out += "current " + QByteArray::number(m.currentVersion) + '\n';
    return out;
}

} // namespace

KeyStore::Material::~Material()
{
    crypto::cleanse(indexKey);
    crypto::cleanse(auditKey);
    for (auto& entry : dataKeys)
        crypto::cleanse(entry.second);
}

QByteArray RowBinding::aad(int keyVersion) const
{
    // Length-prefixed fields, so no choice of values can make two bindings encode the same.
    QByteArray out;
    auto field = [&out](const QByteArray& value) {
        out += QByteArray::number(value.size()) + ':' + value;
    };
    field(table.toUtf8());
    field(rowKey);
    field(column.toUtf8());
    field(QByteArray::number(keyVersion));
    return out;
}

Expected<KeyStore, QString> KeyStore::fromMaterial(Material material)
{
    using R = Expected<KeyStore, QString>;
    const bool keysOk = material.indexKey.size() == crypto::kKeySize &&
                        material.auditKey.size() == crypto::kKeySize && !material.dataKeys.isEmpty();
    bool currentFound = false;
    for (const auto& [version, key] : material.dataKeys) {
        if (key.size() != crypto::kKeySize)
            return R::failure(QStringLiteral("data key %1 is not 32 bytes").arg(version));
        currentFound = currentFound || version == material.currentVersion;
    }
    if (!keysOk || !currentFound)
        return R::failure(QStringLiteral("incomplete key material"));
    std::sort(material.dataKeys.begin(), material.dataKeys.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    KeyStore store;
    store.m_material = std::make_shared<const Material>(std::move(material));
    return store;
}

Expected<KeyStore, QString> KeyStore::open(const QString& path, bool create)
{
    using R = Expected<KeyStore, QString>;
    for (int attempt = 0; attempt < 2; ++attempt) {
        // Bounded, regular files only, and a planted symlink is refused (O_NOFOLLOW).
        files::ReadResult file = files::readRegularFile(path, files::kSmallStateMaxBytes,
                                                        QStringLiteral("key file"), files::Symlinks::Refuse);
        if (file.ok()) {
            QByteArray& text = file.bytes;
            if (file.mode & (S_IRWXG | S_IRWXO)) {
                secureWipe(text);
                return R::failure(QStringLiteral("key file %1 is accessible by group or others (mode %2); "
                                                 "run 'chmod 600' on it")
                                      .arg(path)
                                      .arg(file.mode & 0777, 3, 8, QLatin1Char('0')));
            }
            auto material = parse(text, path);
            secureWipe(text);
            if (!material.ok())
                return R::failure(material.error());
            auto store = fromMaterial(std::move(material).value());
            if (!store.ok())
                return R::failure(QStringLiteral("key file %1 is incomplete: %2").arg(path, store.error()));
            store.value().m_path = path;
            return store;
        }
        if (!file.missing)
            return R::failure(file.error);
        if (!create)
            return R::failure(QStringLiteral("key file %1 does not exist").arg(path));

        Material fresh;
        fresh.indexKey = crypto::randomBytes(crypto::kKeySize);
        fresh.auditKey = crypto::randomBytes(crypto::kKeySize);
        fresh.dataKeys.append({1, crypto::randomBytes(crypto::kKeySize)});
        fresh.currentVersion = 1;
        if (fresh.indexKey.isEmpty() || fresh.auditKey.isEmpty() || fresh.dataKeys.first().second.isEmpty())
            return R::failure(QStringLiteral("the system random generator failed"));
        const QString error = writeFile(path, fresh, /*exclusive=*/true);
        if (!error.isEmpty() && !error.startsWith(QLatin1String("EEXIST")))
            return R::failure(error);
        // Created (or lost the race to another process): read back what is on disk.
    }
    return R::failure(QStringLiteral("key file %1 could not be created").arg(path));
}

Expected<KeyStore::Material, QString> KeyStore::parseMaterial(const QByteArray& text, const QString& source)
{
    return parse(text, source);
}

QString KeyStore::writeFile(const QString& path, const Material& material, bool exclusive)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot create directory %1").arg(dir);
    const QString tmp = QStringLiteral("%1.tmp-%2").arg(path).arg(::getpid());
    const QByteArray tmpNative = QFile::encodeName(tmp);
    ::unlink(tmpNative.constData());
    const int fd = ::open(tmpNative.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return systemErrorText(QStringLiteral("cannot create"), tmp);
    QByteArray text = render(material);
    const bool written = ::fchmod(fd, 0600) == 0 && writeAllToFd(fd, text) && ::fsync(fd) == 0;
    secureWipe(text);
    ::close(fd);
    if (!written) {
        const QString error = systemErrorText(QStringLiteral("cannot write"), tmp);
        ::unlink(tmpNative.constData());
        return error;
    }
    const QByteArray native = QFile::encodeName(path);
    // link() refuses to replace an existing file: first start cannot overwrite keys.
    const int rc = exclusive ? ::link(tmpNative.constData(), native.constData())
                             : ::rename(tmpNative.constData(), native.constData());
    const int savedErrno = errno;
    if (exclusive)
        ::unlink(tmpNative.constData());
    if (rc != 0) {
        if (!exclusive)
            ::unlink(tmpNative.constData());
        if (savedErrno == EEXIST)
            return QStringLiteral("EEXIST");
        errno = savedErrno;
        return systemErrorText(QStringLiteral("cannot install key file"), path);
    }
    fsyncPath(dir, true);
    return {};
}

int KeyStore::currentVersion() const
{
    return m_material ? m_material->currentVersion : 0;
}

QList<int> KeyStore::versions() const
{
    QList<int> out;
    if (m_material) {
        for (const auto& entry : m_material->dataKeys)
            out.append(entry.first);
    }
    return out;
}

Expected<int, QString> KeyStore::rotate()
{
    using R = Expected<int, QString>;
    if (!m_material)
        return R::failure(QStringLiteral("no keys loaded"));
    Material next;
    next.indexKey = m_material->indexKey;
    next.auditKey = m_material->auditKey;
    next.dataKeys = m_material->dataKeys;
    const int version = next.dataKeys.last().first + 1;
    const QByteArray key = crypto::randomBytes(crypto::kKeySize);
    if (key.size() != crypto::kKeySize)
        return R::failure(QStringLiteral("the system random generator failed"));
    next.dataKeys.append({version, key});
    next.currentVersion = version;
    if (!m_path.isEmpty()) {
        const QString error = writeFile(m_path, next, /*exclusive=*/false);
        if (!error.isEmpty())
            return R::failure(error);
    }
    m_material = std::make_shared<const Material>(std::move(next));
    return version;
}

const QByteArray* KeyStore::dataKey(int version) const
{
    if (!m_material)
        return nullptr;
    for (const auto& entry : m_material->dataKeys) {
        if (entry.first == version)
            return &entry.second;
    }
    return nullptr;
}

Expected<SealedValue, crypto::CryptoError> KeyStore::seal(const QByteArray& plaintext,
                                                          const RowBinding& binding) const
{
    using R = Expected<SealedValue, crypto::CryptoError>;
    const int version = currentVersion();
    const QByteArray* key = dataKey(version);
    if (!key)
        return R::failure(crypto::CryptoError::BadKey);
    auto blob = crypto::seal(*key, plaintext, binding.aad(version));
    if (!blob.ok())
        return R::failure(blob.error());
    return SealedValue{version, std::move(blob).value()};
}

Expected<QByteArray, crypto::CryptoError> KeyStore::open(int keyVersion, const QByteArray& blob,
                                                         const RowBinding& binding) const
{
    const QByteArray* key = dataKey(keyVersion);
    if (!key)
        return Expected<QByteArray, crypto::CryptoError>::failure(crypto::CryptoError::BadKey);
    return crypto::open(*key, blob, binding.aad(keyVersion));
}

QString KeyStore::normaliseIdNumber(QStringView idNumber)
{
    // A null "today" skips the not-in-the-future test: normalisation must not change with time.
    const ResidentId id = ResidentId::parse(idNumber.toString(), QDate());
    QString number = id.number();
    if (number.isEmpty())
        number = idNumber.trimmed().toString().toUpper();
    return number;
}

QByteArray KeyStore::blindIndex(QStringView idNumber, QStringView codeType) const
{
    if (!m_material)
        return {};
    QString number = normaliseIdNumber(idNumber);
    QByteArray input = "bidx|" + codeType.toUtf8() + '|' + number.toUtf8();
    const QByteArray mac = crypto::hmacSha256(m_material->indexKey, input);
    secureWipe(number);
    secureWipe(input);
    return mac;
}

QByteArray KeyStore::keyedHash(QStringView domain, const QByteArray& value) const
{
    if (!m_material)
        return {};
    return crypto::hmacSha256(m_material->indexKey, "kh|" + domain.toUtf8() + '|' + value);
}

QByteArray KeyStore::auditMac(const QByteArray& data) const
{
    return m_material ? crypto::hmacSha256(m_material->auditKey, data) : QByteArray();
}

} // namespace onewindow
