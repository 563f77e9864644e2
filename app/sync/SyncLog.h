#pragma once

#include <QLoggingCategory>

namespace onewindow {
// Sync messages: endpoints, item UUIDs, HTTP and curl codes, counts; never personal data
// (bodies are never logged).
Q_DECLARE_LOGGING_CATEGORY(lcSync)
} // namespace onewindow
