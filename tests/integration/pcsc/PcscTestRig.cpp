#include "PcscTestRig.h"

#include "drivers/idcard/TextBlock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace onewindow;

namespace pcsctest {

namespace {

constexpr const char* kVpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";

bool portFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(port));
    addr.sin_addr.s_addr = htonl(INADDR_ANY); // vpcd listens on every interface
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

} // namespace

QString skipReason()
{
    if (::geteuid() != 0)
        return QStringLiteral(
            "needs root: a private pcscd is started in its own mount namespace (CI runs as root)");
    for (const char* tool : {"unshare", "pcscd", "mount"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty() &&
            !QFileInfo::exists(QStringLiteral("/usr/sbin/") + QLatin1String(tool)))
            return QStringLiteral("%1 not installed (scripts/install-deps.sh)").arg(QLatin1String(tool));
    }
    if (!QFileInfo::exists(QString::fromLatin1(kVpcdDriver)))
        return QStringLiteral("vsmartcard-vpcd not installed (scripts/install-deps.sh)");
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3 not installed");
    QProcess probe;
    probe.start(QStringLiteral("unshare"), {QStringLiteral("--mount"), QStringLiteral("true")});
    if (!probe.waitForFinished(5000) || probe.exitCode() != 0)
        return QStringLiteral("unshare --mount is not permitted here (no CAP_SYS_ADMIN?): %1")
            .arg(QString::fromLocal8Bit(probe.readAllStandardError()).trimmed());
    return {};
}

int freePortBlock(int count)
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        const int base = 20000 + int(QRandomGenerator::global()->bounded(12000));
        bool ok = true;
        for (int p = base; p < base + count && ok; ++p)
            ok = portFree(p);
        if (ok)
            return base;
    }
    return 0;
}

// --- VirtualCard ---------------------------------------------------------------------------

VirtualCard::~VirtualCard()
{
    stop();
}

bool VirtualCard::start(int port, const QStringList& args)
{
    stop(); // a VirtualCard may play several cards in turn
    m_pending.clear();
    m_partial.clear();
    m_all.clear();
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral("/usr/bin/python3"),
                    QStringList{emulatorPath(), QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--start-removed")} +
                        args);
    return m_process.waitForStarted(5000) && waitFor(QStringLiteral("ready"));
}

bool VirtualCard::readLine(QString& line, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (true) {
        // Data may already sit in QProcess's buffer (read while an event loop ran): take it
        // before waiting, since waitForReadyRead only reports new data.
        const QString text = QString::fromUtf8(m_process.readAllStandardOutput());
        m_all += text;
        m_partial += text;
        qsizetype nl;
        while ((nl = m_partial.indexOf(u'\n')) >= 0) {
            m_pending.append(m_partial.left(nl));
            m_partial.remove(0, nl + 1);
        }
        if (!m_pending.isEmpty()) {
            line = m_pending.takeFirst();
            return true;
        }
        const int left = timeoutMs - int(clock.elapsed());
        if (left <= 0 || m_process.state() != QProcess::Running)
            return false;
        m_process.waitForReadyRead(qMin(left, 100));
    }
}

bool VirtualCard::command(const QString& line)
{
    if (m_process.state() != QProcess::Running)
        return false;
    m_process.write((line + u'\n').toUtf8());
    const QString verb = line.section(u' ', 0, 0);
    QString answer;
    // Event lines ("connected", …) may come first; keep them for waitFor().
    QStringList events;
    bool ok = false;
    while (readLine(answer, 5000)) {
        if (answer.startsWith(QStringLiteral("ok ") + verb)) {
            m_lastAnswer = answer;
            ok = true;
            break;
        }
        if (answer.startsWith(QStringLiteral("error"))) {
            qWarning("virtual card: %s", qPrintable(answer));
            break;
        }
        events.append(answer);
    }
    m_pending = events + m_pending;
    return ok;
}

int VirtualCard::apduCount()
{
    if (!command(QStringLiteral("count")))
        return -1;
    bool ok = false;
    const int n = m_lastAnswer.section(u' ', 2, 2).toInt(&ok);
    return ok ? n : -1;
}

bool VirtualCard::waitFor(const QString& event, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QString line;
    while (readLine(line, qMax(1, timeoutMs - int(clock.elapsed())))) {
        if (line == event)
            return true;
    }
    return false;
}

void VirtualCard::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.write("quit\n");
    if (!m_process.waitForFinished(2000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

// --- PrivatePcscd --------------------------------------------------------------------------

PrivatePcscd::PrivatePcscd()
{
    m_runDir = m_dir.filePath(QStringLiteral("run"));
    QDir().mkpath(m_runDir);
    m_conf = m_dir.filePath(QStringLiteral("reader.conf"));
    qputenv("PCSCLITE_CSOCK_NAME", (m_runDir + QStringLiteral("/pcscd.comm")).toLocal8Bit());
}

PrivatePcscd::~PrivatePcscd()
{
    stop();
}

bool PrivatePcscd::start(const QList<Slot>& slotList, QString* error)
{
    QFile conf(m_conf);
    if (!conf.open(QIODevice::WriteOnly)) {
        *error = conf.errorString();
        return false;
    }
    for (const Slot& s : slotList) {
        conf.write(
            QStringLiteral("FRIENDLYNAME \"%1\"\nDEVICENAME /dev/null:%2\nLIBPATH %3\nCHANNELID %2\n\n")
                .arg(s.friendlyName)
                .arg(s.port)
                .arg(QLatin1String(kVpcdDriver))
                .toUtf8());
    }
    conf.close();
    return launch(error);
}

bool PrivatePcscd::launch(QString* error)
{
    // A killed pcscd leaves its socket and pid file behind.
    QFile::remove(m_runDir + QStringLiteral("/pcscd.comm"));
    QFile::remove(m_runDir + QStringLiteral("/pcscd.pid"));
    QDir().mkpath(QStringLiteral("/run/pcscd")); // the mount point inside the namespace
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // Paths as the shell's arguments, not spliced into the script: any TMPDIR (spaces, quotes) works.
    const QString script = QStringLiteral("mount --bind \"$1\" /run/pcscd && exec pcscd -f -c \"$2\"");
    m_process->start(QStringLiteral("unshare"),
                     {QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"),
                      QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh"), m_runDir,
                      m_conf});
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("unshare did not start: ") + m_process->errorString();
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 5000) {
        if (QFileInfo::exists(m_runDir + QStringLiteral("/pcscd.comm")))
            return true;
        if (m_process->waitForFinished(50)) {
            *error = QStringLiteral("pcscd exited: ") + log();
            return false;
        }
    }
    *error = QStringLiteral("pcscd did not create its socket: ") + log();
    return false;
}

void PrivatePcscd::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill(); // the process is pcscd itself (unshare and sh exec it)
    m_process->waitForFinished(5000);
    m_log += QString::fromLocal8Bit(m_process->readAll());
}

bool PrivatePcscd::restart(QString* error)
{
    kill();
    return launch(error);
}

void PrivatePcscd::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(3000))
        kill();
}

QString PrivatePcscd::log() const
{
    return m_log + (m_process ? QString::fromLocal8Bit(m_process->readAll()) : QString());
}

// --- profiles and fixtures -----------------------------------------------------------------

QString fieldAtr()
{
    return QStringLiteral("3B 8E 80 01 11 22 33 44 55 66 77 88 99 90 00 AA BB CC 53");
}

QList<ReaderProfile> testProfiles()
{
    QList<ReaderProfile> all = builtinReaderProfiles().profiles;
    ReaderProfile sam = *findProfile(all, QStringLiteral("generic-sam"));
    sam.name = QStringLiteral("test-sam");
    sam.readerName = QRegularExpression(QStringLiteral("^OW SAM "));
    sam.apdu.chipSerial = ApduStep{QByteArray::fromHex("0036000008"), 0, 8};

    ReaderProfile field = *findProfile(all, QStringLiteral("field-convention"));
    field.name = QStringLiteral("test-field");
    // Like the field code: only "90 00" at ATR bytes 13..14 (hex offset 26) is checked.
    QByteArray mask(19, '\0');
    mask[0] = char(0xFF);
    mask[13] = char(0xFF);
    mask[14] = char(0xFF);
    field.atrs = {AtrPattern{QByteArray::fromHex(fieldAtr().toLatin1()), mask}};

    ReaderProfile contactless = *findProfile(all, QStringLiteral("chip-serial-only"));
    contactless.name = QStringLiteral("test-contactless");
    contactless.readerName = QRegularExpression(QStringLiteral("^OW Mixed 00 00$"));
    return QList<ReaderProfile>{sam, field, contactless} + all;
}

QString fixturePath(const QString& fixture)
{
    return qEnvironmentVariable("ONEWINDOW_SOURCE_DIR") + QStringLiteral("/tests/fixtures/idcard/") + fixture;
}

QString emulatorPath()
{
    return qEnvironmentVariable("ONEWINDOW_SOURCE_DIR") + QStringLiteral("/tests/emulators/vpcd_card.py");
}

QByteArray syntheticPhoto()
{
    QByteArray p(1024, '\0');
    for (int i = 0; i < p.size(); ++i)
        p[i] = char((i * 7 + 3) & 0xFF); // vpcd_card.py's pattern
    return p;
}

Identity fixtureIdentity(const QString& fixture)
{
    QFile f(fixturePath(fixture));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(fixture));
    auto decoded = decodeTextBlock(QByteArray::fromHex(f.readAll()));
    if (!decoded)
        qFatal("fixture %s does not decode", qPrintable(fixture));
    Identity id = decoded.value();
    id.photo = syntheticPhoto();
    return id;
}

QString compareIdentity(const Identity& a, const Identity& e)
{
    const auto diff = [](const char* field) {
        return QString::fromLatin1(field);
    };
    if (a.documentType != e.documentType)
        return diff("documentType");
    if (a.name != e.name)
        return diff("name");
    if (a.englishName != e.englishName)
        return diff("englishName");
    if (a.sexCode != e.sexCode)
        return diff("sexCode");
    if (a.ethnicityCode != e.ethnicityCode)
        return diff("ethnicityCode");
    if (a.birthDate != e.birthDate)
        return diff("birthDate");
    if (a.address != e.address)
        return diff("address");
    if (a.appendedAddress != e.appendedAddress)
        return diff("appendedAddress");
    if (a.idNumber != e.idNumber)
        return diff("idNumber");
    if (a.issuer != e.issuer)
        return diff("issuer");
    if (a.validFrom != e.validFrom || a.validUntil != e.validUntil || a.validLongTerm != e.validLongTerm)
        return diff("validity");
    if (a.nationality != e.nationality)
        return diff("nationality");
    if (a.permitNumber != e.permitNumber)
        return diff("permitNumber");
    if (a.issueCount != e.issueCount)
        return diff("issueCount");
    if (a.photo != e.photo)
        return diff("photo");
    if (a.chipSerial != e.chipSerial)
        return diff("chipSerial");
    return {};
}

} // namespace pcsctest
