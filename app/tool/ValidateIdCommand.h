#pragma once

#include "app/tool/CommandResult.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

namespace onewindow::tool {

// onewindow-tool validate-id NUMBER [--json] [--reveal]
// Checks a GB 11643 number (resident, HMT permit, 2023 foreigner card, legacy 15-digit):
// JSON {"valid", "number", "kind", "birth_date", "sex", "region_code", "error"}.
// The echoed number is masked unless reveal; birth date, sex and region code are the result of
// the check and always shown. Exit 0 valid, 1 invalid.
class ValidateIdCommand
{
public:
    struct Request
    {
        QString number;
        bool json = false;
        bool reveal = false; // already authorised by the caller
        QDate today = QDate::currentDate();
    };

    static CommandResult run(const Request& request);
    static QJsonObject toJson(const Request& request);
    static QString usage();
};

} // namespace onewindow::tool
