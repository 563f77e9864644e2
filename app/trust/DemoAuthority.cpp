#include "app/trust/DemoAuthority.h"

#include "app/platform/PosixIo.h"

#include <QDir>
#include <QFile>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onewindow::trust {

namespace {

Expected<PrivateKey, QString> loadOrMake(const QString& path, SignatureAlgorithm alg)
{
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        auto key = PrivateKey::fromPem(f.read(16 * 1024));
        if (key && key->algorithm() == alg)
            return key;
        return Expected<PrivateKey, QString>::failure(
            QStringLiteral("%1: not a %2 key").arg(path, algorithmName(alg)));
    }
    auto key = PrivateKey::generate(alg);
    if (!key)
        return key;
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return Expected<PrivateKey, QString>::failure(systemErrorText(QStringLiteral("create"), path));
    const bool ok = ::fchmod(fd, 0600) == 0 && writeAllToFd(fd, key->toPem()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        return Expected<PrivateKey, QString>::failure(systemErrorText(QStringLiteral("write"), path));
    return key;
}

} // namespace

Expected<LicenseAuthority, QString> DemoAuthority::loadOrCreate(const QString& dir, QStringList issuerCodes)
{
    using R = Expected<LicenseAuthority, QString>;
    if (!QDir().mkpath(dir) || ::chmod(QFile::encodeName(dir).constData(), 0700) != 0)
        return R::failure(systemErrorText(QStringLiteral("create"), dir));
    auto root = loadOrMake(dir + QStringLiteral("/root.pem"), SignatureAlgorithm::Sm2Sm3);
    auto sm2 = loadOrMake(dir + QStringLiteral("/sm2.pem"), SignatureAlgorithm::Sm2Sm3);
    auto p256 = loadOrMake(dir + QStringLiteral("/p256.pem"), SignatureAlgorithm::EcdsaP256Sha256);
    for (const auto* k : {&root, &sm2, &p256}) {
        if (!*k)
            return R::failure(k->error());
    }
    LicenseAuthority authority(root.value());
    issuerCodes.sort();
    issuerCodes.removeDuplicates();
    for (qsizetype i = 0; i < issuerCodes.size(); ++i)
        authority.addIssuer(QStringLiteral("demo-") + issuerCodes[i], issuerCodes[i],
                            i % 2 == 0 ? sm2.value() : p256.value());
    return authority;
}

} // namespace onewindow::trust
