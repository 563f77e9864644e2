// ReaderProfile lives in drivers/reader; its tests sit here with the PC/SC backend, the first
// user of the profiles (tests/unit/drivers/reader belongs to the reader manager's tests).
#include "drivers/reader/ReaderProfile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

namespace {

QByteArray hex(const char* spaced)
{
    return QByteArray::fromHex(QByteArray(spaced));
}

// A valid PC/SC profile as JSON text; tests break one piece of it at a time.
QByteArray minimalProfile(const QByteArray& extraTopLevel = {}, const QByteArray& pcsc = {})
{
    const QByteArray map =
        pcsc.isEmpty() ? QByteArray(R"({"chip_serial": {"command": "00 36 00 00 08"}})") : pcsc;
    return R"({"name": "test-profile", "backend": "pcsc", "pcsc": )" + map + extraTopLevel + "}";
}

} // namespace

class TestReaderProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinsLoadWithoutErrors()
    {
        const ProfileSet set = builtinReaderProfiles();
        for (const ProfileError& e : set.errors)
            qWarning() << e.toString();
        QVERIFY(set.errors.isEmpty());
        QStringList names;
        for (const ReaderProfile& p : set.profiles)
            names.append(p.name);
        names.sort();
        QCOMPARE(names, (QStringList{"chip-serial-only", "field-convention", "generic-sam"}));
    }

    void genericSamIsExactlyTheDesign()
    {
        const ProfileSet set = builtinReaderProfiles();
        const ReaderProfile* p = findProfile(set.profiles, QStringLiteral("generic-sam"));
        QVERIFY(p);
        QCOMPARE(p->backend, QStringLiteral("pcsc"));
        QVERIFY(!p->hasMatchRules()); // a fallback, never matched by rules
        QVERIFY(p->apdu.text);
        QCOMPARE(*p->apdu.text, (ApduStep{hex("FFB0000000"), 0, 256}));
        QCOMPARE(p->apdu.photo.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QByteArray cmd = hex("FFB0000000");
            cmd[2] = char(i + 1);
            QCOMPARE(p->apdu.photo[i], (ApduStep{cmd, 0, 256}));
        }
        QVERIFY(p->apdu.appendedAddress);
        QCOMPARE(*p->apdu.appendedAddress, (ApduStep{hex("FFB0060000"), 0, 70}));
        QVERIFY(!p->apdu.chipSerial);
        const StatusWordMap& sw = p->apdu.statusWords;
        QCOMPARE(sw.meaning(0x9000), StatusWordMap::Meaning::Ok);
        QCOMPARE(sw.meaning(0x6A82), StatusWordMap::Meaning::ItemAbsent);
        QCOMPARE(sw.meaning(0x6F00), StatusWordMap::Meaning::ReadFailed);
        QCOMPARE(sw.meaning(0x6985), StatusWordMap::Meaning::SamNotReady);
        QCOMPARE(sw.meaning(0x6D00), StatusWordMap::Meaning::Unknown);
        QCOMPARE(p->capabilities(), (QStringList{"identity", "photo"}));
    }

    void fieldConventionOffsets()
    {
        const ProfileSet set = builtinReaderProfiles();
        const ReaderProfile* p = findProfile(set.profiles, QStringLiteral("field-convention"));
        QVERIFY(p);
        QCOMPARE(p->apdu.text->offset, 4);
        QList<int> lengths;
        QList<int> offsets;
        for (const ApduStep& s : p->apdu.photo) {
            lengths.append(s.length);
            offsets.append(s.offset);
        }
        QCOMPARE(lengths, (QList<int>{252, 256, 256, 256, 4}));
        QCOMPARE(offsets, (QList<int>{4, 0, 0, 0, 0}));
        QCOMPARE(p->apdu.photo.last().command, hex("FFB0050000"));
    }

    void chipSerialOnly()
    {
        const ProfileSet set = builtinReaderProfiles();
        const ReaderProfile* p = findProfile(set.profiles, QStringLiteral("chip-serial-only"));
        QVERIFY(p);
        QVERIFY(!p->apdu.readsIdentity());
        QCOMPARE(*p->apdu.chipSerial, (ApduStep{hex("0036000008"), 0, 8}));
        QCOMPARE(p->capabilities(), QStringList{"chip_serial"});
    }

    void fullProfileParses()
    {
        const QByteArray json = R"({
          "name": "acme-id100", "description": "ACME", "backend": "pcsc",
          "comment": "a site profile",
          "match": {"usb": ["0400:c35a"], "reader_name": "^ACME ID-100 ",
                    "atr": ["3B 80 80 01 01", {"value": "3B8E0000", "mask": "FFFF0000"}]},
          "pcsc": {
            "text": {"command": "FFB0000000", "offset": 2},
            "photo": [{"command": "FF:B0:01:00:00", "length": 1000}, {"command": "FFB0020000", "offset": 1, "length": 24}],
            "appended_address": {"command": "FFB0060000"},
            "chip_serial": {"command": "0036000008"},
            "status_words": {"ok": ["9000", "6100"], "item_absent": ["6A82"], "read_failed": ["6F00", "6400"]}
          },
          "settings": {"apdu_budget_ms": 1500, "vendor": "x"}
        })";
        auto parsed = parseReaderProfile(json);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
        const ReaderProfile& p = parsed.value();
        QCOMPARE(p.name, QStringLiteral("acme-id100"));
        QCOMPARE(p.usbIds, (QList<UsbId>{{0x0400, 0xC35A}}));
        QCOMPARE(p.atrs.size(), 2);
        QCOMPARE(p.apdu.text->offset, 2);
        QCOMPARE(p.apdu.text->length, 256);
        QCOMPARE(p.apdu.photo[1], (ApduStep{hex("FFB0020000"), 1, 24}));
        QCOMPARE(p.apdu.appendedAddress->length, 70);
        QCOMPARE(p.apdu.statusWords.meaning(0x6100), StatusWordMap::Meaning::Ok);
        QCOMPARE(p.apdu.statusWords.meaning(0x6400), StatusWordMap::Meaning::ReadFailed);
        QCOMPARE(p.apdu.statusWords.meaning(0x6985), StatusWordMap::Meaning::Unknown);
        QCOMPARE(p.intSetting(QStringLiteral("apdu_budget_ms"), 0), 1500);
        QCOMPARE(p.intSetting(QStringLiteral("missing"), 7), 7);
        QCOMPARE(p.capabilities(), (QStringList{"identity", "photo", "chip_serial"}));
    }

    void matching()
    {
        auto parsed = parseReaderProfile(R"({"name": "m", "backend": "pcsc",
            "match": {"usb": ["0400:C35A"], "reader_name": "^ACME ID-100 ",
                      "atr": ["3B 80 80 01 01", {"value": "3B 8E 00 90 00", "mask": "FF FF 00 FF FF"}]},
            "pcsc": {"chip_serial": {"command": "0036000008"}}})");
        QVERIFY(parsed);
        const ReaderProfile p = parsed.value();
        QVERIFY(p.matches({"pcsc", "ACME ID-100 00 00", {}, std::nullopt}));
        QVERIFY(!p.matches({"pcsc", "Other ACME ID-100 00 00", {}, std::nullopt}));
        QVERIFY(!p.matches({"nfc", "ACME ID-100 00 00", {}, std::nullopt})); // wrong backend
        QVERIFY(p.matches({"pcsc", {}, hex("3B80800101"), std::nullopt}));
        QVERIFY(!p.matches({"pcsc", {}, hex("3B80800102"), std::nullopt}));
        QVERIFY(p.matches({"pcsc", {}, hex("3B8E479000"), std::nullopt}));    // masked byte differs
        QVERIFY(!p.matches({"pcsc", {}, hex("3B8E479001"), std::nullopt}));   // unmasked byte differs
        QVERIFY(!p.matches({"pcsc", {}, hex("3B8E47900000"), std::nullopt})); // longer ATR
        QVERIFY(p.matches({"pcsc", {}, {}, UsbId{0x0400, 0xC35A}}));
        QVERIFY(!p.matches({"pcsc", {}, {}, UsbId{0x0400, 0xC35B}}));

        const ProfileSet set = builtinReaderProfiles();
        QList<ReaderProfile> all = set.profiles;
        QVERIFY(!matchProfile(all, {"pcsc", "ACME ID-100 00 00", {}, std::nullopt})); // fallbacks never match
        all.append(p);
        const ReaderProfile* found = matchProfile(all, {"pcsc", "ACME ID-100 00 00", {}, std::nullopt});
        QVERIFY(found);
        QCOMPARE(found->name, QStringLiteral("m"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("{\"name\": ") << "not JSON at byte";
        QTest::newRow("array") << QByteArray("[]") << "expected a JSON object";
        QTest::newRow("no name") << QByteArray(R"({"backend": "pcsc"})") << "name: expected a string";
        QTest::newRow("bad name") << QByteArray(R"({"name": "Generic SAM", "backend": "pcsc"})")
                                  << "name: expected lower-case";
        QTest::newRow("backend") << QByteArray(R"({"name": "x", "backend": "usb"})")
                                 << "backend: expected one of: pcsc, serial, nfc";
        QTest::newRow("typo key") << minimalProfile(R"(, "setings": {})") << "setings: unknown key";
        QTest::newRow("no map") << QByteArray(R"({"name": "x", "backend": "pcsc"})") << "pcsc: missing";
        QTest::newRow("map on serial") << QByteArray(R"({"name": "x", "backend": "serial", "pcsc": {}})")
                                       << "pcsc: only for backend \"pcsc\"";
        QTest::newRow("reads nothing") << minimalProfile({}, "{}") << "needs \"text\" or \"chip_serial\"";
        QTest::newRow("map key typo")
            << minimalProfile({}, R"({"txt": {"command": "FFB0000000"}})") << "pcsc.txt: unknown key";
        QTest::newRow("photo sum") << minimalProfile({}, R"({"text": {"command": "FFB0000000"},
            "photo": [{"command": "FFB0010000", "length": 1000}]})")
                                   << "pcsc.photo: the chunks give 1000 bytes; the photo is 1024";
        QTest::newRow("photo no text") << minimalProfile({}, R"({"chip_serial": {"command": "0036000008"},
            "photo": [{"command": "FFB0010000", "length": 1024}]})")
                                       << "pcsc.photo: a photo needs a text command too";
        QTest::newRow("not hex") << minimalProfile({}, R"({"text": {"command": "FF B0 0G 00 00"}})")
                                 << "pcsc.text.command: expected hex bytes";
        QTest::newRow("odd hex") << minimalProfile({}, R"({"text": {"command": "FFB000000"}})")
                                 << "pcsc.text.command: expected hex bytes";
        QTest::newRow("short cmd") << minimalProfile({}, R"({"text": {"command": "FFB0"}})")
                                   << "pcsc.text.command: expected 4 to 261 bytes, got 2";
        QTest::newRow("no command") << minimalProfile({}, R"({"text": {"offset": 0}})")
                                    << "pcsc.text.command: missing";
        QTest::newRow("text length") << minimalProfile(
                                            {}, R"({"text": {"command": "FFB0000000", "length": 255}})")
                                     << "pcsc.text.length: the text block is 256 bytes";
        QTest::newRow("negative offset")
            << minimalProfile({}, R"({"text": {"command": "FFB0000000", "offset": -1}})")
            << "pcsc.text.offset: expected an integer from 0";
        QTest::newRow("fraction") << minimalProfile({},
                                                    R"({"text": {"command": "FFB0000000", "offset": 1.5}})")
                                  << "pcsc.text.offset: expected an integer";
        QTest::newRow("chunk no length") << minimalProfile({}, R"({"text": {"command": "FFB0000000"},
            "photo": [{"command": "FFB0010000"}]})")
                                         << "pcsc.photo[0].length: missing";
        QTest::newRow("sw size") << minimalProfile({}, R"({"chip_serial": {"command": "0036000008"},
            "status_words": {"ok": ["900000"]}})")
                                 << "pcsc.status_words.ok[0]: expected 2 to 2 bytes, got 3";
        QTest::newRow("sw twice") << minimalProfile({}, R"({"chip_serial": {"command": "0036000008"},
            "status_words": {"item_absent": ["6A82"], "read_failed": ["6A82"]}})")
                                  << "status word 6a82 has two meanings";
        QTest::newRow("sw none ok") << minimalProfile({}, R"({"chip_serial": {"command": "0036000008"},
            "status_words": {"ok": []}})")
                                    << "pcsc.status_words.ok: at least one";
        QTest::newRow("regex")
            << minimalProfile(
                   ", \"match\": {\"reader_name\": \"ACME (\"}") // not raw: moc trips on "(" in one
            << "match.reader_name: not a valid regular expression";
        QTest::newRow("usb") << minimalProfile(R"(, "match": {"usb": ["400:c35a"]})")
                             << "match.usb[0]: expected a USB id";
        QTest::newRow("atr mask") << minimalProfile(
                                         R"(, "match": {"atr": [{"value": "3B80", "mask": "FFFFFF"}]})")
                                  << "match.atr[0].mask: must be as long as the value";
        QTest::newRow("settings") << minimalProfile(R"(, "settings": [])") << "settings: expected an object";
        QTest::newRow("budget") << minimalProfile(R"(, "settings": {"apdu_budget_ms": 0})")
                                << "settings.apdu_budget_ms: expected an integer from 1";
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        auto parsed = parseReaderProfile(json, QStringLiteral("bad.json"));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().source, QStringLiteral("bad.json"));
        QVERIFY2(parsed.error().message.contains(error), qPrintable(parsed.error().message));
    }

    void minimalIsValid()
    {
        // The base the malformed cases break must itself be fine.
        QVERIFY(parseReaderProfile(minimalProfile()));
    }

    void garbageNeverCrashes()
    {
        // Truncations and byte flips of a real profile: each gives a value, never a crash.
        QFile f(QStringLiteral(":/onewindow/readers/generic-sam.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        int refused = 0;
        for (int i = 0; i < good.size(); i += 3) {
            if (!parseReaderProfile(good.left(i)))
                ++refused;
            QByteArray flipped = good;
            flipped[i] = char(flipped[i] ^ 0x21);
            (void)parseReaderProfile(flipped);
        }
        QVERIFY(refused > 0);
    }

    void directoryLoading()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&](const QString& name, const QByteArray& text) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write("a-good.json", R"({"name": "generic-sam", "backend": "pcsc", "description": "site override",
                                 "pcsc": {"chip_serial": {"command": "0036000008"}}})");
        write("b-bad.json", R"({"name": "broken", "backend": "pcsc"})");
        write(
            "c-dup.json",
            R"({"name": "generic-sam", "backend": "pcsc", "pcsc": {"chip_serial": {"command": "0036000008"}}})");
        write("ignored.txt", "not a profile");
        const ProfileSet set = loadReaderProfiles(dir.path());
        QCOMPARE(set.profiles.size(), 1);
        QCOMPARE(set.errors.size(), 2);
        QCOMPARE(set.errors[0].source, QStringLiteral("b-bad.json"));
        QVERIFY(set.errors[1].message.contains(QStringLiteral("defined twice")));

        const QList<ReaderProfile> merged = mergeProfiles(builtinReaderProfiles().profiles, set.profiles);
        QCOMPARE(merged.size(), 3);
        QCOMPARE(findProfile(merged, QStringLiteral("generic-sam"))->description,
                 QStringLiteral("site override"));

        const ProfileSet missing = loadReaderProfiles(dir.filePath("nope"));
        QVERIFY(missing.profiles.isEmpty());
        QCOMPARE(missing.errors.size(), 1);
        QVERIFY(missing.errors[0].message.contains(QStringLiteral("no such directory")));
    }

    void hexString() { QCOMPARE(toHexString(hex("FFB0000000")), QStringLiteral("FF B0 00 00 00")); }
};

QTEST_GUILESS_MAIN(TestReaderProfile)
#include "tst_readerprofile.moc"
