#pragma once

#include "drivers/idcard/Identity.h"
#include "drivers/reader/ReaderProfile.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

// The real parts of a PC/SC integration test: a private pcscd (in its own mount namespace, so
// its fixed /run/pcscd socket is a temporary directory and a system pcscd is never touched)
// with vpcd reader slots, and virtual cards (tests/emulators/vpcd_card.py) in those slots.
namespace pcsctest {

// Why these tests cannot run here, or an empty string when they can.
QString skipReason();

// A free block of `count` consecutive TCP ports below the ephemeral range (a port in that
// range with no listener can "connect" to itself, which a virtual card would take for vpcd).
int freePortBlock(int count);

class VirtualCard
{
public:
    VirtualCard() = default;
    ~VirtualCard();
    VirtualCard(const VirtualCard&) = delete;
    VirtualCard& operator=(const VirtualCard&) = delete;

    // Starts the emulator off the reader (--start-removed); true once it said "ready".
    bool start(int port, const QStringList& args);
    // One control line (see vpcd_card.py); waits for its "ok"/"error" answer.
    bool command(const QString& line);
    bool insert() { return command(QStringLiteral("insert")); }
    bool remove() { return command(QStringLiteral("remove")); }
    // APDUs the card has answered since it started; -1 on error.
    int apduCount();
    // Waits for an event line ("connected", "pulled", …) printed after the last call.
    bool waitFor(const QString& event, int timeoutMs = 5000);
    void stop();
    QString output() const { return m_all; }

private:
    bool readLine(QString& line, int timeoutMs);
    QProcess m_process;
    QStringList m_pending;
    QString m_partial;
    QString m_all;
    QString m_lastAnswer;
};

class PrivatePcscd
{
public:
    struct Slot
    {
        QString friendlyName; // readers "<name> 00 00" (port) and "<name> 00 01" (port + 1)
        int port = 0;
    };

    // Points this process's libpcsclite at the private socket (PCSCLITE_CSOCK_NAME): must
    // run before the first PC/SC call of the process.
    PrivatePcscd();
    ~PrivatePcscd();

    // One slot entry per pcscd in practice: vpcd 0.8 shares its slot table between entries, so
    // with two entries cards appear in the wrong readers.
    bool start(const QList<Slot>& slotList, QString* error);
    void kill(); // SIGKILL, as a crash would
    bool restart(QString* error);
    void stop();
    QString log() const;

private:
    bool launch(QString* error);
    QTemporaryDir m_dir;
    QString m_runDir;
    QString m_conf;
    std::unique_ptr<QProcess> m_process;
    QString m_log;
};

// The test's profiles: the built-in ones plus copies bound to the test readers by name or ATR:
// "test-sam" (generic-sam + chip serial) for "OW SAM …", "test-contactless" (chip-serial-only)
// for "OW Mixed 00 00", "test-field" (field-convention) for cards with fieldAtr().
QList<onewindow::ReaderProfile> testProfiles();
// The ATR of the "field convention" virtual card, matched by the "test-field" profile.
QString fieldAtr();

// The identity a fixture text block decodes to, with the emulator's synthetic photo.
onewindow::Identity fixtureIdentity(const QString& fixture);
QString fixturePath(const QString& fixture);
QString emulatorPath();
QByteArray syntheticPhoto();

// Compares every field the card carries; returns "" or a description of the first difference.
QString compareIdentity(const onewindow::Identity& actual, const onewindow::Identity& expected);

} // namespace pcsctest
