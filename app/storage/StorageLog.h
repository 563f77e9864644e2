#pragma once

#include <QLoggingCategory>

namespace onewindow {
// Storage messages: file names, counts, SQLite codes; never personal data.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
} // namespace onewindow
