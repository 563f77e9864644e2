#include "app/assist/AssistChannel.h"
#include "app/assist/AssistTypes.h"
#include "app/sync/SyncProtocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace onewindow;
using namespace onewindow::assist;
namespace protocol = onewindow::sync::protocol;

class TestAssistProtocol : public QObject
{
    Q_OBJECT

private slots:
    void requestBodyHasOnlyTheProtocolKeys()
    {
        const QByteArray body = protocol::assistRequestBody(
            {QStringLiteral("r-1"), QStringLiteral("kiosk-1"), QStringLiteral("form"), QStringLiteral("A1"),
             QStringLiteral("wrong_prefilled_field"), QStringLiteral("address")});
        QCOMPARE(body,
                 QByteArray(R"({"field":"address","kiosk_id":"kiosk-1","reason":"wrong_prefilled_field",)"
                            R"("request_id":"r-1","screen":"form","service_item_code":"A1"})"));
        const QByteArray plain = protocol::assistRequestBody({QStringLiteral("r-2"),
                                                              QStringLiteral("kiosk-1"),
                                                              QStringLiteral("attract"),
                                                              {},
                                                              QStringLiteral("resident_pressed_help"),
                                                              {}});
        QVERIFY(!plain.contains("field"));
        QVERIFY(!plain.contains("service_item_code"));
    }

    void answers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("eta");
        using S = protocol::AssistAnswer::Status;
        QTest::newRow("on the way") << QByteArray(R"({"status":"staff_on_the_way","eta_s":120})") << true
                                    << int(S::StaffOnTheWay) << 0 << 120;
        QTest::newRow("queued") << QByteArray(R"({"status":"queued","queue_position":3})") << true
                                << int(S::Queued) << 3 << -1;
        QTest::newRow("accepted") << QByteArray(R"({"status":"accepted"})") << true << int(S::Accepted) << 0
                                  << -1;
        QTest::newRow("queued without place")
            << QByteArray(R"({"status":"queued"})") << false << 0 << 0 << -1;
        QTest::newRow("queued at 0") << QByteArray(R"({"status":"queued","queue_position":0})") << false << 0
                                     << 0 << -1;
        QTest::newRow("queued at 2.5")
            << QByteArray(R"({"status":"queued","queue_position":2.5})") << false << 0 << 0 << -1;
        QTest::newRow("unknown status") << QByteArray(R"({"status":"maybe"})") << false << 0 << 0 << -1;
        QTest::newRow("negative eta ignored")
            << QByteArray(R"({"status":"accepted","eta_s":-5})") << true << int(S::Accepted) << 0 << -1;
        QTest::newRow("not json") << QByteArray("<html>") << false << 0 << 0 << -1;
        QTest::newRow("array") << QByteArray("[]") << false << 0 << 0 << -1;
        QTest::newRow("too large") << (QByteArray(R"({"status":"accepted","pad":")") +
                                       QByteArray(20000, 'x') + "\"}")
                                   << false << 0 << 0 << -1;
    }
    void answers()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, status);
        QFETCH(int, position);
        QFETCH(int, eta);
        const auto a = protocol::parseAssistAnswer(body);
        QCOMPARE(a.has_value(), ok);
        if (!ok)
            return;
        QCOMPARE(int(a->status), status);
        QCOMPARE(a->queuePosition, position);
        QCOMPARE(a->etaSeconds.value_or(-1), eta);
    }

    void outcomes()
    {
        sync::HubResponse r;
        QCOMPARE(AssistChannel::classify(r).kind, AssistOutcome::Kind::Offline);
        r.httpStatus = 501;
        QCOMPARE(AssistChannel::classify(r).kind, AssistOutcome::Kind::NotOffered);
        r.httpStatus = 500;
        QCOMPARE(AssistChannel::classify(r).kind, AssistOutcome::Kind::Failed);
        r.httpStatus = 200;
        r.body = "{}";
        QCOMPARE(AssistChannel::classify(r).kind, AssistOutcome::Kind::Failed);
        r.body = R"({"status":"accepted"})";
        QCOMPARE(AssistChannel::classify(r).kind, AssistOutcome::Kind::Answered);
    }

    void tokens()
    {
        QCOMPARE(screenName(QStringLiteral("formScreen")), QStringLiteral("form"));
        QCOMPARE(screenName(QStringLiteral("cardErrorScreen")), QStringLiteral("cardError"));
        QCOMPARE(screenName(QStringLiteral("张三")), QStringLiteral("other"));
        QCOMPARE(screenName(QString()), QStringLiteral("other"));
        QVERIFY(isProtocolToken(QStringLiteral("applicant.phone_2")));
        QVERIFY(!isProtocolToken(QStringLiteral("a b")));
        QVERIFY(!isProtocolToken(QStringLiteral("x;rm -rf")));
        QVERIFY(!isProtocolToken(QString(65, QLatin1Char('a'))));
        QVERIFY(!isProtocolToken(QStringLiteral("北京")));
        QVERIFY(!isProtocolToken(QString()));
    }
};

QTEST_GUILESS_MAIN(TestAssistProtocol)
#include "tst_assist_protocol.moc"
