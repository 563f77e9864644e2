// Starts the real kiosk binary offscreen in demo mode, drives the simulated reader through
// the --sim-control channel, and fails on any warning the app or QML prints, on a wrong
// screen, or on an identity field reaching the output unmasked.
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
// From resources/demo/identities.json, entry 0 and entry 4.
const QStringList kSecrets = {QStringLiteral("110105195803120029"), QStringLiteral("张测试"),
                              QStringLiteral("北京市朝阳区示例路88号院3号楼2单元501室"),
                              QStringLiteral("810000199508230029"), QStringLiteral("陈演示")};
} // namespace

class Kiosk
{
public:
    explicit Kiosk(const QString& stateDir, const QString& configPath)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{type} %{category}: %{message}"));
        env.remove(QStringLiteral("ONEWINDOW_CONFIG"));
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("ONEWINDOW_KIOSK"),
                      {QStringLiteral("--demo"), QStringLiteral("--sim-control"), QStringLiteral("--config"),
                       configPath, QStringLiteral("--state-dir"), stateDir});
    }

    void send(const QString& line) { process.write((line + QLatin1Char('\n')).toUtf8()); }

    // Waits until stdout has produced `expected` (a whole line) after everything consumed so far.
    bool expect(const QString& expected, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            while (process.canReadLine()) {
                const QString line = QString::fromUtf8(process.readLine()).trimmed();
                out << line;
                if (line == expected)
                    return true;
            }
            process.waitForReadyRead(100);
            if (process.state() == QProcess::NotRunning && !process.canReadLine())
                break;
        }
        qWarning("expected '%s'; stdout so far: %s", qPrintable(expected),
                 qPrintable(out.join(QLatin1Char('|'))));
        return false;
    }

    QProcess process;
    QStringList out;
};

class TestSmoke : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(qEnvironmentVariable("ONEWINDOW_KIOSK")), "kiosk binary not built");
        m_config = m_dir.filePath(QStringLiteral("kiosk.conf"));
        QFile conf(m_config);
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[sim]\nread_delay_ms=50\n[ui]\ndefault_language=zh_CN\n"
                   // A real engine spawns speech-dispatcher, which outlives the test; speech
                   // is covered by tst_speech_speaker and the QML tests.
                   "[speech]\nenabled=false\n");
    }

    void cardToConfirmationAndBack()
    {
        const QString state = m_dir.filePath(QStringLiteral("state"));
        Kiosk kiosk(state, m_config);
        QVERIFY(kiosk.process.waitForStarted(5000));

        kiosk.send(QStringLiteral("screen"));
        QVERIFY(kiosk.expect(QStringLiteral("screen attractScreen")));
        // A crash writes no core dump that could hold a resident's identity.
        {
            QFile limits(QStringLiteral("/proc/%1/limits").arg(kiosk.process.processId()));
            QVERIFY(limits.open(QIODevice::ReadOnly));
            const QString core = QString::fromLatin1(limits.readAll())
                                     .split(QLatin1Char('\n'))
                                     .filter(QStringLiteral("Max core file size"))
                                     .value(0)
                                     .simplified();
            QVERIFY2(core.startsWith(QLatin1String("Max core file size 0 0")), qPrintable(core));
        }

        kiosk.send(QStringLiteral("place 0"));
        QVERIFY(kiosk.expect(QStringLiteral("state reading")));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        kiosk.send(QStringLiteral("screen"));
        QVERIFY(kiosk.expect(QStringLiteral("screen identityScreen")));

        const QString shot = m_dir.filePath(QStringLiteral("identified.png"));
        kiosk.send(QStringLiteral("screenshot ") + shot);
        QVERIFY(kiosk.expect(QStringLiteral("ok screenshot")));
        const QImage image(shot);
        QCOMPARE(image.size(), QSize(1080, 1920));
        // Rendered, not blank: the header, text and buttons give many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 16)
            for (int x = 0; x < image.width(); x += 16)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 5, qPrintable(QString::number(colours.size())));

        kiosk.send(QStringLiteral("remove"));
        QVERIFY(kiosk.expect(QStringLiteral("state wiping")));
        QVERIFY(kiosk.expect(QStringLiteral("state attract")));
        kiosk.send(QStringLiteral("screen"));
        QVERIFY(kiosk.expect(QStringLiteral("screen attractScreen")));

        // A read that fails, then the error screen, then the resident ends it.
        kiosk.send(QStringLiteral("fail card_moved"));
        kiosk.send(QStringLiteral("place 0"));
        QVERIFY(kiosk.expect(QStringLiteral("state card_error")));
        kiosk.send(QStringLiteral("screen"));
        QVERIFY(kiosk.expect(QStringLiteral("screen cardErrorScreen")));
        kiosk.send(QStringLiteral("end"));
        QVERIFY(kiosk.expect(QStringLiteral("state attract")));

        // An HMT permit switches the language; every screen renders in it without warnings.
        kiosk.send(QStringLiteral("place 4"));
        QVERIFY(kiosk.expect(QStringLiteral("state identified")));
        kiosk.send(QStringLiteral("elderly on"));
        QVERIFY(kiosk.expect(QStringLiteral("ok elderly")));
        kiosk.send(QStringLiteral("language en"));
        QVERIFY(kiosk.expect(QStringLiteral("ok language")));
        kiosk.send(QStringLiteral("end"));
        QVERIFY(kiosk.expect(QStringLiteral("state attract")));

        kiosk.send(QStringLiteral("quit"));
        QVERIFY(kiosk.expect(QStringLiteral("ok quit")));
        QVERIFY(kiosk.process.waitForFinished(5000));
        QCOMPARE(kiosk.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(kiosk.process.exitCode(), 0);

        const QString stdErr = QString::fromUtf8(kiosk.process.readAllStandardError());
        const QString stdOut =
            kiosk.out.join(QLatin1Char('\n')) + QString::fromUtf8(kiosk.process.readAllStandardOutput());
        // Any QML or Qt warning fails the smoke test; debug/info lines of our own are fine.
        const QStringList errLines = stdErr.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList bad;
        for (const QString& line : errLines) {
            if (!line.startsWith(QLatin1String("debug onewindow.")) &&
                !line.startsWith(QLatin1String("info onewindow.")))
                bad << line;
        }
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
        for (const QString& secret : kSecrets) {
            QVERIFY2(!stdErr.contains(secret), "identity field in stderr");
            QVERIFY2(!stdOut.contains(secret), "identity field in stdout");
        }
        // The state directory exists, is private, and holds nothing personal.
        QFileInfo info(state);
        QVERIFY(info.isDir());
        QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions{});
    }

    void badConfigurationIsAClearError()
    {
        Kiosk kiosk(m_dir.filePath(QStringLiteral("state2")), m_dir.filePath(QStringLiteral("missing.conf")));
        QVERIFY(kiosk.process.waitForFinished(10000));
        QCOMPARE(kiosk.process.exitCode(), 2);
        QVERIFY(
            QString::fromUtf8(kiosk.process.readAllStandardError()).contains(QStringLiteral("not found")));
    }
};

QTEST_GUILESS_MAIN(TestSmoke)
#include "tst_smoke.moc"
