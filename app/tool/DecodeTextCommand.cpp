#include "app/tool/DecodeTextCommand.h"

#include "app/tool/IdentityJson.h"
#include "app/tool/InputBytes.h"
#include "app/tool/TextTable.h"
#include "drivers/idcard/CrossCheck.h"
#include "drivers/idcard/SecureWipe.h"
#include "drivers/idcard/TextBlock.h"

namespace onewindow::tool {

CommandResult DecodeTextCommand::run(const Request& request)
{
    auto raw = input::readAll(request.path, request.standardInput);
    if (!raw)
        return CommandResult::usageError(raw.error());

    auto bytes = input::decodeBinaryOrHex(raw.value());
    secureWipe(raw.value());
    if (!bytes)
        return CommandResult::usageError(bytes.error());

    auto block = input::textBlockFrom(bytes.value());
    secureWipe(bytes.value());
    if (!block)
        return CommandResult::usageError(block.error());

    auto decoded = decodeTextBlock(block.value());
    const qsizetype blockSize = block->size();
    secureWipe(block.value());
    if (!decoded) {
        switch (decoded.error()) {
        case TextBlockError::WrongSize:
            return CommandResult::usageError(
                QStringLiteral("wrong size: the text block has %1 bytes, expected %2")
                    .arg(blockSize)
                    .arg(kTextBlockSize));
        case TextBlockError::UnsupportedDocument:
            return CommandResult::usageError(
                QStringLiteral("unsupported document: unknown type flag at offset %1").arg(kTypeFlagOffset));
        }
        return CommandResult::usageError(QLatin1String(textBlockErrorName(decoded.error())));
    }

    Identity& identity = decoded.value();
    const QList<CheckFinding> findings = crossCheck(identity, request.today);
    QJsonObject object = identityToJson(identity, findings, request.reveal);
    identity.wipe();

    CommandResult result;
    result.exitCode = hasErrors(findings) ? ExitNegative : ExitSuccess;
    if (request.json) {
        result.output = jsonBytes(object);
    } else {
        QString text = identityJsonToText(object);
        result.output = text.toUtf8();
        secureWipe(text);
    }
    return result;
}

QString DecodeTextCommand::usage()
{
    return QStringLiteral(
        "Usage: onewindow-tool decode-text FILE|- [--json] [--reveal]\n"
        "\n"
        "Decodes the 256-byte machine-readable text block of a resident ID card, an HK/Macau/\n"
        "Taiwan residence permit ('J') or a foreigner permanent residence card ('I' 2017,\n"
        "'Y' 2023), and cross-checks it (ID number, birth date and sex against the number,\n"
        "validity). FILE - reads standard input. The input may be:\n"
        "  - the block itself, binary (256 bytes);\n"
        "  - the block as hex text: whitespace, newlines, 0x prefixes, ':' '-' ',' separators\n"
        "    and '#' comments are ignored (tests/fixtures/idcard/*.hex are examples);\n"
        "  - a captured SAM read-response frame (AA AA AA 96 69 ...), binary or hex: the frame's\n"
        "    length and checksum are verified, SW3 must be 0x90, and its text part is decoded.\n"
        "\n"
        "Name, English name, address, ID number, permit number and previous number are masked\n"
        "unless --reveal is given and the configuration allows it (privacy/allow_reveal; with no\n"
        "configuration file at all it is allowed). A refused --reveal exits 2 and prints nothing.\n"
        "\n"
        "  --json     {\"document_type\", \"name\", \"english_name\", \"sex_code\", \"sex\",\n"
        "             \"ethnicity_code\", \"ethnicity\", \"birth_date\", \"address\", \"id_number\", "
        "\"issuer\",\n"
        "             \"valid_from\", \"valid_until\" (YYYY-MM-DD or \"long-term\"), \"nationality\",\n"
        "             \"permit_number\", \"issue_count\", \"warnings\": [all cross-check codes],\n"
        "             \"errors\": [error codes only], ...}; fields a document does not carry are null,\n"
        "             a date that does not parse is given as on the card\n"
        "  --reveal   show personal fields unmasked\n"
        "\n"
        "Exit status: 0 decoded, 1 decoded but the cross-check found errors (e.g. birth date or\n"
        "sex does not match the ID number), 2 usage error, unreadable file, wrong size, malformed\n"
        "hex or frame, unsupported document type.\n");
}

} // namespace onewindow::tool
