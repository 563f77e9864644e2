// The way into admin mode (app/adminui/AdminEntry) with the real authenticator and admin
// session of app/admin on files in a temporary directory: corner taps, the shuffled pad, a
// right and a wrong PIN, cancel, logout and the idle lock.
#include "app/admin/AdminAuthenticator.h"
#include "app/admin/AdminSession.h"
#include "app/admin/LockoutState.h"
#include "app/admin/PinHasher.h"
#include "app/admin/PinStore.h"
#include "app/admin/TechnicianCards.h"
#include "app/adminui/AdminEntry.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace onewindow;
using namespace onewindow::admin;
using namespace onewindow::adminui;

namespace {
const QString kPin = QStringLiteral("480715");

// Cheap scrypt parameters keep the test fast; the stored record says which were used.
ScryptParams testParams()
{
    ScryptParams p;
    p.n = quint64(1) << 14;
    return p;
}
} // namespace

class TestAdminUiEntry : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<AdminAuthenticator> m_auth;
    std::unique_ptr<AdminSession> m_session;
    TechnicianCards m_cards;
    std::unique_ptr<AdminEntry> m_entry;

    void build(std::chrono::milliseconds idle = std::chrono::seconds(120))
    {
        m_entry.reset();
        m_session.reset();
        m_auth.reset();
        PinStore store(m_dir.filePath(QStringLiteral("admin-pin")));
        m_auth =
            std::make_unique<AdminAuthenticator>(store, LockoutState(LockoutState::pathIn(m_dir.path())));
        m_session = std::make_unique<AdminSession>(m_dir.path(), idle);
        m_session->watch(m_auth.get());
        m_entry = std::make_unique<AdminEntry>(m_auth.get(), m_session.get(), &m_cards);
    }

    void typePin(const QString& pin)
    {
        for (QChar c : pin)
            m_entry->pressDigit(c.digitValue());
    }

    void openPad()
    {
        for (int i = 0; i < AdminEntry::kTapsToOpen; ++i)
            m_entry->cornerTapped();
        QCOMPARE(m_entry->stage(), QStringLiteral("pin"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto record = PinHasher::makeRecord(kPin, testParams());
        QVERIFY(record.ok());
        QVERIFY(PinStore(m_dir.filePath(QStringLiteral("admin-pin"))).save(record.value()).isEmpty());
    }

    void init()
    {
        QFile::remove(LockoutState::pathIn(m_dir.path()));
        build();
    }

    void fourTapsOrSlowTapsDoNotOpen()
    {
        for (int i = 0; i < AdminEntry::kTapsToOpen - 1; ++i)
            m_entry->cornerTapped();
        QCOMPARE(m_entry->stage(), QStringLiteral("closed"));
        // Taps more than three seconds apart never add up.
        for (int i = 0; i < 2; ++i) {
            QTest::qWait(int(AdminEntry::kTapWindowMs) + 100);
            m_entry->cornerTapped();
        }
        QCOMPARE(m_entry->stage(), QStringLiteral("closed"));
        m_entry->cornerTapped();
        m_entry->cornerTapped();
        m_entry->cornerTapped();
        m_entry->cornerTapped(); // the fifth within the window
        QCOMPARE(m_entry->stage(), QStringLiteral("pin"));
    }

    void padIsAShuffledPermutation()
    {
        QSet<QString> orders;
        for (int round = 0; round < 8; ++round) {
            openPad();
            QList<int> digits = m_entry->digitOrder();
            QCOMPARE(m_entry->pinDigits().size(), 10);
            orders.insert(QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digits.constData()),
                                                         int(digits.size() * sizeof(int)))
                                                  .toHex()));
            std::sort(digits.begin(), digits.end());
            QCOMPARE(digits, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
            m_entry->cancel();
            QCOMPARE(m_entry->stage(), QStringLiteral("closed"));
        }
        // Eight draws from 10! orders are all the same with probability ~ 0.
        QVERIFY(orders.size() > 1);
    }

    void rightPinOpensAndLogoutCloses()
    {
        openPad();
        typePin(kPin);
        QCOMPARE(m_entry->pinLength(), 6);
        m_entry->submitPin();
        // The scrypt runs on a pool thread: the call has returned, the stage is still "pin".
        QCOMPARE(m_entry->stage(), QStringLiteral("pin"));
        QVERIFY(m_entry->pinBusy());
        QCOMPARE(m_entry->pinLength(), 0); // the typed PIN is gone at once
        QTRY_COMPARE_WITH_TIMEOUT(m_entry->stage(), QStringLiteral("open"), 10000);
        QVERIFY(m_session->isOpen());
        m_entry->logout();
        QCOMPARE(m_entry->stage(), QStringLiteral("closed"));
        QVERIFY(!m_session->isOpen());
    }

    void wrongPinSaysHowManyAttemptsAndReshuffles()
    {
        openPad();
        const QList<int> before = m_entry->digitOrder();
        QSignalSpy reshuffled(m_entry.get(), &AdminEntry::digitsChanged);
        typePin(QStringLiteral("111222"));
        m_entry->submitPin();
        QTRY_VERIFY_WITH_TIMEOUT(!m_entry->pinBusy(), 10000);
        QCOMPARE(m_entry->stage(), QStringLiteral("pin"));
        QVERIFY2(m_entry->pinMessage().contains(QLatin1String("4")), qPrintable(m_entry->pinMessage()));
        QCOMPARE(reshuffled.count(), 1);
        Q_UNUSED(before);
        QVERIFY(!m_session->isOpen());
    }

    void digitsBeyondTwelveAndOutsideThePadAreIgnored()
    {
        openPad();
        typePin(QStringLiteral("12345678901234"));
        QCOMPARE(m_entry->pinLength(), AdminEntry::kMaxPinLength);
        m_entry->pressDigit(10);
        m_entry->pressDigit(-1);
        QCOMPARE(m_entry->pinLength(), AdminEntry::kMaxPinLength);
        m_entry->erase();
        QCOMPARE(m_entry->pinLength(), AdminEntry::kMaxPinLength - 1);
        m_entry->cancel();
        QCOMPARE(m_entry->pinLength(), 0);
    }

    void idleAdminSessionLocksAndClosesTheEntry()
    {
        build(std::chrono::milliseconds(400));
        openPad();
        typePin(kPin);
        m_entry->submitPin();
        QTRY_COMPARE_WITH_TIMEOUT(m_entry->stage(), QStringLiteral("open"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_entry->stage(), QStringLiteral("closed"), 5000);
        QVERIFY(!m_session->isOpen());
    }

    void unprovisionedKioskSaysHowToProvision()
    {
        m_entry.reset();
        m_session.reset();
        m_auth = std::make_unique<AdminAuthenticator>(PinStore(m_dir.filePath(QStringLiteral("missing-pin"))),
                                                      LockoutState(LockoutState::pathIn(m_dir.path())));
        m_session = std::make_unique<AdminSession>(m_dir.path(), std::chrono::seconds(120));
        m_session->watch(m_auth.get());
        m_entry = std::make_unique<AdminEntry>(m_auth.get(), m_session.get(), &m_cards);
        openPad();
        QVERIFY(m_entry->pinMessage().contains(QLatin1String("admin set-pin")));
        typePin(QStringLiteral("000000"));
        m_entry->submitPin();
        QTRY_VERIFY_WITH_TIMEOUT(!m_entry->pinBusy(), 10000);
        QCOMPARE(m_entry->stage(), QStringLiteral("pin"));
        QVERIFY(!m_session->isOpen());
    }

    void aTechniciansCardOpensThePadButNeedsThePin()
    {
        const auto record = PinStore(m_dir.filePath(QStringLiteral("admin-pin"))).load();
        QVERIFY(record.ok());
        const QString technician = QStringLiteral("11010519491231002X");
        m_cards = TechnicianCards(record.value().salt,
                                  {TechnicianCards::entryFor(record.value().salt, technician)});
        build();
        QVERIFY(!m_entry->offerCard(QStringLiteral("110105195803120029"))); // a resident
        QCOMPARE(m_entry->stage(), QStringLiteral("closed"));
        QVERIFY(m_entry->offerCard(technician));
        QCOMPARE(m_entry->stage(), QStringLiteral("pin"));
        QVERIFY(!m_session->isOpen()); // the card alone opens nothing
        typePin(kPin);
        m_entry->submitPin();
        QTRY_COMPARE_WITH_TIMEOUT(m_entry->stage(), QStringLiteral("open"), 10000);
        m_entry->logout();
        m_cards = TechnicianCards();
    }

    void aCardThatIsNoTechniciansIsLeftToTheResident()
    {
        QVERIFY(!m_entry->offerCard(QStringLiteral("110105195803120029")));
        QCOMPARE(m_entry->stage(), QStringLiteral("closed"));
    }
};

QTEST_GUILESS_MAIN(TestAdminUiEntry)
#include "tst_adminui_entry.moc"
