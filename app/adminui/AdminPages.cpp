#include "app/adminui/AdminPages.h"

#include "app/adminui/ConfigEditor.h"
#include "app/platform/ConfigOverrides.h"
#include "app/session/ResidentSession.h"
#include "app/storage/StorageService.h"
#include "app/sync/SyncService.h"
#include "base/files/OutputDirectory.h"
#include "drivers/idcard/Identity.h"
#include "drivers/idcard/Masking.h"
#include "drivers/reader/ReaderManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace onewindow::adminui {

namespace {
QString ageText(const QDateTime& at)
{
    if (!at.isValid())
        return QStringLiteral("-");
    const qint64 s = at.secsTo(QDateTime::currentDateTimeUtc());
    if (s < 120)
        return QCoreApplication::translate("AdminPages", "%1 s ago").arg(s);
    if (s < 7200)
        return QCoreApplication::translate("AdminPages", "%1 min ago").arg(s / 60);
    return QCoreApplication::translate("AdminPages", "%1 h ago").arg(s / 3600);
}

QVariantMap row(const QString& label, const QString& value, const QString& status = QStringLiteral("ok"))
{
    return {{QStringLiteral("label"), label},
            {QStringLiteral("value"), value},
            {QStringLiteral("status"), status}};
}

// Flattens the diagnostics JSON into label/value rows: "databases.outbox.size_bytes" → row.
void flatten(const QString& prefix, const QJsonValue& v, QVariantList& rows)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), it.value(), rows);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            flatten(prefix + QStringLiteral("[%1]").arg(i), a.at(i), rows);
    } else {
        QString text = v.isString()   ? v.toString()
                       : v.isBool()   ? (v.toBool() ? QStringLiteral("yes") : QStringLiteral("no"))
                       : v.isDouble() ? QString::number(v.toDouble(), 'g', 12)
                                      : QStringLiteral("-");
        const bool bad = (prefix.endsWith(QLatin1String(".ok")) && !v.toBool(true)) ||
                         text.startsWith(QLatin1String("fail"));
        rows.append(row(prefix, text, bad ? QStringLiteral("fail") : QStringLiteral("ok")));
    }
}
} // namespace

AdminPages::AdminPages(Parts parts, AdminHooks hooks, QObject* parent)
    : QObject(parent), m_parts(std::move(parts)), m_hooks(std::move(hooks)),
      m_outOfService(m_parts.outOfService)
{
    if (m_parts.readers) {
        auto upsert = [this](const ReaderInfo& info) {
            m_readerInfo.insert(info.name, info);
            emit readersChanged();
        };
        connect(m_parts.readers, &ReaderManager::readerAdded, this, upsert);
        connect(m_parts.readers, &ReaderManager::readerChanged, this, upsert);
        connect(m_parts.readers, &ReaderManager::readerRemoved, this, [this](const QString& name) {
            m_readerInfo.remove(name);
            emit readersChanged();
        });
    }
    if (m_parts.storage)
        connect(m_parts.storage, &storage::StorageService::queueStatsReady, this,
                [this](quint64 request, const storage::QueueStats& stats) {
                    if (request == m_statsRequest)
                        onQueueStats(stats);
                });
    if (m_parts.sync) {
        connect(m_parts.sync->statusModel(), &sync::SyncStatusModel::changed, this, &AdminPages::syncChanged);
        // The hub's commands of this run, newest first (what a technician asks "did it arrive?").
        connect(m_parts.sync, &sync::SyncService::commandReceived, this,
                [this](const sync::protocol::HubCommand& command) {
                    m_commands.prepend(QStringLiteral("%1 %2 (%3)")
                                           .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                                command.type, command.id));
                    while (m_commands.size() > 20)
                        m_commands.removeLast();
                    emit syncChanged();
                });
    }
    // While admin mode is open, the live pages refresh every two seconds.
    m_refresh.setInterval(2000);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_page == QLatin1String("queue"))
            refreshQueue();
        else if (m_page == QLatin1String("logs"))
            refreshLogs();
        else if (m_page == QLatin1String("device"))
            emit deviceChanged(); // the health checks (the diagnostics are refreshed on demand)
        emit syncChanged();       // ages
    });
}

AdminPages::~AdminPages() = default;

QObject* AdminPages::config() const
{
    return m_parts.config;
}

void AdminPages::setActive(bool active)
{
    m_active = active;
    if (active) {
        m_page = QStringLiteral("readers");
        emit pageChanged();
        m_refresh.start();
        refresh();
    } else {
        m_refresh.stop();
        m_testReadArmed = false;
        m_testReadResult.clear();
        m_message.clear();
        emit testReadChanged();
        emit messageChanged();
        if (m_parts.config)
            m_parts.config->revert();
    }
}

void AdminPages::setPage(const QString& page)
{
    if (page == m_page)
        return;
    m_page = page;
    if (m_hooks.touch)
        m_hooks.touch();
    setMessage({});
    emit pageChanged();
    refresh();
}

void AdminPages::act(const QString& action, const QString& object, const QString& result,
                     const QString& detail)
{
    if (m_hooks.touch)
        m_hooks.touch();
    if (m_hooks.record)
        m_hooks.record(action, object, result, detail);
}

void AdminPages::setMessage(const QString& message)
{
    if (m_message == message)
        return;
    m_message = message;
    emit messageChanged();
}

template <typename Work, typename Done> void AdminPages::runOffThread(Work work, Done done)
{
    using R = std::invoke_result_t<Work>;
    auto* watcher = new QFutureWatcher<R>(this);
    ++m_busy;
    emit busyChanged();
    connect(watcher, &QFutureWatcher<R>::finished, this, [this, watcher, done] {
        --m_busy;
        emit busyChanged();
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

// ------------------------------------------------------------------ readers

QVariantList AdminPages::readers() const
{
    QVariantList list;
    for (const ReaderInfo& r : m_readerInfo)
        list.append(QVariantMap{{QStringLiteral("name"), r.name},
                                {QStringLiteral("backend"), r.backend},
                                {QStringLiteral("status"), QLatin1String(ReaderInfo::statusKey(r.status))},
                                {QStringLiteral("capabilities"), r.capabilities.join(QStringLiteral(", "))},
                                {QStringLiteral("detail"), r.detail}});
    return list;
}

void AdminPages::armTestRead()
{
    m_testReadArmed = true;
    m_testReadClock.start();
    m_testReadResult = QCoreApplication::translate("AdminPages", "Place a card on a reader.");
    act(QStringLiteral("test_read"), QStringLiteral("readers"), QStringLiteral("armed"));
    emit testReadChanged();
}

bool AdminPages::takeCardRead(const QString& readerName, const Identity& identity)
{
    if (!m_active)
        return false;
    if (!m_testReadArmed)
        return true; // admin mode is open: no resident session starts under it
    m_testReadArmed = false;
    const QString name = !identity.name.isEmpty() ? maskName(identity.name) : maskName(identity.englishName);
    m_testReadResult = QCoreApplication::translate("AdminPages", "%1: read %2, %3 (%4 ms after arming)")
                           .arg(readerName, name, maskIdNumber(identity.idNumber))
                           .arg(m_testReadClock.elapsed());
    act(QStringLiteral("test_read"), readerName, QStringLiteral("ok"));
    emit testReadChanged();
    return true;
}

bool AdminPages::takeReadFailure(const QString& readerName, const QString& errorKey)
{
    if (!m_active)
        return false;
    if (m_testReadArmed) {
        m_testReadArmed = false;
        m_testReadResult =
            QCoreApplication::translate("AdminPages", "%1: read failed (%2)").arg(readerName, errorKey);
        act(QStringLiteral("test_read"), readerName, QStringLiteral("failed"), errorKey);
        emit testReadChanged();
    }
    return true;
}

// ------------------------------------------------------------------ queue

void AdminPages::refreshQueue()
{
    if (!m_parts.storage)
        return;
    m_statsRequest = m_parts.storage->requestQueueStats();
    // The rejected list is exported to the same places as the diagnostics bundle.
    if (m_hooks.removableTargets) {
        m_exportTargets = m_hooks.removableTargets();
        emit logsChanged();
    }
    // Rejected items need a person: masked stubs only, never a payload.
    m_parts.storage
        ->post([](storage::StorageWorker& w) {
            QVariantList rows;
            if (!w.isOpen())
                return rows;
            auto entries = w.outbox().entries(100000);
            if (!entries.ok())
                return rows;
            for (const storage::OutboxEntry& e : entries.value()) {
                if (e.state != storage::OutboxState::Rejected)
                    continue;
                rows.append(QVariantMap{{QStringLiteral("queryCode"), e.queryCode},
                                        {QStringLiteral("itemId"), e.itemId},
                                        {QStringLiteral("kind"), e.kind},
                                        {QStringLiteral("service"), e.serviceItemCode},
                                        {QStringLiteral("applicant"), e.applicantMask},
                                        {QStringLiteral("created"), e.createdAt.toString(Qt::ISODate)},
                                        {QStringLiteral("reason"), e.lastError}});
            }
            return rows;
        })
        .then(this, [this](const QVariantList& rows) {
            m_rejected = rows;
            emit queueChanged();
        });
}

void AdminPages::onQueueStats(const storage::QueueStats& stats)
{
    QVariantMap byState;
    for (auto it = stats.byState.cbegin(); it != stats.byState.cend(); ++it)
        byState.insert(it.key(), it.value());
    m_queue = {{QStringLiteral("byState"), byState},
               {QStringLiteral("pending"), stats.pending},
               {QStringLiteral("oldest"), ageText(stats.oldestPendingAt)},
               {QStringLiteral("paused"), stats.pausedAuth},
               {QStringLiteral("pauseReason"), stats.pauseReason}};
    emit queueChanged();
}

void AdminPages::retryQueueNow()
{
    if (!m_parts.storage)
        return;
    m_parts.storage
        ->post([](storage::StorageWorker& w) {
            if (!w.isOpen())
                return -1;
            auto n = w.outbox().retryWaitingNow();
            return n.ok() ? n.value() : -1;
        })
        .then(this, [this](int n) {
            act(QStringLiteral("queue_retry_now"), QStringLiteral("outbox"),
                n >= 0 ? QStringLiteral("ok") : QStringLiteral("error"),
                QStringLiteral("%1 items due").arg(n));
            setMessage(n >= 0 ? QCoreApplication::translate(
                                    "AdminPages", "%n waiting item(s) will be sent now.", nullptr, n)
                              : QCoreApplication::translate("AdminPages",
                                                            "The queue could not be changed: see the logs."));
            if (m_parts.sync)
                m_parts.sync->syncNow();
            refreshQueue();
        });
}

void AdminPages::exportRejected(const QString& targetDir)
{
    // For manual handling at the counter: the masked stubs and the hub's reasons. The
    // applications themselves stay encrypted in outbox.db and never leave the kiosk this way.
    QJsonArray items;
    for (const QVariant& v : m_rejected)
        items.append(QJsonObject::fromVariantMap(v.toMap()));
    const QString name =
        QStringLiteral("onewindow-rejected-%1.json")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QDir(targetDir).filePath(name);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("rejected"), items}}).toJson();
    // A USB stick can take seconds: written on a pool thread.
    runOffThread(
        [targetDir, name, body,
         stateDir = m_parts.config ? QFileInfo(m_parts.config->overridePath()).path() : QString()] {
            // Like the diagnostics bundle: no symlinked or system directory, 0600, O_NOFOLLOW.
            QString error;
            const auto dir = files::OutputDirectory::open(targetDir, files::OutputDirectory::Policy::Export,
                                                          &error, {stateDir});
            return dir ? dir->writeFile(name, body, 0600) : error;
        },
        [this, path, count = items.size()](const QString& error) {
            const bool ok = error.isEmpty();
            act(QStringLiteral("export_rejected"), path, ok ? QStringLiteral("ok") : QStringLiteral("error"),
                QStringLiteral("%1 items").arg(count));
            setMessage(ok ? QCoreApplication::translate("AdminPages", "Exported %1 item(s) to %2")
                                .arg(count)
                                .arg(path)
                          : QCoreApplication::translate("AdminPages", "Export failed: %1").arg(error));
        });
}

// ------------------------------------------------------------------ sync

QVariantMap AdminPages::sync() const
{
    if (!m_parts.sync)
        return {{QStringLiteral("configured"), false}};
    const sync::SyncStatus& s = m_parts.sync->statusModel()->status();
    QVariantList streams;
    for (const char* name : {"heartbeat", "outbox", "licenses", "catalog"}) {
        const QDateTime at = s.lastSuccess.value(QLatin1String(name));
        streams.append(row(QLatin1String(name),
                           at.isValid() ? ageText(at) : QCoreApplication::translate("AdminPages", "never"),
                           at.isValid() ? QStringLiteral("ok") : QStringLiteral("warn")));
    }
    return {{QStringLiteral("configured"), s.configured},
            {QStringLiteral("online"), s.online},
            {QStringLiteral("paused"), s.pausedAuth},
            {QStringLiteral("pauseReason"), s.pauseReason},
            {QStringLiteral("queueDepth"), s.queueDepth},
            {QStringLiteral("rejected"), s.rejected},
            {QStringLiteral("lastError"), s.lastError},
            {QStringLiteral("clockOffsetMs"), s.clockOffsetMs},
            {QStringLiteral("watchdogRestarts"), s.watchdogRestarts},
            {QStringLiteral("latencyMs"), s.lastLatencyMs},
            {QStringLiteral("commands"), m_commands},
            {QStringLiteral("certificate"), m_certificate},
            {QStringLiteral("streams"), streams}};
}

void AdminPages::refreshCertificate()
{
    if (!m_hooks.certificate)
        return;
    runOffThread(m_hooks.certificate, [this](const QJsonObject& cert) {
        QString text;
        QString status = QStringLiteral("ok");
        if (!cert.value(QStringLiteral("configured")).toBool()) {
            text = QCoreApplication::translate("AdminPages", "not configured");
            status = QStringLiteral("warn");
        } else if (cert.contains(QStringLiteral("error"))) {
            text = cert.value(QStringLiteral("error")).toString();
            status = QStringLiteral("fail");
        } else {
            const int days = cert.value(QStringLiteral("days_left")).toInt();
            text = QCoreApplication::translate("AdminPages", "valid until %1 (%n day(s) left)", nullptr, days)
                       .arg(cert.value(QStringLiteral("not_after")).toString());
            status = cert.value(QStringLiteral("expired")).toBool() ? QStringLiteral("fail")
                     : days < 30                                    ? QStringLiteral("warn")
                                                                    : QStringLiteral("ok");
        }
        m_certificate = {{QStringLiteral("text"), text}, {QStringLiteral("status"), status}};
        emit syncChanged();
    });
}

void AdminPages::syncNow()
{
    if (!m_parts.sync) {
        setMessage(QCoreApplication::translate("AdminPages", "No hub is configured."));
        return;
    }
    act(QStringLiteral("sync_now"), QStringLiteral("hub"), QStringLiteral("ok"));
    m_parts.sync->syncNow();
    setMessage(QCoreApplication::translate("AdminPages", "Synchronisation started."));
}

// ------------------------------------------------------------------ device and logs

QVariantList AdminPages::healthChecks() const
{
    return m_hooks.healthChecks ? m_hooks.healthChecks() : QVariantList{};
}

void AdminPages::refreshDevice()
{
    if (!m_hooks.collectDiagnostics) {
        m_deviceRows = {row(QCoreApplication::translate("AdminPages", "Diagnostics"),
                            QCoreApplication::translate("AdminPages", "not available"),
                            QStringLiteral("warn"))};
        emit deviceChanged();
        return;
    }
    runOffThread(m_hooks.collectDiagnostics, [this](const QJsonObject& report) {
        QVariantList rows;
        flatten(QString(), report, rows);
        m_deviceRows = rows;
        emit deviceChanged();
    });
}

void AdminPages::refreshLogs()
{
    m_logLines = m_hooks.recentLogLines ? m_hooks.recentLogLines(200) : QStringList{};
    m_exportTargets = m_hooks.removableTargets ? m_hooks.removableTargets() : QStringList{};
    emit logsChanged();
}

void AdminPages::exportBundle(const QString& targetDir)
{
    if (!m_hooks.writeBundle) {
        setMessage(QCoreApplication::translate("AdminPages", "Export is not available."));
        return;
    }
    setMessage(QCoreApplication::translate("AdminPages", "Writing the diagnostics bundle…"));
    auto write = m_hooks.writeBundle;
    runOffThread(
        [write, targetDir] {
            QString error;
            const QString path = write(targetDir, &error);
            return QPair<QString, QString>(path, error);
        },
        [this, targetDir](const QPair<QString, QString>& result) {
            const bool ok = !result.first.isEmpty();
            act(QStringLiteral("export_bundle"), targetDir,
                ok ? QStringLiteral("ok") : QStringLiteral("error"), ok ? result.first : result.second);
            setMessage(
                ok ? QCoreApplication::translate("AdminPages", "Diagnostics written to %1").arg(result.first)
                   : QCoreApplication::translate("AdminPages", "Export failed: %1").arg(result.second));
        });
}

void AdminPages::refresh()
{
    if (m_page == QLatin1String("queue"))
        refreshQueue();
    else if (m_page == QLatin1String("device"))
        refreshDevice();
    else if (m_page == QLatin1String("logs"))
        refreshLogs();
    else if (m_page == QLatin1String("sync"))
        refreshCertificate();
    emit syncChanged();
    emit deviceChanged();
}

// ------------------------------------------------------------------ configuration and service

void AdminPages::saveConfig()
{
    if (!m_parts.config)
        return;
    QString error;
    const std::optional<QVariantMap> changes = m_parts.config->pendingChanges(&error);
    if (!changes) {
        act(QStringLiteral("config_save"), QStringLiteral("admin-settings.conf"), QStringLiteral("error"),
            error);
        setMessage(error);
        return;
    }
    // The file is written (and fsynced) on a pool thread.
    runOffThread(
        [path = m_parts.config->overridePath(), changes = *changes] {
            QString writeError;
            return ConfigOverrides::update(path, changes, &writeError) ? QString() : writeError;
        },
        [this, changes = *changes](const QString& writeError) {
            if (!writeError.isEmpty()) {
                act(QStringLiteral("config_save"), QStringLiteral("admin-settings.conf"),
                    QStringLiteral("error"), writeError);
                setMessage(writeError);
                return;
            }
            m_parts.config->markSaved(changes);
            for (auto it = changes.cbegin(); it != changes.cend(); ++it)
                act(QStringLiteral("config_change"), it.key(), QStringLiteral("ok"));
            setMessage(changes.isEmpty()
                           ? QCoreApplication::translate("AdminPages", "Nothing changed.")
                           : QCoreApplication::translate(
                                 "AdminPages", "Saved. The changes apply when the kiosk restarts."));
        });
}

void AdminPages::setOutOfService(bool on)
{
    if (on == m_outOfService)
        return;
    m_outOfService = on;
    if (m_parts.session)
        m_parts.session->setOutOfService(on);
    emit outOfServiceChanged();
    // Kept over a restart in the override file, written on a pool thread.
    runOffThread(
        [path = m_parts.overridePath, on] {
            QString error;
            const QVariantMap change{{QStringLiteral("kiosk/out_of_service"),
                                      on ? QStringLiteral("true") : QStringLiteral("false")}};
            return ConfigOverrides::update(path, change, &error) ? QString() : error;
        },
        [this, on](const QString& error) {
            act(QStringLiteral("out_of_service"), QStringLiteral("kiosk"),
                on ? QStringLiteral("on") : QStringLiteral("off"),
                error.isEmpty() ? QString() : QStringLiteral("not kept over a restart: ") + error);
        });
}

void AdminPages::restartKiosk()
{
    act(QStringLiteral("restart"), QStringLiteral("kiosk"), QStringLiteral("ok"));
    QCoreApplication::exit(kRestartStatus);
}

void AdminPages::exitToDesktop()
{
    if (!m_parts.exitAllowed) {
        act(QStringLiteral("exit_to_desktop"), QStringLiteral("kiosk"), QStringLiteral("denied"));
        setMessage(
            QCoreApplication::translate("AdminPages", "Leaving the kiosk is not allowed on this machine."));
        return;
    }
    act(QStringLiteral("exit_to_desktop"), QStringLiteral("kiosk"), QStringLiteral("ok"));
    QCoreApplication::exit(kExitToDesktopStatus);
}

} // namespace onewindow::adminui
