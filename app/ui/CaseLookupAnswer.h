#pragma once

#include "app/ui/ProgressSource.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace onewindow {

// The hub's answer to POST /v1/cases:lookup ({"cases":[…]}), parsed from untrusted bytes.
// std::nullopt when it is not a 200 of that shape (the caller then answers offline).
std::optional<QList<ProgressEntry>> parseCaseLookup(int httpStatus, const QByteArray& body);

} // namespace onewindow
