// Runs the real onewindow-tool binary (DESIGN.md §9) and checks its contract: JSON shapes,
// masking, the reveal policy and the exit status. The text blocks are built here, field by
// field at the GA/T 490 offsets (reference/idcard.md §2.2–2.7), independently of the
// drivers/idcard encoder. Every person is synthetic (测试/样例, 99x sequence numbers).
#include <QByteArray>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#ifndef ONEWINDOW_TOOL_PATH
#error "ONEWINDOW_TOOL_PATH must name the onewindow-tool binary"
#endif

namespace {

// ---------------------------------------------------------------------------------------------
// Synthetic text blocks (the same people as tests/fixtures/idcard/generate.py)

QChar checkCharacter(const QString& first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += first17.at(i).digitValue() * weights[i];
    return QLatin1String("10X98765432").at(sum % 11);
}

QString id18(const QString& first17)
{
    return first17 + checkCharacter(first17);
}

struct Field
{
    int offset;
    int size;
    QString value;
};

// 256 bytes of U+0020 (UTF-16LE), then each field written at its offset.
QByteArray buildBlock(const QList<Field>& fields)
{
    QByteArray block;
    for (int i = 0; i < 128; ++i)
        block.append(' ').append('\0');
    for (const Field& f : fields) {
        if (f.value.size() * 2 > f.size || f.offset + f.size > block.size())
            qFatal("test field does not fit its slot");
        for (qsizetype i = 0; i < f.value.size(); ++i) {
            const char16_t u = f.value.at(i).unicode();
            block[f.offset + 2 * i] = char(u & 0xFF);
            block[f.offset + 2 * i + 1] = char(u >> 8);
        }
    }
    return block;
}

void setField(QList<Field>& fields, int offset, const QString& value)
{
    for (Field& f : fields) {
        if (f.offset == offset) {
            f.value = value;
            return;
        }
    }
    qFatal("no such test field");
}

struct Person
{
    QString documentType; // expected "document_type"
    QString fixture;      // file in tests/fixtures/idcard/
    QString name;         // Chinese name ("" when none)
    QString englishName;
    QString idNumber;
    QString permitNumber;
    QString address;
    QString birthDate; // expected ISO date
    QString sexCode;
    QString sex;
    QDate validUntil;
    QJsonObject expected; // further revealed values to compare
    QStringList nullKeys; // contract keys the document does not carry
    QList<Field> fields;
};

Person resident()
{
    Person p;
    p.documentType = QStringLiteral("resident");
    p.fixture = QStringLiteral("resident.hex");
    p.name = QStringLiteral("测试·样例");
    p.idNumber = id18(QStringLiteral("11010519900307998"));
    p.address = QStringLiteral("北京市朝阳区测试路1号样例小区2号楼401室");
    p.birthDate = QStringLiteral("1990-03-07");
    p.sexCode = QStringLiteral("2");
    p.sex = QStringLiteral("female");
    p.validUntil = QDate(2040, 3, 7);
    p.expected = {{QStringLiteral("ethnicity_code"), QStringLiteral("01")},
                  {QStringLiteral("issuer"), QStringLiteral("北京市公安局朝阳分局")},
                  {QStringLiteral("valid_from"), QStringLiteral("2020-03-07")},
                  {QStringLiteral("valid_until"), QStringLiteral("2040-03-07")}};
    p.nullKeys = {QStringLiteral("english_name"), QStringLiteral("nationality"),
                  QStringLiteral("permit_number"), QStringLiteral("issue_count")};
    p.fields = {{0, 30, p.name},
                {30, 2, p.sexCode},
                {32, 4, QStringLiteral("01")},
                {36, 16, QStringLiteral("19900307")},
                {52, 70, p.address},
                {122, 36, p.idNumber},
                {158, 30, QStringLiteral("北京市公安局朝阳分局")},
                {188, 16, QStringLiteral("20200307")},
                {204, 16, QStringLiteral("20400307")}};
    return p;
}

Person hmtPermit()
{
    Person p;
    p.documentType = QStringLiteral("hmt_permit");
    p.fixture = QStringLiteral("hmt_permit.hex");
    p.name = QStringLiteral("测试·港澳");
    p.idNumber = id18(QStringLiteral("81000019950815997"));
    p.permitNumber = QStringLiteral("H99000001");
    p.address = QStringLiteral("广东省深圳市福田区测试大道100号");
    p.birthDate = QStringLiteral("1995-08-15");
    p.sexCode = QStringLiteral("1");
    p.sex = QStringLiteral("male");
    p.validUntil = QDate(2029, 6, 1);
    p.expected = {{QStringLiteral("issuer"), QStringLiteral("深圳市公安局")},
                  {QStringLiteral("issue_count"), QStringLiteral("01")},
                  {QStringLiteral("valid_from"), QStringLiteral("2024-06-01")}};
    p.nullKeys = {QStringLiteral("english_name"), QStringLiteral("ethnicity_code"),
                  QStringLiteral("ethnicity"), QStringLiteral("nationality")};
    p.fields = {{0, 30, p.name},
                {30, 2, p.sexCode},
                {36, 16, QStringLiteral("19950815")},
                {52, 70, p.address},
                {122, 36, p.idNumber},
                {158, 30, QStringLiteral("深圳市公安局")},
                {188, 16, QStringLiteral("20240601")},
                {204, 16, QStringLiteral("20290601")},
                {220, 18, p.permitNumber},
                {238, 4, QStringLiteral("01")},
                {248, 2, QStringLiteral("J")}};
    return p;
}

Person foreign2017()
{
    Person p;
    p.documentType = QStringLiteral("foreign_2017");
    p.fixture = QStringLiteral("foreign_2017.hex");
    p.name = QStringLiteral("测试样例");
    p.englishName = QStringLiteral("TEST SAMPLE ALPHA");
    p.idNumber = QStringLiteral("USA110079072101");
    p.birthDate = QStringLiteral("1979-07-21");
    p.sexCode = QStringLiteral("1");
    p.sex = QStringLiteral("male");
    p.validUntil = QDate(2027, 7, 21);
    p.expected = {{QStringLiteral("nationality"), QStringLiteral("USA")},
                  {QStringLiteral("valid_from"), QStringLiteral("2017-07-21")}};
    p.nullKeys = {QStringLiteral("ethnicity_code"), QStringLiteral("ethnicity"),
                  QStringLiteral("address"),        QStringLiteral("issuer"),
                  QStringLiteral("permit_number"),  QStringLiteral("issue_count")};
    p.fields = {{0, 120, p.englishName},
                {120, 2, p.sexCode},
                {122, 30, p.idNumber},
                {152, 6, QStringLiteral("USA")},
                {158, 30, p.name},
                {188, 16, QStringLiteral("20170721")},
                {204, 16, QStringLiteral("20270721")},
                {220, 16, QStringLiteral("19790721")},
                {236, 4, QStringLiteral("01")},
                {240, 8, QStringLiteral("1100")},
                {248, 2, QStringLiteral("I")}};
    return p;
}

Person foreign2023()
{
    Person p;
    p.documentType = QStringLiteral("foreign_2023");
    p.fixture = QStringLiteral("foreign_2023.hex");
    p.name = QStringLiteral("测试样例");
    p.englishName = QStringLiteral("TEST SAMPLE BETA");
    p.idNumber = id18(QStringLiteral("91184019850615998"));
    p.birthDate = QStringLiteral("1985-06-15");
    p.sexCode = QStringLiteral("2");
    p.sex = QStringLiteral("female");
    p.validUntil = QDate(2033, 12, 1);
    p.expected = {{QStringLiteral("nationality"), QStringLiteral("840")},
                  {QStringLiteral("issue_count"), QStringLiteral("00")},
                  {QStringLiteral("valid_from"), QStringLiteral("2023-12-01")}};
    p.nullKeys = {QStringLiteral("ethnicity_code"), QStringLiteral("ethnicity"), QStringLiteral("address"),
                  QStringLiteral("issuer"), QStringLiteral("permit_number")};
    p.fields = {{0, 30, p.name},
                {30, 2, p.sexCode},
                {32, 4, QStringLiteral("00")},
                {36, 16, QStringLiteral("19850615")},
                {52, 70, p.englishName},
                {122, 36, p.idNumber},
                {188, 16, QStringLiteral("20231201")},
                {204, 16, QStringLiteral("20331201")},
                {242, 6, QStringLiteral("840")},
                {248, 2, QStringLiteral("Y")}};
    return p;
}

Person personOfType(const QString& type)
{
    if (type == QLatin1String("hmt_permit"))
        return hmtPermit();
    if (type == QLatin1String("foreign_2017"))
        return foreign2017();
    if (type == QLatin1String("foreign_2023"))
        return foreign2023();
    return resident();
}

const QStringList kDocumentTypes = {QStringLiteral("resident"), QStringLiteral("hmt_permit"),
                                    QStringLiteral("foreign_2017"), QStringLiteral("foreign_2023")};

// A captured GA/T 467 read response (30 01): preamble, big-endian length, SW1 SW2 SW3,
// TextLen PhotoLen, text, photo, XOR of everything after the preamble.
QByteArray samReadFrame(const QByteArray& text, quint8 sw3 = 0x90, bool corruptChecksum = false)
{
    QByteArray body = QByteArray::fromHex("0000");
    body.append(char(sw3));
    if (sw3 == 0x90) {
        body.append(QByteArray::fromHex("01000400"));
        body.append(text);
        body.append(QByteArray(1024, '\x5A')); // stands in for the WLT photo
    }
    const int length = int(body.size()) + 1;
    QByteArray frame = QByteArray::fromHex("AAAAAA9669");
    frame.append(char(length >> 8)).append(char(length & 0xFF)).append(body);
    quint8 x = 0;
    for (qsizetype i = 5; i < frame.size(); ++i)
        x ^= quint8(frame.at(i));
    frame.append(char(corruptChecksum ? quint8(x ^ 0xFF) : x));
    return frame;
}

enum class HexStyle
{
    SpacedLines,
    PrefixedCommas,
    Colons,
    DashesCrlf,
    CompactLower,
    Utf8Bom
};

QByteArray toHexText(const QByteArray& bytes, HexStyle style)
{
    QByteArray out;
    if (style == HexStyle::Utf8Bom) { // as an editor on Windows saves it
        out = "\xEF\xBB\xBF";
        style = HexStyle::DashesCrlf;
    }
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const QByteArray h = QByteArray(1, bytes.at(i)).toHex();
        switch (style) {
        case HexStyle::SpacedLines:
            out += h.toUpper() + ((i % 16 == 15) ? "\n" : " ");
            break;
        case HexStyle::PrefixedCommas:
            out += "0x" + h.toUpper() + ((i % 8 == 7) ? ",\n" : ", ");
            break;
        case HexStyle::Colons:
            out += h + ((i % 32 == 31) ? "\n" : ":");
            break;
        case HexStyle::DashesCrlf:
            out += h.toUpper() + ((i % 16 == 15) ? "\r\n" : "-");
            break;
        case HexStyle::CompactLower:
        case HexStyle::Utf8Bom:
            out += h;
            break;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Running the tool

struct ToolRun
{
    int exitCode = -1; // -1: crashed, timed out or did not start
    QByteArray out;
    QByteArray err;
    QJsonObject json;
    bool jsonOk = false;

    QString text() const { return QString::fromUtf8(out); }
    QString field(const char* key) const { return json.value(QLatin1String(key)).toString(); }
    bool isNull(const char* key) const
    {
        return json.contains(QLatin1String(key)) && json.value(QLatin1String(key)).isNull();
    }
    QStringList list(const char* key) const
    {
        QStringList l;
        for (const QJsonValue& v : json.value(QLatin1String(key)).toArray())
            l.append(v.toString());
        return l;
    }
};

ToolRun runTool(const QStringList& args, const QByteArray& standardInput = {}, const QString& configEnv = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ONEWINDOW_CONFIG"));
    if (!configEnv.isEmpty())
        env.insert(QStringLiteral("ONEWINDOW_CONFIG"), configEnv);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ONEWINDOW_TOOL_PATH), args);
    ToolRun run;
    if (!process.waitForStarted(10000))
        return run;
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    run.jsonOk = error.error == QJsonParseError::NoError && doc.isObject();
    run.json = doc.object();
    return run;
}

const QStringList kValidateKeys = {QStringLiteral("valid"), QStringLiteral("number"),
                                   QStringLiteral("kind"),  QStringLiteral("birth_date"),
                                   QStringLiteral("sex"),   QStringLiteral("region_code"),
                                   QStringLiteral("error")};
const QStringList kValidateExtraKeys = {QStringLiteral("masked")};

const QStringList kIdentityKeys = {
    QStringLiteral("document_type"), QStringLiteral("name"),        QStringLiteral("english_name"),
    QStringLiteral("sex_code"),      QStringLiteral("sex"),         QStringLiteral("ethnicity_code"),
    QStringLiteral("ethnicity"),     QStringLiteral("birth_date"),  QStringLiteral("address"),
    QStringLiteral("id_number"),     QStringLiteral("issuer"),      QStringLiteral("valid_from"),
    QStringLiteral("valid_until"),   QStringLiteral("nationality"), QStringLiteral("permit_number"),
    QStringLiteral("issue_count"),   QStringLiteral("warnings")};
const QStringList kIdentityExtraKeys = {QStringLiteral("errors"),          QStringLiteral("appended_address"),
                                        QStringLiteral("card_version"),    QStringLiteral("authority_code"),
                                        QStringLiteral("previous_number"), QStringLiteral("masked")};

// Every contract key is present; any other key is one of the documented extras.
QString checkKeys(const QJsonObject& o, const QStringList& required, const QStringList& extras)
{
    for (const QString& key : required) {
        if (!o.contains(key))
            return QStringLiteral("missing key ") + key;
    }
    for (const QString& key : o.keys()) {
        if (!required.contains(key) && !extras.contains(key))
            return QStringLiteral("undocumented key ") + key;
    }
    return {};
}

// A masked value keeps the shape (length, first and last characters) and hides the middle.
bool looksMaskedIdNumber(const QString& masked, const QString& full)
{
    return masked.size() == full.size() && masked != full && masked.left(3) == full.left(3) &&
           masked.right(4) == full.right(4) && masked.contains(QLatin1Char('*'));
}

const char kResidentNumber[] = "11010519491231002X";

} // namespace

class TstToolCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_allowConfig;    // privacy/allow_reveal=true
    QString m_denyConfig;     // privacy/allow_reveal=false
    QString m_deployedConfig; // a config file without the key: reveal off by default

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            qFatal("cannot write a test file");
        return path;
    }

    ToolRun decode(const QByteArray& input, QStringList extra = {QStringLiteral("--json")})
    {
        static int counter = 0;
        const QString path = writeFile(QStringLiteral("input-%1.bin").arg(++counter), input);
        return runTool(QStringList{QStringLiteral("decode-text"), path} + extra);
    }

    QStringList revealArgs() const
    {
        return {QStringLiteral("--json"), QStringLiteral("--reveal"), QStringLiteral("--config"),
                m_allowConfig};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(QStringLiteral(ONEWINDOW_TOOL_PATH)).isExecutable(), ONEWINDOW_TOOL_PATH);
        m_allowConfig = writeFile(QStringLiteral("allow.conf"), "[privacy]\nallow_reveal=true\n");
        m_denyConfig = writeFile(QStringLiteral("deny.conf"), "[privacy]\nallow_reveal=false\n");
        m_deployedConfig = writeFile(QStringLiteral("deployed.conf"), "[kiosk]\ndemo=false\n");
    }

    // ---- validate-id ----------------------------------------------------------------------

    void validateId_documentedExample()
    {
        const ToolRun r = runTool(
            {QStringLiteral("validate-id"), QLatin1String(kResidentNumber), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.jsonOk, r.out.constData());
        QCOMPARE(checkKeys(r.json, kValidateKeys, kValidateExtraKeys), QString());
        QCOMPARE(r.json.value(QStringLiteral("valid")), QJsonValue(true));
        QCOMPARE(r.field("kind"), QStringLiteral("resident"));
        QCOMPARE(r.field("birth_date"), QStringLiteral("1949-12-31"));
        QCOMPARE(r.field("sex"), QStringLiteral("female"));
        QCOMPARE(r.field("region_code"), QStringLiteral("110105"));
        QVERIFY(r.isNull("error"));
        // The echoed number is masked by default, and the full number is nowhere in the output.
        QVERIFY2(looksMaskedIdNumber(r.field("number"), QLatin1String(kResidentNumber)),
                 qPrintable(r.field("number")));
        QVERIFY(!r.out.contains(kResidentNumber));
        QVERIFY(r.err.isEmpty());
    }

    void validateId_vectors_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("error"); // "" = null
        QTest::addColumn<QString>("kind");  // "" = null
        QTest::addColumn<QString>("sex");
        QTest::addColumn<QString>("birthDate");
        QTest::addColumn<QString>("region");

        QTest::newRow("male") << "440308199901101512" << 0 << ""
                              << "resident"
                              << "male"
                              << "1999-01-10"
                              << "440308";
        QTest::newRow("lowercase x") << "11010519491231002x" << 0 << ""
                                     << "resident"
                                     << "female"
                                     << "1949-12-31"
                                     << "110105";
        QTest::newRow("surrounding spaces") << " 11010519491231002X " << 0 << ""
                                            << "resident"
                                            << "female"
                                            << "1949-12-31"
                                            << "110105";
        QTest::newRow("legacy 15 digits") << "110105491231002" << 0 << ""
                                          << "legacy15"
                                          << "female"
                                          << "1949-12-31"
                                          << "110105";
        QTest::newRow("hmt permit") << id18(QStringLiteral("81000019950815997")) << 0 << ""
                                    << "hmt"
                                    << "male"
                                    << "1995-08-15"
                                    << "810000";
        QTest::newRow("foreigner 2023") << id18(QStringLiteral("91184019850615998")) << 0 << ""
                                        << "foreign_2023"
                                        << "female"
                                        << "1985-06-15"
                                        << "110000";
        QTest::newRow("bad checksum") << "110105194912310021" << 1 << "checksum"
                                      << "*"
                                      << "*"
                                      << "*"
                                      << "*";
        QTest::newRow("16 digits") << "1101051949123100" << 1 << "length"
                                   << ""
                                   << ""
                                   << ""
                                   << "";
        QTest::newRow("19 digits") << "1101051949123100201" << 1 << "length"
                                   << ""
                                   << ""
                                   << ""
                                   << "";
        QTest::newRow("letters") << "1101051949123100AB" << 1 << "format"
                                 << ""
                                 << ""
                                 << ""
                                 << "";
        QTest::newRow("1900-02-29") << id18(QStringLiteral("11010519000229001")) << 1 << "date"
                                    << "*"
                                    << "*"
                                    << ""
                                    << "*";
    }

    void validateId_vectors()
    {
        QFETCH(QString, number);
        QFETCH(int, exitCode);
        QFETCH(QString, error);
        QFETCH(QString, kind);
        QFETCH(QString, sex);
        QFETCH(QString, birthDate);
        QFETCH(QString, region);

        const ToolRun r = runTool({QStringLiteral("validate-id"), number, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.jsonOk, r.out.constData());
        QCOMPARE(checkKeys(r.json, kValidateKeys, kValidateExtraKeys), QString());
        QCOMPARE(r.json.value(QStringLiteral("valid")), QJsonValue(exitCode == 0));
        QVERIFY(r.json.value(QStringLiteral("number")).isString());
        QVERIFY(!r.out.contains(number.trimmed().toUpper().toUtf8()));

        auto expectField = [&](const char* key, const QString& expected) {
            if (expected == QLatin1String("*")) // may or may not be known for this error
                return true;
            if (expected.isEmpty())
                return r.isNull(key);
            return r.field(key) == expected;
        };
        QVERIFY2(expectField("error", error), r.out.constData());
        QVERIFY2(expectField("kind", kind), r.out.constData());
        QVERIFY2(expectField("sex", sex), r.out.constData());
        QVERIFY2(expectField("birth_date", birthDate), r.out.constData());
        QVERIFY2(expectField("region_code", region), r.out.constData());
    }

    void validateId_revealShowsNormalisedNumber()
    {
        const ToolRun r = runTool({QStringLiteral("validate-id"), QStringLiteral("11010519491231002x"),
                                   QStringLiteral("--json"), QStringLiteral("--reveal"),
                                   QStringLiteral("--config"), m_allowConfig});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.field("number"), QLatin1String(kResidentNumber));
    }

    void validateId_textOutput()
    {
        const ToolRun valid = runTool({QStringLiteral("validate-id"), QLatin1String(kResidentNumber)});
        QCOMPARE(valid.exitCode, 0);
        QVERIFY(!valid.jsonOk);
        QVERIFY(valid.text().contains(QStringLiteral("Valid:")));
        QVERIFY(valid.text().contains(QStringLiteral("1949-12-31")));
        QVERIFY(valid.text().contains(QStringLiteral("female")));
        QVERIFY(!valid.out.contains(kResidentNumber));

        const ToolRun invalid =
            runTool({QStringLiteral("validate-id"), QStringLiteral("110105194912310021")});
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY(invalid.text().contains(QStringLiteral("checksum")));
        QVERIFY(!invalid.out.contains("110105194912310021"));
    }

    void validateId_worksWithRestrictiveConfig()
    {
        // Without --reveal a config that forbids revealing changes nothing.
        const ToolRun r = runTool({QStringLiteral("--config"), m_denyConfig, QStringLiteral("validate-id"),
                                   QLatin1String(kResidentNumber), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.field("sex"), QStringLiteral("female"));
    }

    // ---- decode-text: the four document types ------------------------------------------------

    void decode_maskedByDefault_data()
    {
        QTest::addColumn<QString>("type");
        for (const QString& t : kDocumentTypes)
            QTest::newRow(qPrintable(t)) << t;
    }

    void decode_maskedByDefault()
    {
        QFETCH(QString, type);
        const Person p = personOfType(type);
        const ToolRun r = decode(buildBlock(p.fields));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.jsonOk, r.out.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QCOMPARE(checkKeys(r.json, kIdentityKeys, kIdentityExtraKeys), QString());
        QCOMPARE(r.field("document_type"), p.documentType);
        for (const QString& key : p.nullKeys)
            QVERIFY2(r.json.value(key).isNull(), qPrintable(key));
        QVERIFY(r.json.value(QStringLiteral("warnings")).isArray());
        QCOMPARE(r.list("errors"), QStringList());
        const QStringList expectedWarnings =
            QDate::currentDate() > p.validUntil ? QStringList{QStringLiteral("expired")} : QStringList{};
        QCOMPARE(r.list("warnings"), expectedWarnings);

        // Non-personal fields are shown as they are.
        QCOMPARE(r.field("birth_date"), p.birthDate);
        QCOMPARE(r.field("sex_code"), p.sexCode);
        QCOMPARE(r.field("sex"), p.sex);

        // Personal fields keep their shape but not their content.
        QVERIFY2(looksMaskedIdNumber(r.field("id_number"), p.idNumber), qPrintable(r.field("id_number")));
        QVERIFY(!r.text().contains(p.idNumber));
        if (!p.name.isEmpty()) {
            QVERIFY(!r.text().contains(p.name));
            QCOMPARE(r.field("name").size(), p.name.size());
            QCOMPARE(r.field("name").at(0), p.name.at(0));
            QVERIFY(r.field("name").contains(QLatin1Char('*')));
        }
        if (!p.englishName.isEmpty()) {
            QVERIFY(!r.text().contains(p.englishName));
            QVERIFY(r.field("english_name").startsWith(p.englishName.at(0)));
            QVERIFY(r.field("english_name").contains(QLatin1Char('*')));
        }
        if (!p.address.isEmpty()) {
            QVERIFY(!r.text().contains(p.address));
            QVERIFY(r.field("address").startsWith(p.address.left(2)));
        }
        if (!p.permitNumber.isEmpty()) {
            QVERIFY(!r.text().contains(p.permitNumber));
            QVERIFY(r.field("permit_number").contains(QLatin1Char('*')));
        }
    }

    void decode_revealShowsEverything_data() { decode_maskedByDefault_data(); }

    void decode_revealShowsEverything()
    {
        QFETCH(QString, type);
        const Person p = personOfType(type);
        const ToolRun r = decode(buildBlock(p.fields), revealArgs());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.jsonOk, r.out.constData());
        QCOMPARE(r.field("document_type"), p.documentType);
        QCOMPARE(r.field("id_number"), p.idNumber);
        if (p.name.isEmpty())
            QVERIFY(r.isNull("name"));
        else
            QCOMPARE(r.field("name"), p.name);
        if (!p.englishName.isEmpty())
            QCOMPARE(r.field("english_name"), p.englishName);
        if (!p.address.isEmpty())
            QCOMPARE(r.field("address"), p.address);
        if (!p.permitNumber.isEmpty())
            QCOMPARE(r.field("permit_number"), p.permitNumber);
        for (auto it = p.expected.begin(); it != p.expected.end(); ++it)
            QCOMPARE(r.json.value(it.key()), it.value());
        for (const QString& key : p.nullKeys)
            QVERIFY2(r.json.value(key).isNull(), qPrintable(key));
        if (type == QLatin1String("resident"))
            QVERIFY(!r.field("ethnicity").isEmpty()); // the GB/T 3304 label of code 01
    }

    void decode_textOutputIsAlignedAndMasked()
    {
        const Person p = resident();
        const ToolRun r = decode(buildBlock(p.fields), {});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.jsonOk);
        const QString text = r.text();
        QVERIFY(!text.contains(p.name));
        QVERIFY(!text.contains(p.idNumber));
        QVERIFY(!text.contains(p.address));
        QVERIFY(text.contains(QStringLiteral("1990-03-07")));
        // Every "Label: value" row starts its value in the same column.
        const QStringList labels = {QStringLiteral("Name:"), QStringLiteral("ID number:"),
                                    QStringLiteral("Birth date:"), QStringLiteral("Valid until:"),
                                    QStringLiteral("Document type:")};
        QSet<qsizetype> columns;
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            for (const QString& label : labels) {
                if (!line.startsWith(label))
                    continue;
                qsizetype col = label.size();
                while (col < line.size() && line.at(col) == QLatin1Char(' '))
                    ++col;
                QVERIFY2(col > label.size() && col < line.size(), qPrintable(line));
                columns.insert(col);
            }
        }
        QCOMPARE(columns.size(), 1);
    }

    void decode_revealedTextOutput()
    {
        const Person p = hmtPermit();
        const ToolRun r = decode(buildBlock(p.fields),
                                 {QStringLiteral("--reveal"), QStringLiteral("--config"), m_allowConfig});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.text().contains(p.name));
        QVERIFY(r.text().contains(p.idNumber));
        QVERIFY(r.text().contains(p.permitNumber));
    }

    // ---- decode-text: input forms ------------------------------------------------------------

    void decode_hexText_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("spaces and newlines") << int(HexStyle::SpacedLines);
        QTest::newRow("0x prefixes and commas") << int(HexStyle::PrefixedCommas);
        QTest::newRow("colons") << int(HexStyle::Colons);
        QTest::newRow("dashes and CRLF") << int(HexStyle::DashesCrlf);
        QTest::newRow("compact lowercase") << int(HexStyle::CompactLower);
        QTest::newRow("UTF-8 byte-order mark") << int(HexStyle::Utf8Bom);
    }

    void decode_hexText()
    {
        QFETCH(int, style);
        const Person p = resident();
        const QByteArray block = buildBlock(p.fields);
        const ToolRun binary = decode(block);
        const ToolRun hex = decode(toHexText(block, HexStyle(style)));
        QCOMPARE(hex.exitCode, 0);
        QVERIFY2(hex.jsonOk, hex.err.constData());
        QCOMPARE(hex.json, binary.json);
        QCOMPARE(hex.field("document_type"), QStringLiteral("resident"));
    }

    void decode_hexWithComments()
    {
        const Person p = foreign2017();
        QByteArray text = "# captured at the test bench: synthetic foreigner card 测试样例\n";
        text += toHexText(buildBlock(p.fields), HexStyle::SpacedLines);
        text += "# end\n";
        const ToolRun r = decode(text, revealArgs());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.field("english_name"), p.englishName);
    }

    void decode_samFrame_data()
    {
        QTest::addColumn<bool>("asHex");
        QTest::newRow("binary frame") << false;
        QTest::newRow("hex frame") << true;
    }

    void decode_samFrame()
    {
        QFETCH(bool, asHex);
        const Person p = hmtPermit();
        const QByteArray frame = samReadFrame(buildBlock(p.fields));
        QCOMPARE(frame.size(), 1295); // reference/idcard.md §1.4
        const ToolRun r = decode(asHex ? toHexText(frame, HexStyle::SpacedLines) : frame, revealArgs());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.jsonOk, r.err.constData());
        QCOMPARE(r.field("document_type"), QStringLiteral("hmt_permit"));
        QCOMPARE(r.field("id_number"), p.idNumber);
        QCOMPARE(r.field("permit_number"), p.permitNumber);
    }

    void decode_samFrameRejected_data()
    {
        QTest::addColumn<QByteArray>("frame");
        const QByteArray block = buildBlock(resident().fields);
        QTest::newRow("read failed (SW3 0x41)") << samReadFrame(block, 0x41);
        QTest::newRow("no card (SW3 0x80)") << QByteArray::fromHex("AAAAAA9669000400008084");
        QTest::newRow("bad checksum") << samReadFrame(block, 0x90, true);
        QTest::newRow("truncated") << samReadFrame(block).left(700);
        QTest::newRow("trailing bytes") << samReadFrame(block) + QByteArray(3, '\0');
    }

    void decode_samFrameRejected()
    {
        QFETCH(QByteArray, frame);
        const ToolRun r = decode(frame);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.trimmed().isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void decode_standardInput_data()
    {
        QTest::addColumn<bool>("asHex");
        QTest::newRow("binary on stdin") << false;
        QTest::newRow("hex on stdin") << true;
    }

    void decode_standardInput()
    {
        QFETCH(bool, asHex);
        const QByteArray block = buildBlock(foreign2023().fields);
        const ToolRun r =
            runTool({QStringLiteral("decode-text"), QStringLiteral("-"), QStringLiteral("--json")},
                    asHex ? toHexText(block, HexStyle::CompactLower) + "\n" : block);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.field("document_type"), QStringLiteral("foreign_2023"));
    }

    // ---- decode-text: cross-checks, dates ----------------------------------------------------

    void decode_crossCheckErrors_data()
    {
        QTest::addColumn<QByteArray>("block");
        QTest::addColumn<QString>("code");
        {
            Person p = resident();
            setField(p.fields, 36, QStringLiteral("19900308"));
            QTest::newRow("birth date mismatch") << buildBlock(p.fields) << "birth_date_mismatch";
        }
        {
            Person p = resident();
            setField(p.fields, 30, QStringLiteral("1"));
            QTest::newRow("sex mismatch") << buildBlock(p.fields) << "sex_mismatch";
        }
        {
            Person p = resident();
            setField(p.fields, 122, QStringLiteral("110105199003079985"));
            QTest::newRow("bad check digit") << buildBlock(p.fields) << "id_invalid";
        }
        {
            Person p = hmtPermit(); // a permit carrying a mainland number
            setField(p.fields, 122, id18(QStringLiteral("11010519950815997")));
            QTest::newRow("hmt permit with mainland number") << buildBlock(p.fields) << "id_kind_mismatch";
        }
    }

    void decode_crossCheckErrors()
    {
        QFETCH(QByteArray, block);
        QFETCH(QString, code);
        const ToolRun r = decode(block);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.jsonOk, r.err.constData()); // the identity is still printed
        QVERIFY2(r.list("errors").contains(code), r.out.constData());
        QVERIFY2(r.list("warnings").contains(code), r.out.constData()); // warnings list both severities
        QVERIFY(!r.text().contains(QStringLiteral("测试·样例")));
    }

    void decode_warningsOnly()
    {
        Person p = resident();
        setField(p.fields, 32, QStringLiteral("77")); // not a GB/T 3304 code
        setField(p.fields, 188, QStringLiteral("20000307"));
        setField(p.fields, 204, QStringLiteral("20100307")); // expired
        const ToolRun r = decode(buildBlock(p.fields));
        QCOMPARE(r.exitCode, 0); // warnings never make the result negative
        QVERIFY2(r.list("warnings").contains(QStringLiteral("unknown_ethnicity_code")), r.out.constData());
        QVERIFY2(r.list("warnings").contains(QStringLiteral("expired")), r.out.constData());
        QCOMPARE(r.list("errors"), QStringList());
        QCOMPARE(r.field("ethnicity_code"), QStringLiteral("77"));
        QCOMPARE(r.field("valid_until"), QStringLiteral("2010-03-07"));
    }

    void decode_longTermAndRawDates()
    {
        Person p = resident();
        setField(p.fields, 204, QStringLiteral("长期"));
        const ToolRun longTerm = decode(buildBlock(p.fields));
        QCOMPARE(longTerm.exitCode, 0);
        QCOMPARE(longTerm.field("valid_until"), QStringLiteral("long-term"));
        QVERIFY(!longTerm.list("warnings").contains(QStringLiteral("expired")));

        setField(p.fields, 204, QStringLiteral("2040AB07"));
        const ToolRun raw = decode(buildBlock(p.fields));
        QVERIFY2(raw.jsonOk, raw.err.constData());
        QCOMPARE(raw.field("valid_until"), QStringLiteral("2040AB07")); // as on the card
        QVERIFY2(raw.list("warnings").contains(QStringLiteral("invalid_validity_date")), raw.out.constData());
    }

    // ---- decode-text: bad input --------------------------------------------------------------

    void decode_badInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        const QByteArray block = buildBlock(resident().fields);
        QTest::newRow("255 bytes") << block.left(255);
        QTest::newRow("257 bytes") << block + QByteArray(1, '\0');
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("hex of 128 bytes") << toHexText(block.left(128), HexStyle::SpacedLines);
        QTest::newRow("malformed hex") << QByteArray("4B 6D ZZ 8B\n");
        QTest::newRow("odd hex digits") << QByteArray("4B 6D D\n");
        QList<Field> fields = resident().fields;
        fields.append({248, 2, QStringLiteral("Z")});
        QTest::newRow("unknown document flag") << buildBlock(fields);
    }

    void decode_badInput()
    {
        QFETCH(QByteArray, input);
        const ToolRun r = decode(input);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.trimmed().isEmpty());
        QCOMPARE(r.err.count('\n'), 1); // one line
    }

    void decode_wrongSizeSaysSo()
    {
        const ToolRun r = decode(buildBlock(resident().fields).left(200));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("size") && r.err.contains("200"), r.err.constData());
    }

    // ---- reveal policy -----------------------------------------------------------------------

    void reveal_refusedByConfig_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<bool>("viaEnvironment");
        QTest::addColumn<QString>("command");
        QTest::newRow("allow_reveal=false, decode-text") << "deny" << false << "decode-text";
        QTest::newRow("allow_reveal=false, validate-id") << "deny" << false << "validate-id";
        QTest::newRow("config without the key") << "deployed" << false << "decode-text";
        QTest::newRow("ONEWINDOW_CONFIG") << "deny" << true << "decode-text";
    }

    void reveal_refusedByConfig()
    {
        QFETCH(QString, config);
        QFETCH(bool, viaEnvironment);
        QFETCH(QString, command);
        const QString configPath = config == QLatin1String("deny") ? m_denyConfig : m_deployedConfig;
        const Person p = resident();
        const QString input = writeFile(QStringLiteral("reveal-refused.bin"), buildBlock(p.fields));
        QStringList args = {command, command == QLatin1String("decode-text") ? input : p.idNumber,
                            QStringLiteral("--json"), QStringLiteral("--reveal")};
        if (!viaEnvironment)
            args << QStringLiteral("--config") << configPath;
        const ToolRun r = runTool(args, {}, viaEnvironment ? configPath : QString());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("reveal"), r.err.constData());
        QVERIFY(!r.err.contains(p.idNumber.toUtf8()));
        QVERIFY(!r.err.contains(p.name.toUtf8()));

        // The same file without --reveal decodes, masked.
        if (command == QLatin1String("decode-text")) {
            args.removeAll(QStringLiteral("--reveal"));
            const ToolRun masked = runTool(args, {}, viaEnvironment ? configPath : QString());
            QCOMPARE(masked.exitCode, 0);
            QVERIFY(!masked.text().contains(p.idNumber));
        }
    }

    // Issue 16 finding 4: --config /dev/zero and a 300 MB file are refused at once with a clear
    // message (before the fix the tool read /dev/zero until memory ran out).
    void config_sizeLimit_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QStringLiteral("not a regular file");
        QTest::newRow("300 MB") << QStringLiteral("big") << QStringLiteral("too large");
    }

    void config_sizeLimit()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        if (path == QLatin1String("big")) {
            path = m_dir.filePath(QStringLiteral("big.conf"));
            QFile big(path);
            QVERIFY(big.open(QIODevice::WriteOnly));
            big.write("[kiosk]\nstate_dir=/tmp/x\n");
            QVERIFY(big.resize(300LL * 1024 * 1024)); // sparse: 300 MB without using the disk
            big.close();
        }
        QElapsedTimer clock;
        clock.start();
        const ToolRun r =
            runTool({QStringLiteral("--config"), path, QStringLiteral("selftest"), QStringLiteral("--json")});
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(r.exitCode > 0, r.err.constData());
        QVERIFY2(r.text().contains(message) || QString::fromUtf8(r.err).contains(message),
                 (r.out + r.err).constData());
        if (path != QLatin1String("/dev/zero"))
            QFile::remove(path);
    }

    void reveal_allowedWithoutAnyConfig()
    {
        if (QFileInfo::exists(QStringLiteral("/etc/onewindow/kiosk.conf")))
            QSKIP(
                "this machine has /etc/onewindow/kiosk.conf; the no-configuration default cannot be tested");
        const ToolRun r = runTool({QStringLiteral("validate-id"), QLatin1String(kResidentNumber),
                                   QStringLiteral("--json"), QStringLiteral("--reveal")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.field("number"), QLatin1String(kResidentNumber));
        QCOMPARE(r.json.value(QStringLiteral("masked")), QJsonValue(false));
    }

    // ---- committed fixtures (tests/fixtures/idcard/) ------------------------------------------

    void fixtures_decode_data() { decode_maskedByDefault_data(); }

    void fixtures_decode()
    {
        QFETCH(QString, type);
        const Person p = personOfType(type);
        const QString sourceDir = qEnvironmentVariable("ONEWINDOW_SOURCE_DIR");
        QVERIFY2(!sourceDir.isEmpty(), "ONEWINDOW_SOURCE_DIR is set by ctest (onewindow_add_test)");
        const QString path = QDir(sourceDir).filePath(QStringLiteral("tests/fixtures/idcard/") + p.fixture);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray hex = file.readAll(); // fromHex skips the spaces and newlines
        // The committed file is exactly the block this test builds (generate.py is the other
        // independent writer of these bytes).
        QCOMPARE(QByteArray::fromHex(hex), buildBlock(p.fields));

        const ToolRun r = runTool(QStringList{QStringLiteral("decode-text"), path} + revealArgs());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.field("document_type"), p.documentType);
        QCOMPARE(r.field("id_number"), p.idNumber);
        QCOMPARE(r.field("birth_date"), p.birthDate);
        QCOMPARE(r.list("errors"), QStringList());
    }

    // ---- command line ------------------------------------------------------------------------

    void usage_errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no arguments") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"frobnicate"};
        QTest::newRow("validate-id without number") << QStringList{"validate-id"};
        QTest::newRow("validate-id with two numbers") << QStringList{"validate-id", "1", "2"};
        QTest::newRow("unknown option") << QStringList{"validate-id", kResidentNumber, "--frobnicate"};
        QTest::newRow("unknown short option") << QStringList{"decode-text", "-x", "-"};
        QTest::newRow("decode-text without file") << QStringList{"decode-text", "--json"};
        QTest::newRow("missing file")
            << QStringList{"decode-text", "/nonexistent/onewindow/block.hex", "--json"};
        QTest::newRow("--config without value") << QStringList{"validate-id", kResidentNumber, "--config"};
        QTest::newRow("missing explicit config")
            << QStringList{"--config", "/nonexistent/onewindow.conf", "validate-id", kResidentNumber};
        QTest::newRow("help for unknown command") << QStringList{"help", "frobnicate"};
    }

    void usage_errors()
    {
        QFETCH(QStringList, args);
        const ToolRun r = runTool(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.trimmed().isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void usage_directoryIsNotAFile()
    {
        const ToolRun r = runTool({QStringLiteral("decode-text"), m_dir.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void usage_neverEchoesPersonalData()
    {
        // A forgotten command word or a mistyped option must not put the number on stderr.
        const ToolRun command = runTool({QLatin1String(kResidentNumber)});
        QCOMPARE(command.exitCode, 2);
        QVERIFY(!command.err.contains(kResidentNumber));
        const ToolRun option =
            runTool({QStringLiteral("validate-id"), QStringLiteral("--number=11010519491231002X")});
        QCOMPARE(option.exitCode, 2);
        QVERIFY(!option.err.contains(kResidentNumber));
        QVERIFY2(option.err.contains("--number"), option.err.constData());
    }

    void usage_help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("--help") << QStringList{"--help"} << "decode-text";
        QTest::newRow("-h") << QStringList{"-h"} << "validate-id";
        QTest::newRow("help") << QStringList{"help"} << "decode-text";
        QTest::newRow("help validate-id") << QStringList{"help", "validate-id"} << "masked";
        QTest::newRow("decode-text --help") << QStringList{"decode-text", "--help"} << "--reveal";
    }

    void usage_help()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mustContain);
        const ToolRun r = runTool(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.text().startsWith(QStringLiteral("Usage:")));
        QVERIFY2(r.text().contains(mustContain), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TstToolCli)
#include "tst_tool_cli.moc"
