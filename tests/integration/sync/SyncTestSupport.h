#pragma once
// The reference hub (tests/hub/hub.py) as a child process with a fresh test PKI, its admin API,
// and small helpers shared by the sync integration tests, the kill loop and the benchmark.
// Real parts only: a real HTTPS server with client-certificate checks on 127.0.0.1, real
// SQLite files, real libcurl.
#include "app/core/Submission.h"
#include "app/storage/StorageService.h"
#include "app/storage/StorageWorker.h"
#include "app/sync/HubConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <curl/curl.h>
#include <memory>

namespace onewindow::testing {

inline QString sourceDir()
{
    const QByteArray env = qgetenv("ONEWINDOW_SOURCE_DIR");
    return env.isEmpty() ? QStringLiteral(ONEWINDOW_SOURCE_DIR_FALLBACK) : QString::fromLocal8Bit(env);
}

// Makes the test PKI (tests/pki/make-pki.sh) in `dir`; empty string on success.
inline QString makePki(const QString& dir)
{
    QProcess p;
    p.start(QStringLiteral("/bin/sh"), {sourceDir() + QStringLiteral("/tests/pki/make-pki.sh"), dir});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QStringLiteral("make-pki.sh failed: %1").arg(QString::fromLocal8Bit(p.readAllStandardError()));
    return {};
}

class HubProcess
{
public:
    HubProcess() = default;
    ~HubProcess() { stop(); }

    // Starts the hub on free loopback ports (port 0; the hub reports them back).
    bool start(QString* error, const QStringList& extraArgs = {})
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary directory");
            return false;
        }
        pkiDir = m_dir.path() + QStringLiteral("/pki");
        if (QString e = makePki(pkiDir); !e.isEmpty()) {
            *error = e;
            return false;
        }
        return restart(error, extraArgs);
    }

    bool restart(QString* error, const QStringList& extraArgs = {})
    {
        const QString portFile = m_dir.path() + QStringLiteral("/ports.json");
        QFile::remove(portFile);
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args{sourceDir() + QStringLiteral("/tests/hub/hub.py"), QStringLiteral("--pki"), pkiDir,
                         QStringLiteral("--port-file"), portFile};
        if (httpsPort > 0) // a restart keeps the port the kiosk knows
            args << QStringLiteral("--port") << QString::number(httpsPort);
        m_process->start(QStringLiteral("/usr/bin/python3"), args + extraArgs);
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("cannot start /usr/bin/python3");
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (!QFile::exists(portFile) && t.elapsed() < 15000) {
            if (m_process->state() != QProcess::Running) {
                *error = QStringLiteral("hub.py exited at start");
                return false;
            }
            QThread::msleep(20);
        }
        QFile f(portFile);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("hub.py wrote no port file");
            return false;
        }
        const QJsonObject ports = QJsonDocument::fromJson(f.readAll()).object();
        httpsPort = ports.value(QStringLiteral("https_port")).toInt();
        adminPort = ports.value(QStringLiteral("admin_port")).toInt();
        return httpsPort > 0 && adminPort > 0;
    }

    void stop()
    {
        if (!m_process)
            return;
        m_process->kill(); // our own child, by its handle
        m_process->waitForFinished(5000);
        m_process.reset();
    }

    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(httpsPort); }
    // The licence root the kiosk trusts ([licenses] root_key), and one it must not.
    QString licenceRoot() const { return pkiDir + QStringLiteral("/licroot.pub.pem"); }
    QString rogueLicenceRoot() const { return pkiDir + QStringLiteral("/rogue-licroot.pub.pem"); }

    // The kiosk's transport settings against this hub. `client` picks the certificate:
    // "kiosk" (valid) or "expired".
    sync::HubConfig config(const QString& client = QStringLiteral("kiosk")) const
    {
        sync::HubConfig c;
        c.url = url();
        c.kioskId = QStringLiteral("kiosk-test-01");
        c.caFile = pkiDir + QStringLiteral("/ca.pem");
        c.certFile = pkiDir + QStringLiteral("/%1.pem").arg(client);
        c.keyFile = pkiDir + QStringLiteral("/%1.key").arg(client);
        c.connectTimeoutMs = 2000;
        c.totalTimeoutMs = 5000;
        c.lowSpeedLimit = 100;
        c.lowSpeedTimeS = 1;
        return c;
    }

    // The test-only admin API (plain HTTP on 127.0.0.1, docs/sync-protocol.md §11).
    QJsonObject admin(const QString& path, const QJsonObject& body = {}, bool post = true) const
    {
        CURL* e = curl_easy_init();
        const QByteArray url = QStringLiteral("http://127.0.0.1:%1%2").arg(adminPort).arg(path).toUtf8();
        const QByteArray data = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QByteArray answer;
        curl_easy_setopt(e, CURLOPT_URL, url.constData());
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 10000L);
        curl_easy_setopt(e, CURLOPT_PROXY, "");
        if (post) {
            curl_easy_setopt(e, CURLOPT_POSTFIELDS, data.constData());
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, long(data.size()));
        }
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &answer);
        curl_easy_setopt(
            e, CURLOPT_WRITEFUNCTION, +[](char* p, size_t s, size_t n, void* u) {
                static_cast<QByteArray*>(u)->append(p, qsizetype(s * n));
                return s * n;
            });
        curl_easy_perform(e);
        curl_easy_cleanup(e);
        return QJsonDocument::fromJson(answer).object();
    }
    QJsonObject counters() const { return admin(QStringLiteral("/admin/counters"), {}, false); }
    void faults(const QJsonArray& rules) const
    {
        admin(QStringLiteral("/admin/faults"), {{"faults", rules}});
    }
    void connFaults(const QJsonArray& rules) const
    {
        admin(QStringLiteral("/admin/conn-faults"), {{"faults", rules}});
    }
    void clearFaults() const { admin(QStringLiteral("/admin/clear")); }
    // How many records the hub created for `id` (the invariant: exactly 1 once delivered).
    int commits(const QString& id) const
    {
        return counters().value(QStringLiteral("commits")).toObject().value(id).toInt();
    }
    int requests(const QString& route) const
    {
        return counters().value(QStringLiteral("requests")).toObject().value(route).toInt();
    }

    QString pkiDir;
    int httpsPort = 0;
    int adminPort = 0;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
};

// A synthetic submission (made-up applicant; the nonce makes every payload unique, so a
// re-keyed duplicate would show up at the hub as two records with one fingerprint).
inline Submission makeSubmission(int n, const QString& id = {})
{
    Submission s;
    s.submissionId = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
    s.serviceItemCode = QStringLiteral("11110105MB0000000X4000111100001");
    s.serviceItemName = QStringLiteral("居住证签注");
    s.applicantIdNumber = QStringLiteral("110105198001019010");
    s.applicantName = QStringLiteral("测试甲");
    const QJsonObject form{
        {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("id_number"), s.applicantIdNumber},
                                                  {QStringLiteral("name"), s.applicantName}}},
        {QStringLiteral("fields"),
         QJsonObject{{QStringLiteral("phone"), QStringLiteral("13800000000")},
                     {QStringLiteral("note"), QStringLiteral("样例 \"引号\" \\ 和换行\n")},
                     {QStringLiteral("count"), n}}},
        {QStringLiteral("nonce"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
    };
    s.payload = QJsonDocument(form).toJson(QJsonDocument::Compact);
    return s;
}

// Enqueues makeSubmission(i) for i < n through the storage thread (ids[i] fixed where given);
// returns the outbox item ids (empty where an enqueue failed).
inline QStringList enqueueSubmissions(storage::StorageService& storage, int n,
                                      const QStringList& fixedIds = {})
{
    QStringList ids;
    for (int i = 0; i < n; ++i) {
        Submission s = makeSubmission(i, fixedIds.value(i));
        auto f = storage.post([s](storage::StorageWorker& w) { return w.outbox().enqueue(s); });
        f.waitForFinished();
        ids << (f.result().ok() ? f.result().value().itemId : QString());
    }
    return ids;
}

// The outbox state name of an item ("ACKED", …), "?" when unknown.
inline QString outboxStateOf(storage::StorageService& storage, const QString& id)
{
    auto f = storage.post([id](storage::StorageWorker& w) {
        auto e = w.outbox().entry(id);
        return e ? QString::fromLatin1(storage::outboxStateName(e.value().state)) : QStringLiteral("?");
    });
    f.waitForFinished();
    return f.result();
}

// Measures the longest gap between ticks of a 5 ms timer on the calling (GUI) thread: a
// blocking call on that thread shows up as a long gap.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.restart();
            m_max = qMax(m_max, gap);
        });
    }
    void start()
    {
        m_max = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_max;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_max = 0;
};

} // namespace onewindow::testing
