// The retry policy and the protocol's JSON, without a network: classification of every
// failure class, full-jitter bounds, Retry-After forms, the retry budget, the canonical JSON
// the fingerprint is computed on (must equal the reference hub's Python canonical form).
#include "app/core/ELicense.h"
#include "app/platform/KioskConfig.h"
#include "app/sync/HttpDate.h"
#include "app/sync/HubClient.h"
#include "app/sync/RetryPolicy.h"
#include "app/sync/SyncProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <curl/curl.h>
#include <limits>
#include <random>

using namespace onewindow::sync;

namespace {
HubResponse http(int status)
{
    HubResponse r;
    r.httpStatus = status;
    r.requestSent = true;
    return r;
}
HubResponse curlError(int code, const QString& message = {})
{
    HubResponse r;
    r.curlCode = code;
    r.error = message;
    r.requestSent = true;
    return r;
}
} // namespace

class TstSyncPolicy : public QObject
{
    Q_OBJECT

private slots:
    void heartbeatCarriesThePackageVersion()
    {
        // The version the heartbeat reports is the build's git-describe version (as in the
        // package and the binaries), not a placeholder.
        const SyncSettings settings = SyncSettings::fromKioskConfig(onewindow::KioskConfig());
        QCOMPARE(settings.appVersion, QStringLiteral(ONEWINDOW_VERSION));
        QVERIFY(settings.appVersion != QLatin1String("0.0.0"));
    }

    void classification_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("curl");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<bool>("ambiguous");
        const int T = int(Outcome::Transient), A = int(Outcome::Auth), P = int(Outcome::Permanent),
                  O = int(Outcome::Ok);
        QTest::newRow("201") << 201 << 0 << QString() << O << false;
        QTest::newRow("500") << 500 << 0 << QString() << T << true;
        QTest::newRow("502") << 502 << 0 << QString() << T << true;
        QTest::newRow("503") << 503 << 0 << QString() << T << false;
        QTest::newRow("429") << 429 << 0 << QString() << T << false;
        QTest::newRow("408") << 408 << 0 << QString() << T << false;
        QTest::newRow("425") << 425 << 0 << QString() << T << false;
        QTest::newRow("409") << 409 << 0 << QString() << T << false;
        QTest::newRow("401") << 401 << 0 << QString() << A << false;
        QTest::newRow("403") << 403 << 0 << QString() << A << false;
        QTest::newRow("400") << 400 << 0 << QString() << P << false;
        QTest::newRow("422") << 422 << 0 << QString() << P << false;
        QTest::newRow("connect refused") << 0 << int(CURLE_COULDNT_CONNECT) << QString() << T << false;
        QTest::newRow("timeout") << 0 << int(CURLE_OPERATION_TIMEDOUT) << QString() << T << true;
        QTest::newRow("empty reply") << 0 << int(CURLE_GOT_NOTHING) << QString() << T << true;
        QTest::newRow("reset") << 0 << int(CURLE_RECV_ERROR) << QStringLiteral("Connection reset by peer")
                               << T << true;
        QTest::newRow("untrusted hub") << 0 << int(CURLE_PEER_FAILED_VERIFICATION) << QString() << A << false;
        QTest::newRow("pin mismatch") << 0 << int(CURLE_SSL_PINNEDPUBKEYNOTMATCH) << QString() << A << false;
        QTest::newRow("expired client cert")
            << 0 << int(CURLE_SEND_ERROR) << QStringLiteral("OpenSSL: sslv3 alert certificate expired") << A
            << true;
        QTest::newRow("no HTTP answer") << 0 << 0 << QString() << T << true;
    }
    void classification()
    {
        QFETCH(int, status);
        QFETCH(int, curl);
        QFETCH(QString, message);
        QFETCH(int, outcome);
        QFETCH(bool, ambiguous);
        HubResponse r = curl ? curlError(curl, message) : http(status);
        QCOMPARE(int(classify(r)), outcome);
        QCOMPARE(isAmbiguous(r), ambiguous);
    }

    void malformedSuccessIsTransientAndAmbiguous()
    {
        QCOMPARE(classify(http(200), false), Outcome::Transient);
        QVERIFY(isAmbiguous(http(200), false));
    }

    void fullJitterStaysWithinBounds()
    {
        double next = 0.0;
        Backoff b(2000, 300000, 3600000, [&] { return next; });
        next = 0.999999;
        QVERIFY(b.delayMs(0) <= 2000);
        QVERIFY(b.delayMs(3) <= 16000 && b.delayMs(3) > 15000);
        QCOMPARE(b.delayMs(30) <= 300000, true); // capped
        QVERIFY(b.delayMs(1000) <= 300000);      // no overflow for huge attempt counts
        next = 0.0;
        QCOMPARE(b.delayMs(10), qint64(0)); // full jitter reaches down to 0
        // Retry-After raises the delay, clamped to one hour.
        QCOMPARE(b.delayMs(1, qint64(7000)), qint64(7000));
        QCOMPARE(b.delayMs(1, qint64(99999999)), qint64(3600000));
        QCOMPARE(b.jitterMs(30000), qint64(0));
    }

    void jitterIsSpread()
    {
        std::mt19937_64 rng(7);
        Backoff b(2000, 300000, 3600000, [&] { return std::uniform_real_distribution<double>(0, 1)(rng); });
        qint64 lo = LLONG_MAX, hi = 0;
        for (int i = 0; i < 1000; ++i) {
            const qint64 d = b.delayMs(4); // ceiling 32 s
            lo = qMin(lo, d);
            hi = qMax(hi, d);
        }
        QVERIFY(lo < 3000);
        QVERIFY(hi > 29000 && hi <= 32000);
    }

    void retryAfterForms()
    {
        const QDateTime now = QDateTime(QDate(2024, 6, 1), QTime(12, 0, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("120", now).value(), qint64(120000));
        QCOMPARE(parseRetryAfter("Sat, 01 Jun 2024 12:00:30 GMT", now).value(), qint64(30000));
        QCOMPARE(parseRetryAfter("Sat, 01 Jun 2024 11:00:00 GMT", now).value(), qint64(0));
        QVERIFY(!parseRetryAfter("", now));
        QVERIFY(!parseRetryAfter("soon", now));
        QVERIFY(!parseRetryAfter("-5", now));
    }

    // RFC 9110 §5.6.7: a recipient must accept all three HTTP-date forms.
    void retryAfterObsoleteDateForms_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("imf-fixdate") << QByteArray("Fri, 04 Dec 2026 03:21:18 GMT") << qint64(18000);
        QTest::newRow("rfc850") << QByteArray("Friday, 04-Dec-26 03:21:18 GMT") << qint64(18000);
        QTest::newRow("asctime") << QByteArray("Fri Dec  4 03:21:19 2026") << qint64(19000);
        QTest::newRow("asctime two-digit day") << QByteArray("Fri Dec 04 03:21:19 2026") << qint64(19000);
        QTest::newRow("rfc850 past") << QByteArray("Thursday, 03-Dec-26 03:21:00 GMT") << qint64(0);
    }

    void retryAfterObsoleteDateForms()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expectedMs);
        const QDateTime now = QDateTime(QDate(2026, 12, 4), QTime(3, 21, 0), Qt::UTC);
        const auto ms = parseRetryAfter(value, now);
        QVERIFY2(ms.has_value(), value.constData());
        QCOMPARE(*ms, expectedMs);
    }

    void httpDateForms_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QDateTime>("expected"); // invalid = must be refused
        const QDateTime nov94(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
        QTest::newRow("rfc9110 imf") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << nov94;
        QTest::newRow("rfc9110 rfc850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << nov94;
        QTest::newRow("rfc9110 asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << nov94;
        // A two-digit year more than 50 years ahead is the most recent past year with those digits.
        QTest::newRow("rfc850 year 80") << QByteArray("Tuesday, 01-Jan-80 00:00:00 GMT")
                                        << QDateTime(QDate(1980, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("rfc850 year 70") << QByteArray("Tuesday, 01-Jan-70 00:00:00 GMT") // 44 years ahead
                                        << QDateTime(QDate(2070, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("rfc850 year 30") << QByteArray("Tuesday, 01-Jan-30 00:00:00 GMT")
                                        << QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("lowercase gmt") << QByteArray("Sun, 06 Nov 1994 08:49:37 gmt") << QDateTime();
        QTest::newRow("other zone") << QByteArray("Sun, 06 Nov 1994 08:49:37 CET") << QDateTime();
        QTest::newRow("bad month") << QByteArray("Sun, 06 Nox 1994 08:49:37 GMT") << QDateTime();
        QTest::newRow("31 Feb") << QByteArray("Sun, 31 Feb 1994 08:49:37 GMT") << QDateTime();
        QTest::newRow("hour 24") << QByteArray("Sun, 06 Nov 1994 24:49:37 GMT") << QDateTime();
        QTest::newRow("trailing junk") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMTx") << QDateTime();
        QTest::newRow("truncated") << QByteArray("Sun, 06 Nov 1994 08:49") << QDateTime();
        QTest::newRow("asctime one space") << QByteArray("Sun Nov 6 08:49:37 1994") << QDateTime();
        QTest::newRow("empty") << QByteArray() << QDateTime();
        QTest::newRow("huge") << QByteArray(10000, 'a') << QDateTime();
    }

    void httpDateForms()
    {
        QFETCH(QByteArray, value);
        QFETCH(QDateTime, expected);
        const QDateTime now = QDateTime(QDate(2026, 12, 4), QTime(3, 21, 0), Qt::UTC);
        const auto parsed = parseHttpDate(value, now);
        if (!expected.isValid()) {
            QVERIFY2(!parsed.has_value(), value.left(80).constData());
            return;
        }
        QVERIFY2(parsed.has_value(), value.constData());
        QCOMPARE(*parsed, expected);
    }

    void hugeNumbersFromTheHub()
    {
        // Found by fuzz_hubjson / fuzz_hubheaders: doubles beyond qint64 were cast to integers
        // (undefined behaviour; on x86 INT64_MIN, i.e. negative waits and versions).
        const QDateTime now = QDateTime(QDate(2024, 6, 1), QTime(12, 0, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("99999999999999999", now).value(),
                 std::numeric_limits<qint64>::max() / 1000 * 1000);
        const auto results =
            protocol::parseBatchResults("{\"results\":[{\"rating_id\":\"r\",\"status\":\"retry\","
                                        "\"retry_after_s\":1e300},{\"rating_id\":\"s\",\"status\":\"retry\","
                                        "\"retry_after_s\":2.5}]}",
                                        "rating_id");
        QVERIFY(results && results->size() == 2);
        QVERIFY(!results->at(0).retryAfterMs); // absurd: ignored, the normal backoff applies
        QCOMPARE(results->at(1).retryAfterMs.value(), qint64(2500));
        const auto hb = protocol::parseHeartbeat("{\"commands\":[],\"heartbeat_interval_s\":1e300}");
        QVERIFY(hb);
        QCOMPARE(hb->intervalMs, qint64(0)); // keep ours
        QString error;
        const auto page = protocol::parseDeltaPage(
            "{\"changes\":[{\"op\":\"upsert\",\"hub_version\":1e300,\"license\":{\"license_id\":\"x\"}}],"
            "\"next_cursor\":\"c\"}",
            &error);
        QVERIFY(page && page->changes.size() == 1);
        QCOMPARE(page->changes.first().hubVersion, qint64(0)); // counted invalid by applyPage
        QCOMPARE(onewindow::ELicense::fromJson(
                     QJsonDocument::fromJson("{\"sync\":{\"hub_version\":-1e300}}").object())
                     .sync.hubVersion,
                 qint64(0));
    }

    void etagKeptOnlyWhenWellFormed()
    {
        // The ETag is sent back verbatim in If-None-Match: a CR in it would end that header.
        QCOMPARE(protocol::etagFromHeader("\"3f2a\""), QStringLiteral("\"3f2a\""));
        QCOMPARE(protocol::etagFromHeader("W/\"3f2a\""), QStringLiteral("W/\"3f2a\""));
        QCOMPARE(protocol::etagFromHeader("\"a\rInjected: 1\""), QString());
        QCOMPARE(protocol::etagFromHeader("\"a\"b\""), QString());
        QCOMPARE(protocol::etagFromHeader("3f2a"), QString());
        QCOMPARE(protocol::etagFromHeader('"' + QByteArray(300, 'a') + '"'), QString());
    }

    void retryBudget()
    {
        RetryBudget b(20);
        QVERIFY(b.tryAcquire(false)); // 15
        QVERIFY(b.tryAcquire(true));  // 5
        QVERIFY(!b.tryAcquire(true)); // needs 10
        QVERIFY(b.tryAcquire(false)); // 0
        QVERIFY(!b.tryAcquire(false));
        for (int i = 0; i < 100; ++i)
            b.refund();
        QCOMPARE(b.tokens(), 20); // never above the start
    }

    void canonicalJsonMatchesPython()
    {
        const QByteArray doc = "{\"z\":1,\"a\":{\"y\":[3,2,{\"b\":true,\"a\":null}],\"x\":\"中文 \\\"q\\\" "
                               "\\\\ \\n\\t\\u0001\"},\"é\":-7,\"B\":2.5,\"big\":1e20}";
        const QJsonObject o = QJsonDocument::fromJson(doc).object();
        const QByteArray ours = protocol::canonicalJson(o);
        QProcess py;
        py.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import json,sys; d=json.loads(sys.stdin.read());"
                 "sys.stdout.write(json.dumps(d,sort_keys=True,separators=(',',':'),ensure_ascii=False))")});
        QVERIFY(py.waitForStarted());
        py.write(doc);
        py.closeWriteChannel();
        QVERIFY(py.waitForFinished(10000));
        QCOMPARE(ours, py.readAllStandardOutput());
    }

    void fingerprintIgnoresKeyOrderAndWhitespace()
    {
        const auto a = QJsonDocument::fromJson("{\"b\": 1, \"a\": [1, 2]}").object();
        const auto b = QJsonDocument::fromJson("{\"a\":[1,2],\"b\":1}").object();
        QCOMPARE(protocol::fingerprint(a), protocol::fingerprint(b));
        QCOMPARE(protocol::fingerprint(a).size(), 64);
        const auto c = QJsonDocument::fromJson("{\"a\":[2,1],\"b\":1}").object();
        QVERIFY(protocol::fingerprint(a) != protocol::fingerprint(c));
    }

    void parsersSurviveGarbage()
    {
        const QList<QByteArray> junk = {"",
                                        "{",
                                        "[]",
                                        "null",
                                        "{\"results\":5}",
                                        "{\"results\":[1,\"x\",{}]}",
                                        "{\"changes\":{},\"next_cursor\":1}",
                                        QByteArray(1000, '\xff'),
                                        "{\"commands\":[{\"id\":1}],\"server_time\":[]}"};
        for (const QByteArray& j : junk) {
            QString error;
            (void)protocol::parseBatchResults(j, "submission_id");
            (void)protocol::parseDeltaPage(j, &error);
            (void)protocol::parseHeartbeat(j);
        }
        const auto results = protocol::parseBatchResults("{\"results\":[1,\"x\",{}]}", "submission_id");
        QVERIFY(results && results->isEmpty());
        QString error;
        QVERIFY(!protocol::parseDeltaPage("{\"changes\":{},\"next_cursor\":1}", &error));
        QVERIFY(!error.isEmpty());
        const auto hb = protocol::parseHeartbeat("{\"server_time\":\"2024-06-01T12:00:00.000Z\",\"commands\":"
                                                 "[{\"id\":\"c1\",\"type\":\"sync_now\"},{\"type\":\"x\"}]}");
        QVERIFY(hb);
        QCOMPARE(hb->commands.size(), 1);
        QVERIFY(hb->serverTime.isValid());
    }

    void deltaPageParsing()
    {
        QString error;
        const auto page = protocol::parseDeltaPage(
            "{\"changes\":[{\"op\":\"upsert\",\"hub_version\":7,\"license\":{\"license_id\":\"x\",\"type_"
            "code\":\"t\",\"holders\":[{\"code\":\"1\"}]}},\n"
            "                           "
            "{\"op\":\"revoke\",\"hub_version\":8,\"license\":{\"license_id\":\"y\"}},\n"
            "                           {\"op\":\"teleport\",\"hub_version\":9,\"license\":{}}],\n"
            "                \"next_cursor\":\"v1.1.3\",\"has_more\":true}",
            &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->changes.size(), 2); // unknown op skipped
        QCOMPARE(page->changes.at(1).op, onewindow::storage::LicenseChange::Op::Revoke);
        QCOMPARE(page->changes.at(0).hubVersion, qint64(7));
        QCOMPARE(page->nextCursor, QStringLiteral("v1.1.3"));
        QVERIFY(page->hasMore);
    }
};

QTEST_GUILESS_MAIN(TstSyncPolicy)
#include "tst_sync_policy.moc"
