// AdminAuthenticator, LockoutState and AdminSession on real files: the 5-failure lock and its
// persistence across a restart, clock rollback, expiry (injected clock), unprovisioned kiosks,
// the asynchronous verification, the one-session-at-a-time lock file, idle lock and auditing
// (into a real HMAC-chained audit.db).
#include "app/admin/AdminAuthenticator.h"
#include "app/admin/AdminSession.h"
#include "app/admin/AdminSetup.h"
#include "app/admin/LockoutState.h"
#include "app/admin/PinStore.h"
#include "app/platform/KioskConfig.h"
#include "app/storage/AuditLog.h"
#include "app/storage/DatabaseOpener.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/stat.h>

using namespace onewindow;
using namespace onewindow::admin;
using namespace std::chrono_literals;

namespace {
const ScryptParams kFast{quint64(1) << 10, 8, 1};
const QString kPin = QStringLiteral("480715");
} // namespace

class AdminAuthTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<QDateTime> m_now; // the injected clock
    QList<storage::AuditEvent> m_events;

    QString pinPath() const { return m_dir->filePath(QStringLiteral("admin-pin")); }
    QString lockoutPath() const { return LockoutState::pathIn(m_dir->path()); }
    LockoutState lockout() const
    {
        auto now = m_now;
        return LockoutState(lockoutPath(), 5, 15, [now] { return *now; });
    }
    AuditSink sink()
    {
        return [this](storage::AuditEvent e) {
            m_events.append(e);
        };
    }
    void provision(const ScryptParams& params = kFast)
    {
        QCOMPARE(PinStore(pinPath()).save(PinHasher::makeRecord(kPin, params).value()), QString());
    }
    std::unique_ptr<AdminAuthenticator> authenticator()
    {
        return std::make_unique<AdminAuthenticator>(PinStore(pinPath()), lockout(), sink());
    }
    // Runs one verification to its answer.
    static PinOutcome verify(AdminAuthenticator& auth, const QString& pin)
    {
        QSignalSpy spy(&auth, &AdminAuthenticator::verified);
        auth.verifyPin(pin);
        if (!spy.wait(10000) || spy.size() != 1)
            qFatal("no verified() signal");
        return spy.first().first().value<PinOutcome>();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_now = std::make_shared<QDateTime>(QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
        m_events.clear();
    }

    void acceptsCorrectRejectsWrong()
    {
        provision();
        auto auth = authenticator();
        QVERIFY(auth->provisioned());
        PinOutcome o = verify(*auth, QStringLiteral("480716"));
        QCOMPARE(o.result, PinResult::Wrong);
        QCOMPARE(o.attemptsLeft, 4);
        o = verify(*auth, kPin);
        QCOMPARE(o.result, PinResult::Accepted);
        QCOMPARE(lockout().read().failures, 0);
        QCOMPARE(m_events.size(), 2);
        QCOMPARE(m_events.at(0).kind, storage::AuditEvent::Kind::AdminLoginFailure);
        QCOMPARE(m_events.at(0).result, QStringLiteral("wrong"));
        QCOMPARE(m_events.at(1).kind, storage::AuditEvent::Kind::AdminLoginSuccess);
        for (const auto& e : m_events)
            QVERIFY(!e.detail.contains(kPin) && !e.detail.contains(QStringLiteral("480716")));
    }

    void lockoutAfterFiveFailures()
    {
        provision();
        auto auth = authenticator();
        for (int i = 1; i <= 4; ++i) {
            const PinOutcome o = verify(*auth, QStringLiteral("000000"));
            QCOMPARE(o.result, PinResult::Wrong);
            QCOMPARE(o.attemptsLeft, 5 - i);
        }
        PinOutcome o = verify(*auth, QStringLiteral("000000"));
        QCOMPARE(o.result, PinResult::LockedOut);
        const QDateTime expected = m_now->addSecs(15 * 60);
        QCOMPARE(o.lockedUntil, expected);
        QCOMPARE(auth->lockedUntil(), expected);
        QCOMPARE(m_events.last().result, QStringLiteral("locked_out"));

        // The right PIN during the lock is refused.
        *m_now = m_now->addSecs(60);
        o = verify(*auth, kPin);
        QCOMPARE(o.result, PinResult::LockedOut);
        QCOMPARE(o.lockedUntil, expected);

        // A restart (new objects over the same files) is still locked.
        auth.reset();
        auth = authenticator();
        QCOMPARE(auth->lockedUntil(), expected);
        QCOMPARE(verify(*auth, kPin).result, PinResult::LockedOut);

        // The file is private.
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(lockoutPath()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, 0600u);

        // After the lock, the right PIN is accepted and resets the count.
        *m_now = expected.addSecs(1);
        QVERIFY(!auth->lockedUntil().isValid());
        o = verify(*auth, kPin);
        QCOMPARE(o.result, PinResult::Accepted);
        QCOMPARE(lockout().read().failures, 0);
        QVERIFY(!lockout().read().locked());
        o = verify(*auth, QStringLiteral("000000"));
        QCOMPARE(o.attemptsLeft, 4);
    }

    void clockRollbackDoesNotShortenLock()
    {
        const LockoutState state = lockout();
        for (int i = 0; i < 5; ++i)
            state.recordFailure();
        const QDateTime lockedAt = *m_now;
        QVERIFY(state.read().locked());
        // The clock jumps back a day: the lock restarts at the new "now" for the full 15 min.
        *m_now = lockedAt.addDays(-1);
        LockoutState::Snapshot s = state.read();
        QVERIFY(s.locked());
        QCOMPARE(s.lockedUntil, m_now->addSecs(15 * 60));
        // … and stays locked 14 minutes later, although the original lock would be "in the future".
        *m_now = m_now->addSecs(14 * 60);
        QVERIFY(state.read().locked());
        *m_now = m_now->addSecs(2 * 60);
        QVERIFY(!state.read().locked());
    }

    void corruptLockoutFileFailsClosed()
    {
        QFile f(lockoutPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        LockoutState::Snapshot s = lockout().read();
        QVERIFY(s.locked());
        QVERIFY(!s.error.isEmpty());
        QCOMPARE(lockout().clear(), QString());
        QVERIFY(!lockout().read().locked());
    }

    void lockTimeOutOfRangeFailsClosed()
    {
        // Found by fuzz_keyfiles: 1e300 ms was cast to an integer (undefined behaviour; on x86
        // an invalid date, so the lock vanished).
        QFile f(lockoutPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"failures\":5,\"locked_at_ms\":1e300}");
        f.close();
        LockoutState::Snapshot s = lockout().read();
        QVERIFY(s.locked());
        QVERIFY(!s.error.isEmpty());
        QCOMPARE(s.lockedUntil, m_now->addSecs(15 * 60));
    }

    void uncountableFailureFailsClosed()
    {
        provision();
        auto now = m_now;
        // The lockout file cannot be written (its directory is gone): a wrong PIN locks at once.
        AdminAuthenticator auth(PinStore(pinPath()),
                                LockoutState(m_dir->filePath(QStringLiteral("gone/admin-lockout.json")), 5,
                                             15, [now] { return *now; }));
        const PinOutcome o = verify(auth, QStringLiteral("000000"));
        QCOMPARE(o.result, PinResult::LockedOut);
        QCOMPARE(o.lockedUntil, m_now->addSecs(15 * 60));
        // … and the lock holds in memory: the right PIN is not even hashed.
        QCOMPARE(verify(auth, kPin).result, PinResult::LockedOut);
        *m_now = m_now->addSecs(15 * 60 + 1);
        QCOMPARE(verify(auth, kPin).result, PinResult::Accepted);
    }

    void configurableLimits()
    {
        auto now = m_now;
        const LockoutState state(lockoutPath(), 2, 1, [now] { return *now; });
        QVERIFY(!state.recordFailure().locked());
        const LockoutState::Snapshot s = state.recordFailure();
        QVERIFY(s.locked());
        QCOMPARE(s.lockedUntil, m_now->addSecs(60));

        const QString conf = m_dir->filePath(QStringLiteral("kiosk.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(
                    "[kiosk]\nstate_dir=%1\n[admin]\nmax_failures=3\nlockout_minutes=30\nidle_seconds=45\n")
                    .arg(m_dir->path())
                    .toUtf8());
        f.close();
        const AdminSetup setup = AdminSetup::fromConfig(KioskConfig::load(conf));
        QCOMPARE(setup.settings.maxFailures, 3);
        QCOMPARE(setup.lockout.lockoutMinutes(), 30);
        QCOMPARE(setup.settings.idleSeconds, 45);
        QCOMPARE(setup.store.path(), pinPath());
        QCOMPARE(setup.lockout.path(), lockoutPath());
        const AdminSettings defaults = AdminSettings::fromConfig(KioskConfig::load(QString()));
        QCOMPARE(defaults.maxFailures, 5);
        QCOMPARE(defaults.lockoutMinutes, 15);
        QCOMPARE(defaults.idleSeconds, 120);
    }

    void unprovisionedRefusesEverything()
    {
        auto auth = authenticator();
        QVERIFY(!auth->provisioned());
        QVERIFY(!auth->provisioningError().isEmpty());
        for (const QString& pin : {QStringLiteral("000000"), QStringLiteral("123456"), kPin, QString()}) {
            const PinOutcome o = verify(*auth, pin);
            QCOMPARE(o.result, PinResult::NotProvisioned);
        }
        QCOMPARE(lockout().read().failures, 0);
    }

    void tamperedRecordIsNotProvisioned()
    {
        provision();
        QFile f(pinPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        text.replace("\"hash\": \"", "\"hash\": \"%%");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        auto auth = authenticator();
        QVERIFY(!auth->provisioned());
        QVERIFY2(auth->provisioningError().contains(QStringLiteral("hash")),
                 qPrintable(auth->provisioningError()));
        QCOMPARE(verify(*auth, kPin).result, PinResult::NotProvisioned);
    }

    void verifyDoesNotBlock()
    {
        provision(ScryptParams{}); // the production cost, ~100 ms
        auto auth = authenticator();
        QSignalSpy spy(auth.get(), &AdminAuthenticator::verified);
        auth->verifyPin(kPin);
        QCOMPARE(spy.size(), 0); // returned before the hash finished
        QVERIFY(auth->busy());
        auth->verifyPin(kPin); // a second request while busy
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 10000);
        QCOMPARE(spy.at(0).first().value<PinOutcome>().result, PinResult::Busy);
        QCOMPARE(spy.at(1).first().value<PinOutcome>().result, PinResult::Accepted);
    }

    void sessionOpensOnlyAfterAcceptance()
    {
        provision();
        auto auth = authenticator();
        AdminSession session(m_dir->path(), 120s, sink());
        session.watch(auth.get());
        QVERIFY(!session.open(QStringLiteral("tech1")));
        QVERIFY(!session.lastError().isEmpty());
        QCOMPARE(verify(*auth, QStringLiteral("000000")).result, PinResult::Wrong);
        QVERIFY(!session.open(QStringLiteral("tech1")));
        QCOMPARE(verify(*auth, kPin).result, PinResult::Accepted);
        QSignalSpy opened(&session, &AdminSession::opened);
        QVERIFY(session.open(QStringLiteral("tech1")));
        QVERIFY(session.isOpen());
        QCOMPARE(opened.size(), 1);
        QVERIFY(QFile::exists(session.lockPath()));

        // A second session on the same state dir (another process would see the same lock file)
        // is refused even after its own accepted PIN.
        AdminSession other(m_dir->path(), 120s, sink());
        other.watch(auth.get());
        QCOMPARE(verify(*auth, kPin).result, PinResult::Accepted);
        QVERIFY(!other.open(QStringLiteral("tech2")));
        QVERIFY2(other.lastError().contains(QStringLiteral("another")), qPrintable(other.lastError()));

        QSignalSpy closed(&session, &AdminSession::closed);
        session.close(QStringLiteral("logout"));
        QVERIFY(!session.isOpen());
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed.first().first().toString(), QStringLiteral("logout"));
        QVERIFY(!QFile::exists(session.lockPath()));
        // The refused open() used up its acceptance: a new one opens it now the lock is free.
        QCOMPARE(verify(*auth, kPin).result, PinResult::Accepted);
        QVERIFY(other.open(QStringLiteral("tech2")));
        other.close(QStringLiteral("logout"));
    }

    void idleLock()
    {
        provision();
        auto auth = authenticator();
        AdminSession session(m_dir->path(), 300ms, sink());
        session.watch(auth.get());
        QCOMPARE(verify(*auth, kPin).result, PinResult::Accepted);
        QSignalSpy closed(&session, &AdminSession::closed);
        QVERIFY(session.open(QStringLiteral("tech1")));
        // Activity keeps it open past the idle limit …
        for (int i = 0; i < 4; ++i) {
            QTest::qWait(150);
            session.touch();
        }
        QVERIFY(session.isOpen());
        // … and without activity it closes itself.
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
        QCOMPARE(closed.first().first().toString(), QStringLiteral("idle"));
        QVERIFY(!session.isOpen());
        QVERIFY(!QFile::exists(session.lockPath()));
    }

    void recordGoesToTheAuditLog()
    {
        // A real audit.db: the new AdminAction kind round-trips and the chain verifies.
        auto db = storage::DatabaseOpener::open(
            storage::DatabaseOpener::auditSpec(m_dir->filePath(QStringLiteral("audit.db"))), nullptr);
        QVERIFY(db.ok());
        auto keys = KeyStore::open(m_dir->filePath(QStringLiteral("keys")), true);
        QVERIFY(keys.ok());
        storage::AuditLog log(*db.value(), keys.value());
        AuditSink toLog = [&log](storage::AuditEvent e) {
            if (!log.append(std::move(e)).ok())
                qFatal("audit append failed");
        };
        provision();
        AdminAuthenticator auth(PinStore(pinPath()), lockout(), toLog);
        {
            AdminSession session(m_dir->path(), 120s, toLog);
            session.watch(&auth);
            QCOMPARE(verify(auth, kPin).result, PinResult::Accepted);
            QVERIFY(session.open(QStringLiteral("tech1")));
            session.record(QStringLiteral("retry_now"), QStringLiteral("outbox"), QStringLiteral("ok"),
                           QStringLiteral("3 items"));
        } // destroyed while open: closed with "shutdown"
        const auto recent = log.recent(10);
        QVERIFY(recent.ok());
        QCOMPARE(recent.value().size(), 4);
        QList<storage::AuditEvent> events = recent.value();
        std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
        QCOMPARE(events.at(0).kind, storage::AuditEvent::Kind::AdminLoginSuccess);
        QCOMPARE(events.at(1).kind, storage::AuditEvent::Kind::AdminAction);
        QCOMPARE(events.at(1).detail, QStringLiteral("session_open"));
        QCOMPARE(events.at(2).kind, storage::AuditEvent::Kind::AdminAction);
        QCOMPARE(events.at(2).actor, QStringLiteral("admin:tech1"));
        QCOMPARE(events.at(2).objectRef, QStringLiteral("outbox"));
        QCOMPARE(events.at(2).detail, QStringLiteral("retry_now: 3 items"));
        QCOMPARE(events.at(3).detail, QStringLiteral("session_close: shutdown"));
        QCOMPARE(QString::fromLatin1(storage::AuditEvent::kindName(storage::AuditEvent::Kind::AdminAction)),
                 QStringLiteral("admin_action"));
        const auto verification = log.verify();
        QVERIFY(verification.ok());
        QVERIFY(verification.value().ok);
        QCOMPARE(verification.value().events, 4);
    }
};

QTEST_GUILESS_MAIN(AdminAuthTest)
#include "tst_admin_auth.moc"
