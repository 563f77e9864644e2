// The redaction layer through every log path (issue 7, DESIGN.md §10). Paths covered:
//  1. qDebug / qInfo / qWarning / qCritical without a category           (inProcessEveryPath)
//  2. qCDebug/qCInfo/qCWarning with a category, debug enabled by rules     (inProcessEveryPath)
//  3. messages from a worker thread                                        (inProcessEveryPath)
//  4. QML console.log / console.warn / console.error (QQmlEngine)          (inProcessEveryPath)
//  5. the RecentLog buffer the admin page and the bundle read               (inProcessEveryPath)
//  6. the stderr sink, compact format, in a child process                   (stderrSink)
//  7. $QT_MESSAGE_PATTERN / qFormatLogMessage formatting in a child         (messagePattern)
//  8. the journald sink: fields formatter                                   (journalFields) and a
//     real sd_journal_send into a socket bound in a private mount namespace (journalSink, root)
// The diagnostics bundle and `onewindow-tool diag --json` are covered in tst_diagnostics_*.
// Identity strings: the synthetic residents of resources/demo/identities.json.
#include "LogTestResidents.h"
#include "app/platform/KioskConfig.h"
#include "app/platform/LogRedaction.h"
#include "app/platform/LogSinks.h"
#include "app/platform/Logging.h"
#include "app/platform/RecentLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <unistd.h>

using namespace onewindow;
using namespace onewindow::testing;

Q_LOGGING_CATEGORY(lcLogTest, "onewindow.logtest")

namespace {

// Sends the resident's leaky message through paths 1–4. Used in-process and by the child.
void emitThroughEveryPath(const LogResident& r)
{
    QLoggingCategory::setFilterRules(QStringLiteral("onewindow.logtest.debug=true"));
    qDebug("%s", qPrintable(leakyMessage(r, QStringLiteral("P-qdebug"))));
    qInfo("%s", qPrintable(leakyMessage(r, QStringLiteral("P-qinfo"))));
    qWarning() << leakyMessage(r, QStringLiteral("P-qwarning"));
    qCritical().noquote() << leakyMessage(r, QStringLiteral("P-qcritical"));
    qCDebug(lcLogTest).noquote() << leakyMessage(r, QStringLiteral("P-catdebug"));
    qCInfo(lcLogTest).noquote() << leakyMessage(r, QStringLiteral("P-catinfo"));
    qCWarning(lcLogTest) << leakyMessage(r, QStringLiteral("P-catwarning"));
    QThread* worker = QThread::create([&r] {
        qCWarning(lcLogTest).noquote() << leakyMessage(r, QStringLiteral("P-thread"));
        qInfo().noquote() << leakyMessage(r, QStringLiteral("P-threadinfo"));
    });
    worker->start();
    worker->wait();
    delete worker;
    QQmlEngine engine;
    const QString js = QStringLiteral("(function(m){ console.log(m.replace('MARK','P-qmllog'));"
                                      " console.warn(m.replace('MARK','P-qmlwarn'));"
                                      " console.error(m.replace('MARK','P-qmlerror')); })");
    QJSValue fn = engine.evaluate(js);
    fn.call({QJSValue(leakyMessage(r, QStringLiteral("MARK")))});
}

const QStringList kMarkers = {
    QStringLiteral("P-qdebug"),     QStringLiteral("P-qinfo"),    QStringLiteral("P-qwarning"),
    QStringLiteral("P-qcritical"),  QStringLiteral("P-catdebug"), QStringLiteral("P-catinfo"),
    QStringLiteral("P-catwarning"), QStringLiteral("P-thread"),   QStringLiteral("P-threadinfo"),
    QStringLiteral("P-qmllog"),     QStringLiteral("P-qmlwarn"),  QStringLiteral("P-qmlerror")};

// The child: `tst_logging child stderr|journal INDEX`.
int childMain(const QStringList& args)
{
    installRedactingMessageHandler();
    setLogTarget(args.value(2) == QLatin1String("journal") ? LogTarget::Journal : LogTarget::Stderr);
    const QList<LogResident> residents = logResidents();
    const int index = args.value(3).toInt();
    if (index < 0 || index >= residents.size())
        return 3;
    LogRedaction::setSessionIdentity(residents.at(index).identity);
    emitThroughEveryPath(residents.at(index));
    return 0;
}

void verifyClean(const QString& output, const LogResident& r, const char* where)
{
    for (const QString& s : r.secrets + alwaysSecret()) {
        if (output.contains(s, Qt::CaseInsensitive))
            QFAIL(qPrintable(QStringLiteral("%1 contains a personal string (length %2)")
                                 .arg(QLatin1String(where))
                                 .arg(s.size())));
    }
}

} // namespace

class TestLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { LogRedaction::clearSessionTerms(); }
    void cleanupTestCase() { LogRedaction::clearSessionTerms(); }

    void residentsLoaded()
    {
        const auto residents = logResidents();
        QVERIFY(residents.size() >= 5);
    }

    void idNumbersMaskedWithoutSessionTerms()
    {
        QCOMPARE(LogRedaction::sessionTermCount(), 0);
        for (const LogResident& r : logResidents()) {
            const QString out = redactLogText(QStringLiteral("read %1 ok").arg(r.idNumber));
            QVERIFY2(!out.contains(r.idNumber), qPrintable(out));
            QVERIFY(out.startsWith(QStringLiteral("read ") + r.idNumber.left(3) + QLatin1Char('*')));
        }
        QCOMPARE(redactLogText(QStringLiteral("call 13812345678.")), QStringLiteral("call 138****5678."));
        QCOMPARE(redactLogText(QStringLiteral("sw 9000 len 256 reader 2")),
                 QStringLiteral("sw 9000 len 256 reader 2"));
        const QString apdu =
            redactLogText(QStringLiteral("rx 00 A4 00 00 02 60 02 11 22 33 44 55 66 77 88 99 AA BB"));
        QCOMPARE(apdu, QStringLiteral("rx [hex 18 bytes]"));
        QCOMPARE(redactLogText(QStringLiteral("short 9000 6A82")), QStringLiteral("short 9000 6A82"));
    }

    // Issue 19 item 8: numbers from Hong Kong, Macao, Taiwan and abroad are masked like mainland
    // mobiles, in E.164 and as residents type them; what is not a phone number stays.
    void regionalPhoneNumbersMasked_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("secret");
        QTest::newRow("hk e164") << "phone=+85291234567 ok"
                                 << "91234567";
        QTest::newRow("hk spaced") << "phone +852 9123 4567"
                                   << "9123 4567";
        QTest::newRow("mo e164") << "tel:+85366123456"
                                 << "66123456";
        QTest::newRow("tw e164") << "{\"phone\":\"+886912345678\"}"
                                 << "912345678";
        QTest::newRow("tw national") << "typed 0912345678."
                                     << "0912345678";
        QTest::newRow("us e164") << "call +14155552671"
                                 << "4155552671";
        QTest::newRow("uk spaced") << "call +44 7911 123456"
                                   << "7911 123456";
        QTest::newRow("cn e164") << "call +8613812345678"
                                 << "13812345678";
    }
    void regionalPhoneNumbersMasked()
    {
        QFETCH(QString, line);
        QFETCH(QString, secret);
        const QString out = redactLogText(line);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY2(out.contains(QLatin1Char('*')), qPrintable(out));
        // Figures that are not phone numbers are left alone.
        QCOMPARE(redactLogText(QStringLiteral("elapsed 91234567 us, seq +12")),
                 QStringLiteral("elapsed 91234567 us, seq +12"));
    }

    void sessionTermsMaskEveryField()
    {
        for (const LogResident& r : logResidents()) {
            LogRedaction::setSessionIdentity(r.identity);
            QVERIFY(LogRedaction::sessionTermCount() > 0);
            const QString out = redactLogText(leakyMessage(r, QStringLiteral("M")));
            verifyClean(out, r, "redacted text");
            if (r.identity.name.size() >= 2)
                QVERIFY2(out.contains(QStringLiteral("name=") + r.identity.name.left(1) + QLatin1Char('*')),
                         qPrintable(out));
            if (!r.identity.address.isEmpty())
                QVERIFY(out.contains(QStringLiteral("addr=[redacted]")));
            LogRedaction::clearSessionTerms();
            QCOMPARE(LogRedaction::sessionTermCount(), 0);
            // Wiped session: names are no longer known, numbers still masked by shape.
            const QString after = redactLogText(leakyMessage(r, QStringLiteral("M")));
            QVERIFY(!after.contains(r.idNumber));
            if (!r.identity.name.isEmpty())
                QVERIFY(after.contains(r.identity.name));
        }
    }

    void shortTermsIgnored()
    {
        LogRedaction::setSessionTerms({QStringLiteral("张"), QStringLiteral(" ")}, {QStringLiteral("a")});
        QCOMPARE(LogRedaction::sessionTermCount(), 0);
        QCOMPARE(redactLogText(QStringLiteral("张 a")), QStringLiteral("张 a"));
        LogRedaction::setSessionTerms({QStringLiteral("李四")}, {});
        QCOMPARE(redactLogText(QStringLiteral("x李四y")), QStringLiteral("x李*y"));
    }

    void concurrentSetAndRedact()
    {
        // A constant term stays masked while other threads swap the rest of the set.
        const QString kept = QStringLiteral("黎样例");
        std::atomic<bool> stop{false};
        std::atomic<int> leaks{0};
        std::atomic<int> rounds{0};
        LogRedaction::setSessionTerms({kept}, {});
        QList<QThread*> readers;
        for (int i = 0; i < 3; ++i) {
            readers << QThread::create([&] {
                while (!stop) {
                    if (redactLogText(QStringLiteral("a %1 b").arg(kept)).contains(kept))
                        ++leaks;
                    ++rounds;
                }
            });
            readers.last()->start();
        }
        for (int i = 0; i < 2000; ++i)
            LogRedaction::setSessionTerms({kept, QStringLiteral("名字%1").arg(i)},
                                          {QStringLiteral("地址%1").arg(i)});
        stop = true;
        for (QThread* t : readers) {
            t->wait();
            delete t;
        }
        QVERIFY(rounds > 0);
        QCOMPARE(leaks.load(), 0);
    }

    // A figure, not an assert: how long one typical line takes through the whole redaction with
    // a resident's terms set (printed for docs/logging.md).
    void redactionThroughput()
    {
        const QList<LogResident> residents = logResidents();
        QVERIFY(!residents.isEmpty());
        LogRedaction::setSessionIdentity(residents.at(0).identity);
        const QString plain =
            QStringLiteral("reader 'ACS ACR39U 00 00' state changed: present -> reading, sw 9000");
        const QString leaky = leakyMessage(residents.at(0), QStringLiteral("bench"));
        QElapsedTimer t;
        const int n = 20000;
        t.start();
        int sink = 0;
        for (int i = 0; i < n; ++i)
            sink += int(redactLogText(plain).size());
        const double plainUs = double(t.nsecsElapsed()) / 1000.0 / n;
        t.restart();
        for (int i = 0; i < n; ++i)
            sink += int(redactLogText(leaky).size());
        const double leakyUs = double(t.nsecsElapsed()) / 1000.0 / n;
        QVERIFY(sink > 0);
        qInfo("redaction: %.2f us per plain line, %.2f us per line with 8 personal strings (%d lines each)",
              plainUs, leakyUs, n);
    }

    void recentLogIsABoundedRing()
    {
        RecentLog log(3);
        QVERIFY(log.lines().isEmpty());
        for (int i = 1; i <= 5; ++i)
            log.append(QString::number(i));
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.lines(), (QStringList{QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}));
        QCOMPARE(log.lines(2), (QStringList{QStringLiteral("4"), QStringLiteral("5")}));
        QCOMPARE(log.lines(0), QStringList());
        log.clear();
        QCOMPARE(log.size(), 0);
        QCOMPARE(RecentLog::instance().capacity(), 1000);
    }

    void inProcessEveryPath()
    {
        installRedactingMessageHandler();
        setLogTarget(LogTarget::Stderr);
        for (const LogResident& r : logResidents()) {
            RecentLog::instance().clear();
            LogRedaction::setSessionIdentity(r.identity);
            emitThroughEveryPath(r);
            const QStringList lines = RecentLog::instance().lines();
            const QString all = lines.join(QLatin1Char('\n'));
            for (const QString& marker : kMarkers)
                QVERIFY2(all.contains(marker),
                         qPrintable(marker + QStringLiteral(" did not reach RecentLog")));
            verifyClean(all, r, "RecentLog");
        }
    }

    void loggingRulesFromConfig()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kiosk.conf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[logging]\nrules=onewindow.rulestest.debug=true, "
                "onewindow.rulesoff.warning=false\ntarget=stderr\n");
        f.close();
        KioskConfig config = KioskConfig::load(path);
        QVERIFY(config.ok());
        QLoggingCategory on("onewindow.rulestest");
        QLoggingCategory off("onewindow.rulesoff");
        QCOMPARE(applyLoggingConfig(config), QString());
        QVERIFY(on.isDebugEnabled());
        QVERIFY(!off.isWarningEnabled());
        QCOMPARE(effectiveLogTarget(), LogTarget::Stderr);
        config.setValue(QStringLiteral("logging/target"), QStringLiteral("syslog"));
        QVERIFY(applyLoggingConfig(config).contains(QStringLiteral("logging/target")));
        config.setValue(QStringLiteral("logging/target"), QStringLiteral("stderr"));
        config.setValue(QStringLiteral("logging/rules"), QStringLiteral("a.debug=true;b.debug=true"));
        QCOMPARE(applyLoggingConfig(config), QString());
        config.setValue(QStringLiteral("logging/rules"), QStringLiteral("nonsense"));
        QVERIFY(applyLoggingConfig(config).contains(QStringLiteral("logging/rules")));
        QLoggingCategory::setFilterRules(QString());
    }

    void stderrSink()
    {
        const QList<LogResident> residents = logResidents();
        static const QRegularExpression lineShape(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z [DIWEF] [a-z.]+: "));
        for (int i = 0; i < residents.size(); ++i) {
            QProcess p;
            p.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("child"), QStringLiteral("stderr"), QString::number(i)});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 0);
            const QString err = QString::fromUtf8(p.readAllStandardError());
            for (const QString& marker : kMarkers)
                QVERIFY2(err.contains(marker), qPrintable(marker));
            verifyClean(err + QString::fromUtf8(p.readAllStandardOutput()), residents.at(i), "stderr");
            for (const QString& line : err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                QVERIFY2(lineShape.match(line).hasMatch(), qPrintable(line.left(40)));
            QVERIFY(err.contains(QStringLiteral(" D onewindow.logtest: P-catdebug")));
            QVERIFY(err.contains(QStringLiteral(" W onewindow.logtest: \"P-catwarning")));
        }
    }

    void messagePattern()
    {
        const QList<LogResident> residents = logResidents();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"),
                   QStringLiteral("PAT %{type} %{category} %{function}:%{line} %{message}"));
        p.setProcessEnvironment(env);
        p.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("child"), QStringLiteral("stderr"), QStringLiteral("0")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY(err.contains(QStringLiteral("PAT warning onewindow.logtest")));
        for (const QString& marker : kMarkers)
            QVERIFY2(err.contains(marker), qPrintable(marker));
        verifyClean(err, residents.at(0), "QT_MESSAGE_PATTERN output");
    }

    void journalFields()
    {
        QMessageLogContext context("src/x.cpp", 42, "void f()", "onewindow.reader");
        const QList<QByteArray> fields = logsinks::journalFields(
            QtWarningMsg, context, redactLogText(QStringLiteral("id 110105195803120029")));
        QVERIFY(fields.contains("PRIORITY=4"));
        QVERIFY(fields.contains("ONEWINDOW_CATEGORY=onewindow.reader"));
        QVERIFY(fields.contains("CODE_FILE=src/x.cpp"));
        QVERIFY(fields.contains("CODE_LINE=42"));
        QVERIFY(fields.contains("CODE_FUNC=void f()"));
        QVERIFY(fields.contains("MESSAGE=id 110***********0029"));
        QCOMPARE(logsinks::journalPriority(QtDebugMsg), 7);
        QCOMPARE(logsinks::journalPriority(QtCriticalMsg), 3);
        QMessageLogContext bare;
        const QList<QByteArray> few = logsinks::journalFields(QtInfoMsg, bare, QStringLiteral("x"));
        for (const QByteArray& f : few)
            QVERIFY(!f.startsWith("CODE_"));
        // JOURNAL_STREAM naming another file than stderr is not the journal.
        qputenv("JOURNAL_STREAM", "1:1");
        QVERIFY(!logsinks::stderrIsJournal());
        qunsetenv("JOURNAL_STREAM");
        QVERIFY(!logsinks::stderrIsJournal());
    }

    void journalSink()
    {
        if (!logsinks::journalCompiledIn())
            QSKIP("built without libsystemd: the journald sink is compiled out");
        if (::geteuid() != 0)
            QSKIP("needs root for a private mount namespace (CI runs as root)");
        const QString unshare = QStringLiteral("/usr/bin/unshare");
        if (!QFileInfo::exists(unshare))
            QSKIP("unshare (util-linux) is missing");
        {
            // In a chroot "/" is no mount point and a private namespace cannot be made; on a
            // machine (CI) it can, and the test runs.
            QProcess probe;
            probe.start(unshare, {QStringLiteral("-m"), QStringLiteral("--propagation"),
                                  QStringLiteral("private"), QStringLiteral("/bin/true")});
            if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
                QSKIP(qPrintable(QStringLiteral("no private mount namespace here (a chroot?): ") +
                                 QString::fromUtf8(probe.readAllStandardError()).trimmed()));
        }
        const QString helper =
            qEnvironmentVariable("ONEWINDOW_SOURCE_DIR", QStringLiteral(ONEWINDOW_SOURCE_DIR_FALLBACK)) +
            QStringLiteral("/tests/unit/app/platform/log_journal_capture.py");
        const QList<LogResident> residents = logResidents();
        for (int i = 0; i < residents.size(); ++i) {
            QProcess p;
            p.start(unshare,
                    {QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("private"),
                     QStringLiteral("/usr/bin/python3"), helper, QCoreApplication::applicationFilePath(),
                     QStringLiteral("child"), QStringLiteral("journal"), QString::number(i)});
            QVERIFY(p.waitForFinished(55000));
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            const QString err = QString::fromUtf8(p.readAllStandardError());
            QVERIFY2(p.exitCode() == 0, qPrintable(err.left(400)));
            QStringList messages;
            bool sawCategory = false;
            bool sawCode = false;
            for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
                messages << o.value(QStringLiteral("MESSAGE")).toString();
                if (o.value(QStringLiteral("ONEWINDOW_CATEGORY")).toString() ==
                        QLatin1String("onewindow.logtest") &&
                    o.value(QStringLiteral("PRIORITY")).toString() == QLatin1String("4"))
                    sawCategory = true;
                sawCode = sawCode || o.contains(QStringLiteral("CODE_LINE"));
            }
            const QString all = messages.join(QLatin1Char('\n'));
            for (const QString& marker : kMarkers)
                QVERIFY2(all.contains(marker), qPrintable(marker + QStringLiteral(" not in the journal")));
            QVERIFY(sawCategory);
            Q_UNUSED(sawCode); // release builds carry no file/line context
            verifyClean(out + err, residents.at(i), "journal datagrams");
        }
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == QLatin1String("child"))
        return childMain(args);
    TestLogging test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_logging.moc"
