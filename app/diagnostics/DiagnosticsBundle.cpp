#include "app/diagnostics/DiagnosticsBundle.h"

#include "app/diagnostics/TarWriter.h"
#include "app/platform/KioskConfig.h"
#include "app/platform/Logging.h"
#include "app/platform/PosixIo.h"
#include "base/files/BoundedRead.h"
#include "base/files/OutputDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStorageInfo>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onewindow::diagnostics {

namespace {

QByteArray redactedLines(const QStringList& lines)
{
    QByteArray out;
    for (const QString& line : lines)
        out += redactLogText(line).toUtf8() + '\n';
    return out;
}

// Redacts the string values only: numbers (byte counts, offsets) are no personal data, and a
// masked number would no longer be JSON.
QJsonValue redactedJson(const QJsonValue& v)
{
    if (v.isString())
        return redactLogText(v.toString());
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : v.toArray())
            out.append(redactedJson(item));
        return out;
    }
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), redactedJson(it.value()));
        return out;
    }
    return v;
}

bool isSecretKey(const QString& key)
{
    static const char* const words[] = {"key", "secret", "password", "passwd", "pin", "token", "credential"};
    const QString lower = key.toLower();
    for (const char* w : words) {
        if (lower.contains(QLatin1String(w)))
            return true;
    }
    return false;
}

// A file name part from the kiosk id: letters, digits, '-', '_', '.'.
QString safeName(const QString& s)
{
    QString out;
    for (QChar c : s)
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') ||
                       c == QLatin1Char('_') || c == QLatin1Char('.')
                   ? c
                   : QLatin1Char('_');
    return out.left(64).isEmpty() ? QStringLiteral("kiosk") : out.left(64);
}

} // namespace

QByteArray DiagnosticsBundle::sanitizedConfig(const QString& configPath)
{
    if (configPath.isEmpty())
        return "# no configuration file: built-in defaults\n";
    const files::ReadResult file =
        files::readRegularFile(configPath, files::kConfigMaxBytes, QStringLiteral("configuration file"));
    if (!file.ok())
        return "# " + file.error.toUtf8() + "\n";
    QByteArray out = "# " + configPath.toUtf8() + ", secrets removed\n";
    static const QRegularExpression assignment(QStringLiteral("^(\\s*)([^=;#\\[][^=]*?)(\\s*=\\s*)(.*)$"));
    for (const QString& line : QString::fromUtf8(file.bytes).split(QLatin1Char('\n'))) {
        const auto m = assignment.match(line);
        if (m.hasMatch() && isSecretKey(m.captured(2)))
            out +=
                (m.captured(1) + m.captured(2) + m.captured(3) + QStringLiteral("(removed)")).toUtf8() + '\n';
        else
            out += redactLogText(line).toUtf8() + '\n';
    }
    return out;
}

QByteArray DiagnosticsBundle::journalExcerpt()
{
    const QString journalctl = QStandardPaths::findExecutable(QStringLiteral("journalctl"));
    if (journalctl.isEmpty())
        return "# journalctl is not available on this system\n";
    QProcess p;
    p.start(journalctl, {QStringLiteral("-u"), QStringLiteral("onewindow-kiosk"), QStringLiteral("-n"),
                         QStringLiteral("5000"), QStringLiteral("-o"), QStringLiteral("short-iso"),
                         QStringLiteral("--no-pager")});
    if (!p.waitForFinished(15000) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished(1000);
        return "# journalctl did not answer\n";
    }
    const QByteArray text = p.readAllStandardOutput();
    if (p.exitCode() != 0 && text.isEmpty())
        return "# journalctl failed (exit " + QByteArray::number(p.exitCode()) + ")\n";
    return redactedLines(QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts));
}

Expected<QString, QString> DiagnosticsBundle::write(const QString& targetDir, const Contents& contents)
{
    using R = Expected<QString, QString>;
    if (!contents.inputs.config)
        return R::failure(QStringLiteral("no configuration given"));
    // Opened once without following a symlink (as root a link to /etc put the tar there); never a
    // system directory, nor the kiosk's state directory; the file is made relative to it.
    const QString stateDir =
        contents.inputs.stateDir.isEmpty() ? contents.inputs.config->stateDir() : contents.inputs.stateDir;
    QString refused;
    const auto dir =
        files::OutputDirectory::open(targetDir, files::OutputDirectory::Policy::Export, &refused, {stateDir});
    if (!dir)
        return R::failure(refused);

    const QJsonObject report = DiagnosticsReport::collect(contents.inputs);
    const QJsonObject audit = report.value(QStringLiteral("audit")).toObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    TarWriter tar;
    // The report is built from counts and paths; it still passes the redaction, like all text.
    tar.addFile(QStringLiteral("diagnostics.json"), QJsonDocument(redactedJson(report).toObject()).toJson(),
                0640, now);
    tar.addFile(QStringLiteral("recent.log"), redactedLines(contents.recentLines), 0640, now);
    tar.addFile(QStringLiteral("journal.log"),
                contents.includeJournal ? journalExcerpt() : QByteArray("# journal not included\n"), 0640,
                now);
    tar.addFile(QStringLiteral("kiosk.conf"), sanitizedConfig(contents.inputs.config->path()), 0640, now);
    tar.addFile(QStringLiteral("audit-verify.json"), QJsonDocument(redactedJson(audit).toObject()).toJson(),
                0640, now);
    const QByteArray archive = tar.finish();

    const QString name = QStringLiteral("onewindow-diag-%1-%2.tar")
                             .arg(safeName(report.value(QStringLiteral("kiosk_id")).toString()),
                                  now.toString(QStringLiteral("yyyyMMdd-hhmmss")));
    // 0640 (documented): the kiosk's group may read a bundle; nothing personal is in it.
    if (const QString error = dir->writeFile(name, archive, 0640); !error.isEmpty())
        return R::failure(error);
    const QString finalPath = QDir(targetDir).absoluteFilePath(name);
    qCInfo(lcDiagnostics) << "diagnostics bundle written:" << name << archive.size() << "bytes";
    return finalPath;
}

QList<DiagnosticsBundle::Volume> DiagnosticsBundle::removableTargets()
{
    QList<Volume> out;
    for (const QStorageInfo& v : QStorageInfo::mountedVolumes()) {
        if (!v.isValid() || !v.isReady() || v.isReadOnly())
            continue;
        const QByteArray device = v.device();
        if (!device.startsWith("/dev/"))
            continue;
        // /sys/class/block/sdb1 links into …/block/sdb/sdb1; the disk holds "removable".
        const QString sysPath = QFileInfo(QStringLiteral("/sys/class/block/") +
                                          QFileInfo(QString::fromLocal8Bit(device)).fileName())
                                    .canonicalFilePath();
        if (sysPath.isEmpty())
            continue;
        QString removable = sysPath + QStringLiteral("/removable");
        if (!QFileInfo::exists(removable))
            removable = QFileInfo(sysPath).path() + QStringLiteral("/removable");
        QFile f(removable);
        if (!f.open(QIODevice::ReadOnly) || f.readAll().trimmed() != "1")
            continue;
        out.append({v.rootPath(), v.displayName(), v.bytesAvailable()});
    }
    return out;
}

} // namespace onewindow::diagnostics
