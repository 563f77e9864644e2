#include "app/sync/HubClient.h"

#include "app/sync/SyncLog.h"

#include <QElapsedTimer>
#include <curl/curl.h>
#include <future>
#include <mutex>
#include <signal.h>

namespace onewindow::sync {

namespace {

constexpr qsizetype kMaxBody = 64 * 1024 * 1024; // a larger answer is a broken hub: abort
constexpr char kNoCaError[] =
    "hub/ca is not set: refusing to connect (the kiosk trusts only the hub's own CA, "
    "never the system store)";

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        curl_global_init(CURL_GLOBAL_ALL);
        // CURLOPT_NOSIGNAL makes SIGPIPE the application's business (libcurl-thread(3)).
        struct sigaction current = {};
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
            signal(SIGPIPE, SIG_IGN);
    });
}

} // namespace

struct HubClient::Transfer
{
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    HubRequest request;
    Callback done;
    HubResponse response;
    QElapsedTimer timer;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    bool tooLarge = false;

    ~Transfer()
    {
        if (easy)
            curl_easy_cleanup(easy);
        if (headers)
            curl_slist_free_all(headers);
    }

    static size_t onBody(char* data, size_t size, size_t count, void* user)
    {
        auto* t = static_cast<Transfer*>(user);
        const size_t n = size * count;
        if (t->response.body.size() + qsizetype(n) > kMaxBody) {
            t->tooLarge = true;
            return 0; // CURLE_WRITE_ERROR
        }
        t->response.body.append(data, qsizetype(n));
        return n;
    }

    static size_t onHeader(char* data, size_t size, size_t count, void* user)
    {
        auto* t = static_cast<Transfer*>(user);
        const size_t n = size * count;
        addHeaderLine(t->response.headers, QByteArrayView(data, qsizetype(n)));
        return n;
    }
};

void addHeaderLine(QMap<QByteArray, QByteArray>& headers, QByteArrayView raw)
{
    const QByteArray line = raw.toByteArray().trimmed();
    if (line.startsWith("HTTP/")) {
        headers.clear(); // a new response (after 100 Continue, a redirect)
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
}

HubClient::HubClient(HubConfig config) : m_config(std::move(config))
{
    globalInit();
    m_thread = std::thread([this] { loop(); });
}

HubClient::~HubClient()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    wake();
    m_thread.join();
}

QString HubClient::curlVersion()
{
    return QString::fromLatin1(curl_version());
}

void HubClient::wake()
{
    std::lock_guard lock(m_mutex);
    if (m_multi)
        curl_multi_wakeup(static_cast<CURLM*>(m_multi));
}

void HubClient::submit(HubRequest request, Callback done)
{
    auto* t = new Transfer;
    t->request = std::move(request);
    t->done = std::move(done);
    {
        std::lock_guard lock(m_mutex);
        m_queued.append(t);
        ++m_inFlight;
        if (m_multi)
            curl_multi_wakeup(static_cast<CURLM*>(m_multi));
    }
}

HubResponse HubClient::perform(HubRequest request)
{
    auto promise = std::make_shared<std::promise<HubResponse>>();
    std::future<HubResponse> future = promise->get_future();
    submit(std::move(request), [promise](HubResponse r) { promise->set_value(std::move(r)); });
    return future.get();
}

void HubClient::abortAll(const QString& why)
{
    {
        std::lock_guard lock(m_mutex);
        m_abort = true;
        m_abortReason = why;
    }
    wake();
}

void HubClient::restart(const QString& why)
{
    {
        std::lock_guard lock(m_mutex);
        m_abort = true;
        m_restart = true;
        m_abortReason = why;
    }
    wake();
}

void HubClient::startTransfer(std::unique_ptr<Transfer> owned)
{
    Transfer* t = owned.release();
    const HubConfig& c = m_config;
    // Without [hub] ca libcurl would fall back to the system CA store, which trusts any public
    // CA or inspection proxy for the hub's name: nothing leaves without the configured CA.
    if (c.caFile.isEmpty()) {
        qstrncpy(t->errorBuffer, kNoCaError, CURL_ERROR_SIZE);
        finishTransfer(t, CURLE_SSL_CACERT_BADFILE);
        return;
    }
    t->easy = curl_easy_init();
    if (!t->easy) {
        finishTransfer(t, CURLE_OUT_OF_MEMORY);
        return;
    }
    CURL* e = t->easy;
    const QByteArray url = (c.url + t->request.path).toUtf8();
    curl_easy_setopt(e, CURLOPT_URL, url.constData()); // libcurl copies strings
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errorBuffer);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::onBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
    // Timeouts (offline-sync.md §4.3): no transfer can hang; the watchdog is only a backstop.
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, long(c.connectTimeoutMs));
    const qint64 total = t->request.totalTimeoutMs > 0 ? t->request.totalTimeoutMs : c.totalTimeoutMs;
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, long(total));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, c.lowSpeedLimit);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, c.lowSpeedTimeS);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPIDLE, 60L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPINTVL, 20L);
    curl_easy_setopt(e, CURLOPT_MAXAGE_CONN, c.maxConnAgeS);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    // Mutual TLS against the hub's private CA, optional key pin. Exactly the configured bundle
    // is trusted: CAINFO alone keeps libcurl's built-in CA path (/etc/ssl/certs), so CAPATH is
    // cleared; no native (OS) store; and no CA cache, whose key in 7.88 is the CAINFO name only
    // (a replaced bundle takes effect on the next connection).
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(e, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(e, CURLOPT_CAINFO, c.caFile.toLocal8Bit().constData());
    curl_easy_setopt(e, CURLOPT_CAPATH, nullptr);
    curl_easy_setopt(e, CURLOPT_SSL_OPTIONS, 0L); // CURLSSLOPT_NATIVE_CA off
    curl_easy_setopt(e, CURLOPT_CA_CACHE_TIMEOUT, 0L);
    curl_easy_setopt(e, CURLOPT_PROXY_CAPATH, nullptr);
    if (!c.certFile.isEmpty())
        curl_easy_setopt(e, CURLOPT_SSLCERT, c.certFile.toLocal8Bit().constData());
    if (!c.keyFile.isEmpty())
        curl_easy_setopt(e, CURLOPT_SSLKEY, c.keyFile.toLocal8Bit().constData());
    if (!c.pin.isEmpty())
        curl_easy_setopt(e, CURLOPT_PINNEDPUBLICKEY, c.pin.toLocal8Bit().constData());
    // "" disables the environment's proxies: the kiosk's route is its configuration only.
    curl_easy_setopt(e, CURLOPT_PROXY, c.proxy.toLocal8Bit().constData());
    // …and the environment's no_proxy must not bypass a configured proxy either.
    curl_easy_setopt(e, CURLOPT_NOPROXY, "");

    const QByteArray& m = t->request.method;
    if (m == "GET") {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(t->request.body.size()));
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->request.body.constData()); // owned by t
        if (m != "POST")
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m.constData());
    }
    auto add = [t](const QByteArray& line) {
        t->headers = curl_slist_append(t->headers, line.constData());
    };
    add("Accept: application/json");
    if (m != "GET")
        add("Content-Type: application/json; charset=utf-8");
    add("Expect:"); // no 100-continue round trip
    add("Kiosk-Id: " + c.kioskId.toUtf8());
    add("User-Agent: " + c.userAgent.toUtf8());
    for (const auto& [name, value] : t->request.headers)
        add(name + ": " + value);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);

    t->timer.start();
    m_running.append(t);
    const CURLMcode rc = curl_multi_add_handle(static_cast<CURLM*>(m_multi), e);
    if (rc != CURLM_OK) {
        m_running.removeOne(t);
        finishTransfer(t, CURLE_FAILED_INIT);
    }
}

void HubClient::finishTransfer(Transfer* t, int curlCode)
{
    std::unique_ptr<Transfer> owned(t);
    HubResponse& r = t->response;
    r.curlCode = curlCode;
    r.elapsedMs = t->timer.isValid() ? t->timer.elapsed() : 0;
    if (t->easy) {
        long status = 0;
        curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
        r.httpStatus = int(status);
        curl_off_t uploaded = 0;
        curl_easy_getinfo(t->easy, CURLINFO_SIZE_UPLOAD_T, &uploaded);
        curl_off_t requestSize = 0;
        curl_easy_getinfo(t->easy, CURLINFO_REQUEST_SIZE, &requestSize);
        r.requestSent = uploaded > 0 || requestSize > 0;
    }
    if (curlCode != CURLE_OK) {
        r.error = QString::fromUtf8(t->errorBuffer);
        if (r.error.isEmpty())
            r.error = QString::fromUtf8(curl_easy_strerror(CURLcode(curlCode)));
        if (t->tooLarge)
            r.error = QStringLiteral("answer larger than %1 bytes").arg(kMaxBody);
        // A transfer that failed mid-way has no trustworthy status or body.
        if (curlCode != CURLE_OK && r.httpStatus != 0 && curlCode != CURLE_ABORTED_BY_CALLBACK)
            r.body.clear();
    }
    if (t->easy && m_multi)
        curl_multi_remove_handle(static_cast<CURLM*>(m_multi), t->easy);
    Callback done = std::move(t->done);
    HubResponse response = std::move(t->response);
    owned.reset();
    --m_inFlight;
    ++m_completed;
    if (done)
        done(std::move(response));
}

void HubClient::failAll(const QString& why, bool newMulti)
{
    const QList<Transfer*> running = m_running;
    m_running.clear();
    QList<Transfer*> queued;
    {
        std::lock_guard lock(m_mutex);
        queued.swap(m_queued);
    }
    for (Transfer* t : running + queued) {
        qstrncpy(t->errorBuffer, why.toUtf8().constData(), CURL_ERROR_SIZE);
        finishTransfer(t, CURLE_ABORTED_BY_CALLBACK);
    }
    if (newMulti) {
        std::lock_guard lock(m_mutex);
        curl_multi_cleanup(static_cast<CURLM*>(m_multi));
        m_multi = curl_multi_init();
    }
}

void HubClient::loop()
{
    {
        std::lock_guard lock(m_mutex);
        m_multi = curl_multi_init();
    }
    for (;;) {
        QList<Transfer*> incoming;
        bool abort = false, restart = false, stop = false;
        QString reason;
        {
            std::lock_guard lock(m_mutex);
            stop = m_stop;
            abort = m_abort;
            restart = m_restart;
            reason = m_abortReason;
            m_abort = m_restart = false;
            if (!abort && !stop)
                incoming.swap(m_queued);
        }
        if (stop) {
            failAll(QStringLiteral("hub client stopped"), false);
            break;
        }
        if (abort) {
            qCWarning(lcSync) << "aborting" << (m_running.size()) << "transfers:" << reason;
            failAll(reason, restart);
            continue;
        }
        for (Transfer* t : incoming)
            startTransfer(std::unique_ptr<Transfer>(t));

        auto* multi = static_cast<CURLM*>(m_multi);
        int running = 0;
        curl_multi_perform(multi, &running);
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            void* priv = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
            auto* t = static_cast<Transfer*>(priv);
            const int code = int(msg->data.result);
            m_running.removeOne(t);
            finishTransfer(t, code);
        }
        curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
    }
    std::lock_guard lock(m_mutex);
    curl_multi_cleanup(static_cast<CURLM*>(m_multi));
    m_multi = nullptr;
}

} // namespace onewindow::sync
