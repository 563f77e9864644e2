// 人工帮办 end to end on real parts: the reference hub over mutual TLS (hub down, 500, slow,
// 501 included), the real audit log in a SQLite file, a real command for the hall call and a
// real pseudo-terminal for the serial line.
#include "../sync/SyncTestSupport.h"
#include "app/assist/AssistChannel.h"
#include "app/assist/AssistController.h"
#include "app/assist/HallCall.h"
#include "app/speech/Speaker.h"
#include "app/storage/StorageWorker.h"

#include <QSignalSpy>
#include <QTest>
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

using namespace onewindow;
using namespace onewindow::assist;
using onewindow::testing::HubProcess;
using State = AssistController::State;

class TestAssistHub : public QObject
{
    Q_OBJECT

    HubProcess m_hub;
    QTemporaryDir m_state;
    std::unique_ptr<storage::StorageWorker> m_worker;
    std::shared_ptr<sync::HubClient> m_client;
    std::unique_ptr<AssistChannel> m_channel;
    std::unique_ptr<HallCall> m_hallCall;
    std::unique_ptr<RecordingSpeaker> m_speaker;
    std::unique_ptr<AssistController> m_assist;
    QString m_item = QStringLiteral("11110105MB0000000X4000111100001");

    void makeController(HallCallSettings hall = {}, qint64 timeoutMs = 4000)
    {
        m_assist.reset();
        m_hallCall = std::make_unique<HallCall>(hall);
        m_channel = std::make_unique<AssistChannel>(m_client, timeoutMs);
        m_speaker = std::make_unique<RecordingSpeaker>();
        AssistController::Dependencies d;
        d.channel = m_channel.get();
        d.hallCall = m_hallCall.get();
        d.speaker = m_speaker.get();
        d.kioskId = QStringLiteral("kiosk-test-01");
        d.currentItemCode = [this] {
            return m_item;
        };
        d.audit = [this](const storage::AuditEvent& e) {
            QVERIFY(m_worker->audit().append(e).ok());
        };
        m_assist = std::make_unique<AssistController>(d);
    }
    QJsonArray hubRequests() const
    {
        return m_hub.admin(QStringLiteral("/admin/assist"), {}, false)
            .value(QStringLiteral("requests"))
            .toArray();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_hub.start(&error), qPrintable(error));
        storage::StorageConfig config;
        config.stateDir = m_state.path();
        m_worker = std::make_unique<storage::StorageWorker>(config);
        QVERIFY(m_worker->open().ok());
        m_client = std::make_shared<sync::HubClient>(m_hub.config());
    }
    void init()
    {
        m_hub.clearFaults();
        m_hub.admin(QStringLiteral("/admin/assist"), {{"enabled", true}, {"clear", true}});
        makeController();
    }

    void staffOnTheWayIsShownSpokenAndAudited()
    {
        m_assist->requestHelp(QStringLiteral("formScreen"));
        QCOMPARE(m_assist->state(), State::Requesting);
        QVERIFY(!m_assist->canRequest());
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::StaffOnTheWay, 10000);
        QVERIFY(m_assist->canRequest());
        QCOMPARE(m_assist->etaMinutes(), 2); // the hub's eta_s 120
        QVERIFY(m_assist->message().contains(QLatin1String("on the way")));
        QCOMPARE(m_speaker->spoken.value(0), m_assist->message());

        // What the hub received: enum names and codes, nothing of the resident.
        const QJsonArray requests = hubRequests();
        QCOMPARE(requests.size(), 1);
        const QJsonObject r = requests.first().toObject();
        QStringList keys = r.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{"kiosk_id", "reason", "request_id", "screen", "service_item_code"}));
        QCOMPARE(r.value("screen").toString(), QStringLiteral("form"));
        QCOMPARE(r.value("reason").toString(), QStringLiteral("resident_pressed_help"));
        QCOMPARE(r.value("service_item_code").toString(), m_item);

        auto recent = m_worker->audit().recent(1);
        QVERIFY(recent.ok());
        QCOMPARE(recent.value().size(), 1);
        const storage::AuditEvent e = recent.value().first();
        QCOMPARE(e.kind, storage::AuditEvent::Kind::AssistRequest);
        QCOMPARE(e.result, QStringLiteral("staff_on_the_way"));
        QCOMPARE(e.purpose, QStringLiteral("resident_pressed_help"));
        QCOMPARE(e.objectRef, r.value("request_id").toString());
        QVERIFY(m_worker->audit().verify().value().ok);
    }

    void wrongFieldSendsTheKeyAndASecondResidentQueues()
    {
        m_assist->reportWrongField(QStringLiteral("formScreen"), QStringLiteral("address"));
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::StaffOnTheWay, 10000);
        // The button is never left grey: a second press is a second request, now in the queue.
        m_assist->requestHelp(QStringLiteral("reviewScreen"));
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::Queued, 10000);
        QCOMPARE(m_assist->queuePosition(), 2);
        QVERIFY(m_assist->message().contains(QLatin1String("number 2")));
        const QJsonArray requests = hubRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).toObject().value("reason").toString(),
                 QStringLiteral("wrong_prefilled_field"));
        QCOMPARE(requests.at(0).toObject().value("field").toString(), QStringLiteral("address"));
        QCOMPARE(requests.at(1).toObject().value("screen").toString(), QStringLiteral("review"));
        // A value that is not a schema key is never sent as "field".
        m_assist->reportWrongField(QStringLiteral("formScreen"), QStringLiteral("北京市 朝阳区"));
        QTRY_COMPARE_WITH_TIMEOUT(hubRequests().size(), 3, 10000);
        QVERIFY(!hubRequests().at(2).toObject().contains("field"));
    }

    void hubDownSaysGoToTheServiceDesk()
    {
        // A fresh client (no kept-alive connection) meets a hub that resets every connection.
        m_client = std::make_shared<sync::HubClient>(m_hub.config());
        makeController();
        m_hub.connFaults(QJsonArray{QJsonObject{{"action", "down"}, {"times", 3}}});
        m_assist->requestHelp(QStringLiteral("catalogScreen"));
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::Offline, 10000);
        QVERIFY(m_assist->message().contains(QLatin1String("service desk")));
        QCOMPARE(m_speaker->spoken.value(0), m_assist->message());
        QVERIFY(m_assist->canRequest());
        QCOMPARE(m_worker->audit().recent(1).value().first().result, QStringLiteral("offline"));
    }

    void stoppedHubIsOffline()
    {
        HubProcess other;
        QString error;
        QVERIFY2(other.start(&error), qPrintable(error));
        auto client = std::make_shared<sync::HubClient>(other.config());
        other.stop(); // nobody listens on that port any more
        AssistChannel channel(client, 3000);
        AssistController::Dependencies d;
        d.channel = &channel;
        d.kioskId = QStringLiteral("kiosk-test-01");
        AssistController assist(d);
        assist.requestHelp(QStringLiteral("attractScreen"));
        QTRY_COMPARE_WITH_TIMEOUT(assist.state(), State::Offline, 10000);
    }

    void serverErrorFailsAndThePressWorksAgain()
    {
        m_hub.faults(QJsonArray{QJsonObject{{"match", "POST /v1/assist:request"}, {"status", 500}}});
        m_assist->requestHelp(QStringLiteral("formScreen"));
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::Failed, 10000);
        QVERIFY(m_assist->message().contains(QLatin1String("press the button again")));
        QCOMPARE(m_worker->audit().recent(1).value().first().detail, QStringLiteral("screen=form http=500"));
        m_assist->requestHelp(QStringLiteral("formScreen"));
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::StaffOnTheWay, 10000);
    }

    void slowHubTimesOutAsOffline()
    {
        makeController({}, 1000);
        m_hub.faults(QJsonArray{QJsonObject{{"match", "POST /v1/assist:request"}, {"delay_ms", 3000}}});
        QElapsedTimer t;
        t.start();
        m_assist->requestHelp(QStringLiteral("formScreen"));
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::Offline, 10000);
        QVERIFY2(t.elapsed() < 2900, qPrintable(QString::number(t.elapsed())));
        // The hub handles the request after its delay; wait for that so no later test sees it.
        QTRY_COMPARE_WITH_TIMEOUT(hubRequests().size(), 1, 10000);
    }

    void notOfferedSends501Message()
    {
        m_hub.admin(QStringLiteral("/admin/assist"), {{"enabled", false}});
        m_assist->requestHelp(QStringLiteral("formScreen"));
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::NotOffered, 10000);
        QVERIFY(m_assist->message().contains(QLatin1String("service desk")));
        QCOMPARE(m_worker->audit().recent(1).value().first().result, QStringLiteral("not_offered"));
    }

    void lateAnswerAfterTheSessionEndedIsDropped()
    {
        m_hub.faults(QJsonArray{QJsonObject{{"match", "POST /v1/assist:request"}, {"delay_ms", 500}}});
        m_assist->requestHelp(QStringLiteral("formScreen"));
        m_assist->reset(); // the resident walked away
        QCOMPARE(m_assist->state(), State::Idle);
        QTRY_COMPARE_WITH_TIMEOUT(m_worker->audit().recent(1).value().first().result,
                                  QStringLiteral("staff_on_the_way"), 10000);
        QCOMPARE(m_assist->state(), State::Idle);
        QVERIFY(m_speaker->spoken.isEmpty());
    }

    void hallCallCommandRunsWithFixedArgv()
    {
        const QString out = m_state.path() + QStringLiteral("/hall-call.txt");
        const QString script = m_state.path() + QStringLiteral("/hall call.sh"); // a space in the path
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nprintf '%s|' \"$@\" > \"$HALL_OUT\"\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        qputenv("HALL_OUT", out.toLocal8Bit());
        HallCallSettings hall;
        hall.command = QStringList{script, QStringLiteral("--hall"), QStringLiteral("3 west")};
        makeController(hall);
        QSignalSpy done(m_hallCall.get(), &HallCall::finished);
        m_assist->requestHelp(QStringLiteral("reviewScreen"));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QFile result(out);
        QVERIFY(result.open(QIODevice::ReadOnly));
        QCOMPARE(result.readAll(), QByteArray("--hall|3 west|kiosk-test-01|review|resident_pressed_help|"));
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::StaffOnTheWay, 10000);
    }

    void hallCallFailureIsReportedNotFatal()
    {
        HallCallSettings hall;
        hall.command = QStringList{QStringLiteral("/bin/false")};
        makeController(hall);
        QSignalSpy done(m_hallCall.get(), &HallCall::finished);
        m_assist->requestHelp(QStringLiteral("formScreen"));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QVERIFY(!done.first().at(0).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(m_assist->state(), State::StaffOnTheWay, 10000);
    }

    void hallCallSerialLineOnAPty()
    {
        int master = -1, slave = -1;
        char name[256] = {};
        QVERIFY(::openpty(&master, &slave, name, nullptr, nullptr) == 0);
        HallCallSettings hall;
        hall.serialPath = QString::fromLocal8Bit(name);
        hall.serialBaud = 19200;
        makeController(hall);
        QSignalSpy done(m_hallCall.get(), &HallCall::finished);
        m_assist->reportWrongField(QStringLiteral("formScreen"), QStringLiteral("name"));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QByteArray line;
        char buf[256];
        ::fcntl(master, F_SETFL, O_NONBLOCK);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const ssize_t n = ::read(master, buf, sizeof buf);
                if (n > 0)
                    line.append(buf, n);
                return line.endsWith("\r\n");
            }(),
            5000);
        QCOMPARE(line, QByteArray("ASSIST kiosk-test-01 form wrong_prefilled_field\r\n"));
        ::close(master);
        ::close(slave);
    }

    void cleanupTestCase()
    {
        m_assist.reset();
        m_hallCall.reset();
        m_channel.reset();
        m_client.reset();
        m_worker.reset();
        m_hub.stop();
    }
};

QTEST_GUILESS_MAIN(TestAssistHub)
#include "tst_assist_hub.moc"
